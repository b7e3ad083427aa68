import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPLOITATION_TYPES } from '../domain';
import { Invalid } from '../errors';
import { CURRENT_CATALOGUE } from './indicators';
import { bandFor, triage, TRIAGE_BANDS, triageWithoutChecklist, type TriageBand, type TriageInput } from './triage';

const ids = CURRENT_CATALOGUE.indicators.map((i) => i.id);
const input = fc.record({
  catalogueVersion: fc.constant(CURRENT_CATALOGUE.version),
  indicatorIds: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 12 }),
  child: fc.constantFrom<TriageInput['child']>('yes', 'no', 'unknown'),
  riskToLife: fc.boolean(),
  consentToNrm: fc.constantFrom<TriageInput['consentToNrm']>('yes', 'no', 'unknown'),
  potentialVictims: fc.integer({ min: 1, max: 50 }),
  exploitationTypes: fc.uniqueArray(fc.constantFrom(...EXPLOITATION_TYPES), { maxLength: 3 }),
  interpreterNeeded: fc.boolean(),
});

/** How urgent a band is: its place from low to critical. */
const rank = (band: TriageBand) => TRIAGE_BANDS.indexOf(band);

describe('the indicator catalogue', () => {
  it('has unique ids, both languages, and includes all 11 ILO forced-labour indicators', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(CURRENT_CATALOGUE.indicators.filter((i) => i.source === 'ilo')).toHaveLength(11);
    for (const i of CURRENT_CATALOGUE.indicators) {
      expect(i.label.en.length).toBeGreaterThan(5);
      expect(i.label.cy.length).toBeGreaterThan(5);
      expect(i.label.cy).not.toBe(i.label.en);
      expect(i.types.length).toBeGreaterThan(0);
    }
    for (const element of ['act', 'means', 'purpose'] as const) expect(CURRENT_CATALOGUE.indicators.some((i) => i.element === element)).toBe(true);
    for (const group of ['physical', 'psychological', 'situational', 'environmental'] as const)
      expect(CURRENT_CATALOGUE.indicators.some((i) => i.group === group)).toBe(true);
  });
});

describe('triage', () => {
  it('explains itself: the contributions add up to the score', () => {
    fc.assert(fc.property(input, (x) => triage(x).contributions.reduce((s, c) => s + c.points, 0) === triage(x).score));
  });

  it('never scores lower for one more indicator', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...ids), (x, extra) => {
        if (x.indicatorIds.includes(extra)) return true;
        return triage({ ...x, indicatorIds: [...x.indicatorIds, extra] }).score >= triage(x).score;
      }),
    );
  });

  it('never puts a child or anyone in danger now below high, whatever else is ticked', () => {
    fc.assert(
      fc.property(input, fc.constantFrom('child', 'danger', 'both'), (x, urgent) => {
        const r = triage({ ...x, child: urgent === 'danger' ? x.child : 'yes', riskToLife: urgent === 'child' ? x.riskToLife : true });
        return rank(r.band) >= rank('high');
      }),
    );
    // The same from a spreadsheet row or another force's case that says only "a child".
    expect(triageWithoutChecklist({ child: true, potentialVictims: 1, exploitationTypes: [] }).band).toBe('high');
  });

  it('bands by score alone for an adult not in danger, and a higher score is never a lower band', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.boolean(), fc.boolean(), (a, b, child, riskToLife) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return rank(bandFor(low, { child, riskToLife })) <= rank(bandFor(high, { child, riskToLife }));
      }),
    );
    expect([0, 4, 5, 9, 10, 14, 15].map((s) => bandFor(s, { child: false, riskToLife: false }))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
    ]);
  });

  it('puts calling 999 first whenever life is at risk, and bands it critical', () => {
    fc.assert(
      fc.property(input, (x) => {
        const r = triage({ ...x, riskToLife: true });
        return r.guidance[0] === 'call_999_now' && r.band === 'critical';
      }),
    );
  });

  it('sends a child to the NRM without consent and to safeguarding, never to Duty to Notify', () => {
    fc.assert(
      fc.property(input, (x) => {
        const g = triage({ ...x, child: 'yes' }).guidance;
        return g.includes('nrm_referral_child') && g.includes('safeguard_child_now') && !g.includes('duty_to_notify') && !g.includes('ask_adult_consent');
      }),
    );
  });

  it('refers an adult to the NRM only with consent, and otherwise notifies the Home Office', () => {
    fc.assert(
      fc.property(input, (x) => {
        const adult = { ...x, child: 'no' as const };
        const yes = triage({ ...adult, consentToNrm: 'yes' }).guidance;
        const no = triage({ ...adult, consentToNrm: 'no' }).guidance;
        const unknown = triage({ ...adult, consentToNrm: 'unknown' }).guidance;
        return (
          yes.includes('nrm_referral_adult_consented') &&
          !yes.includes('duty_to_notify') &&
          no.includes('duty_to_notify') &&
          !no.some((s) => s.startsWith('nrm_referral')) &&
          unknown.includes('ask_adult_consent') &&
          !unknown.some((s) => s.startsWith('nrm_referral'))
        );
      }),
    );
  });

  it('scores a known case exactly', () => {
    const r = triage({
      catalogueVersion: '2026.1',
      indicatorIds: ['ho.recruited_false_promises', 'ilo.retention_of_documents', 'ilo.withholding_wages', 'ho.high_risk_workplace'],
      child: 'no',
      riskToLife: false,
      consentToNrm: 'no',
      potentialVictims: 3,
      exploitationTypes: [],
      interpreterNeeded: true,
    });
    // 2 + 3 + 2 + 1 indicators, 3 for act+means+purpose, 2 for two more victims.
    expect(r.score).toBe(13);
    expect(r.band).toBe('high');
    expect(r.elements).toEqual({ act: true, means: true, purpose: true });
    expect(r.likelyTypes[0]).toBe('labour');
    expect(r.guidance).toEqual(['duty_to_notify', 'book_interpreter']);
  });

  it('completes the offence for a child with Act and Purpose alone', () => {
    const r = triage({
      catalogueVersion: '2026.1',
      indicatorIds: ['ho.moved_between_places', 'ho.county_lines_phone'],
      child: 'yes',
      riskToLife: false,
      consentToNrm: 'unknown',
      potentialVictims: 1,
      exploitationTypes: [],
      interpreterNeeded: false,
    });
    expect(r.contributions.map((c) => c.id)).toEqual(['ho.moved_between_places', 'ho.county_lines_phone', 'child', 'act_means_purpose']);
    expect(r.score).toBe(2 + 3 + 4 + 3);
  });

  it('names an unknown indicator and a bad victim count', () => {
    const base: TriageInput = {
      catalogueVersion: '2026.1',
      indicatorIds: ['ilo.deception', 'nope'],
      child: 'no',
      riskToLife: false,
      consentToNrm: 'yes',
      potentialVictims: 1,
      exploitationTypes: [],
      interpreterNeeded: false,
    };
    expect(() => triage(base)).toThrow(Invalid);
    try {
      triage(base);
    } catch (e) {
      expect((e as Invalid).fields).toEqual([{ path: 'indicators.1', message: 'No indicator nope in catalogue 2026.1' }]);
    }
    expect(() => triage({ ...base, indicatorIds: [], potentialVictims: 0 })).toThrow(/1 or more/);
    expect(() => triage({ ...base, catalogueVersion: '1999' })).toThrow(/Unknown indicator catalogue/);
  });
});
