import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_ENTITY_ROLES } from '../pursue/case-workflow';
import { RECORD_KINDS } from '@harbour/contract';
import { addDays } from '../pursue/calendar-dates';
import { SHARING_CATEGORIES, recordAccess, checkSharing, sharingTerms, type AgreementTerms } from './sharing';
import { sharedParties } from './shared-case';

const FORCE = 'force';
const TODAY = '2026-12-03';
const day = fc.integer({ min: -60, max: 60 }).map((n) => addDays(TODAY, n));
const agreement = fc.record({
  agencyId: fc.constantFrom('council', 'charity'),
  categories: fc.subarray([...SHARING_CATEGORIES]),
  startsOn: day,
  endsOn: day,
  endedAt: fc.option(fc.constant(new Date('2026-12-01T10:00:00Z')), { nil: null }),
});

describe('sharing with partner agencies', () => {
  it('refuses sharing outside an agreement in force, with the reason', () => {
    const a: AgreementTerms = { agencyId: 'council', categories: ['addresses'], startsOn: '2026-01-01', endsOn: '2026-12-02', endedAt: null };
    expect(() => checkSharing([a], 'council', FORCE, TODAY)).toThrow(/no information-sharing agreement in force/);
    expect(checkSharing([{ ...a, endsOn: '2027-01-01' }], 'council', FORCE, TODAY)).toEqual(['addresses']);
    expect(() => checkSharing([a], FORCE, FORCE, TODAY)).toThrow(/own/);
  });

  it('for any history of agreements and a share, another agency reaches a case only while both are in force, and only with the agreed categories', () => {
    fc.assert(
      fc.property(
        fc.array(agreement, { maxLength: 4 }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.constantFrom('council', 'charity', FORCE),
        (agreements, revoked, agencyId) => {
          const share = revoked === undefined ? undefined : { revokedAt: revoked ? new Date() : null };
          const access = recordAccess({ agencyId }, FORCE, share, agreements, TODAY);
          const inForce = agreements.filter((a) => a.agencyId === agencyId && a.endedAt === null && a.startsOn <= TODAY && TODAY <= a.endsOn);
          if (agencyId === FORCE) expect(access.kind).toBe('whole');
          else if (!share || share.revokedAt || inForce.length === 0) expect(access.kind).toBe('none');
          else {
            expect(access).toEqual({ kind: 'shared', categories: sharingTerms(agreements, agencyId, TODAY) });
            if (access.kind === 'shared') for (const c of access.categories) expect(inForce.some((a) => a.categories.includes(c))).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never names a party, or passes on a thing, the agreement does not allow', () => {
    const party = fc.record({
      entityId: fc.uuid(),
      kind: fc.constantFrom(...RECORD_KINDS),
      label: fc.string({ minLength: 1, maxLength: 12 }),
      role: fc.constantFrom(...CASE_ENTITY_ROLES),
    });
    fc.assert(
      fc.property(fc.array(party, { maxLength: 12 }), fc.subarray([...SHARING_CATEGORIES]), (parties, categories) => {
        const shared = sharedParties(parties, categories);
        const text = JSON.stringify(shared);
        for (const p of parties) expect(text).not.toContain(p.entityId);
        for (const s of shared) {
          expect(['person', 'address']).toContain(s.kind);
          if (s.kind === 'address') expect(categories).toContain('addresses');
          if (s.kind === 'person') expect(s.role).not.toBe('associated');
          if (s.label !== null && s.kind === 'person') expect(categories).toContain(s.role === 'potential_victim' ? 'victim_identity' : 'suspect_identity');
        }
        const hiddenVictims = parties.filter((p) => p.kind === 'person' && p.role === 'potential_victim');
        if (!categories.includes('victim_identity'))
          for (const v of hiddenVictims) expect(shared.some((s) => s.role === 'potential_victim' && s.label === v.label)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
