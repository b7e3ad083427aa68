import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, FIELD_REASONS } from '../../../../core/src/errors';
import { ApiError } from '../../api/client';
import i18n from 'i18next';
import ar from '../../i18n/ar.json';
import cy from '../../i18n/cy.json';
import en from '../../i18n/en.json';
import pl from '../../i18n/pl.json';
import ro from '../../i18n/ro.json';
import sq from '../../i18n/sq.json';
import vi from '../../i18n/vi.json';
import zh from '../../i18n/zh.json';
import { ERROR_REASON_KEYS, problemsFrom, REASON_KEYS } from './problems';

// Says which message was chosen and with what limit, whatever the language.
const t = ((key: string, options?: { limit?: string }) => (options?.limit ? `${key}(${options.limit})` : key)) as unknown as TFunction;

describe('problems from a refused request', () => {
  it('a page’s own words for a field are used when something is missing or wrong there', () => {
    const refused = new ApiError(400, 'validation', 'Invalid', [{ path: 'description', message: 'Tell us what is happening', reason: 'required' }]);
    expect(problemsFrom(refused, t, { description: 'report.errors.descriptionRequired' })).toEqual([
      { field: 'description', message: 'report.errors.descriptionRequired' },
    ]);
  });

  it('too much is told as the limit, never as the empty-box message', () => {
    const refused = new ApiError(400, 'validation', 'Invalid', [
      { path: 'description', message: 'Must be 10,000 characters or fewer', reason: 'too_long', limit: 10_000 },
    ]);
    const [problem] = problemsFrom(refused, t, { description: 'report.errors.descriptionRequired' });
    expect(problem?.message).toMatch(/^errors\.field\.tooLong\(10.000\)$/);
  });
});

describe('every reason the server gives has words in each language that meets it', () => {
  const resources = { en, cy, pl, ro, sq, vi, ar, zh } as Record<string, unknown>;
  const lookup = (resource: unknown, key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource);
  // A reporter meets these on the public form, in any of its languages; staff meet the rest in English and Welsh.
  const publicReasons = new Set(['required', 'too_long', 'too_many', 'too_big', 'too_small', 'postcode', 'phone', 'online_identity']);

  it('a field reason', () => {
    for (const reason of FIELD_REASONS.filter((r) => r !== 'invalid')) {
      const key = REASON_KEYS[reason];
      expect(key, reason).toBeDefined();
      for (const lang of publicReasons.has(reason) ? Object.keys(resources) : ['en', 'cy'])
        expect(typeof lookup(resources[lang], key!), `${lang}: ${reason} (${key})`).toBe('string');
    }
  });

  it('a reason for refusing a whole request', () => {
    for (const reason of ERROR_REASONS) {
      const key = ERROR_REASON_KEYS[reason];
      // A counted message has its plural forms instead (…_other).
      for (const lang of ['en', 'cy'])
        expect(typeof (lookup(resources[lang], key!) ?? lookup(resources[lang], `${key!}_other`)), `${lang}: ${reason}`).toBe('string');
    }
  });

  it('says what shape to enter, in Welsh, where English would, and gives the numbers the words need', async () => {
    await i18n.init({ resources: { en: { translation: en }, cy: { translation: cy } }, lng: 'cy', interpolation: { escapeValue: false } });
    try {
      const refused = new ApiError(400, 'invalid', 'Some of what was sent is not valid', [
        { path: 'location.postcode', message: 'Enter a UK postcode like NP20 1AB', reason: 'postcode' },
        { path: 'phones.0', message: 'Enter a phone number using digits', reason: 'phone' },
        { path: 'victim.dob', message: 'The date of birth makes them under 18…', reason: 'dob_under_18_but_not_child', values: { age: 16 } },
        { path: 'victim.ageYears', message: 'Too big', reason: 'too_big', limit: 120 },
      ]);
      expect(problemsFrom(refused, i18n.t, { 'victim.dob': i18n.t('referral.agesDisagree') }).map((p) => p.message)).toEqual([
        cy.errors.field.postcode,
        cy.errors.field.phone,
        cy.referral.contradictions.dob_under_18_but_not_child.replace('{{age}}', '16'),
        cy.errors.field.tooBig.replace('{{limit}}', '120'),
      ]);
      const slow = new ApiError(429, 'too_many_requests', 'Too many tries…', [], { reason: 'slow_down', values: { seconds: 8 } });
      expect(problemsFrom(slow, i18n.t)[0]!.message).toBe(cy.staffErrors.reason.slowDown_other.replace('{{seconds}}', '8'));
      const wrong = new ApiError(401, 'unauthenticated', 'The email address or password is not right', [], { reason: 'wrong_credentials' });
      expect(problemsFrom(wrong, i18n.t)[0]!.message).toBe(cy.staffErrors.reason.wrongCredentials);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

describe('the law’s refusals, in the reader’s words', () => {
  it('in Welsh, a date the server names written as a Welsh reader writes dates', async () => {
    await i18n.init({ resources: { en: { translation: en }, cy: { translation: cy } }, lng: 'cy', interpolation: { escapeValue: false } });
    try {
      const refused = new ApiError(400, 'invalid', 'No Conclusive Grounds decision…', [
        { path: 'cgDecidedOn', message: 'No Conclusive Grounds decision…', reason: 'cg_in_recovery_period', values: { days: 30, earliest: '2027-01-05' } },
      ]);
      expect(problemsFrom(refused, i18n.t)).toEqual([
        { field: 'cgDecidedOn', message: cy.staffErrors.domain.cgInRecoveryPeriod.replace('{{days}}', '30').replace('{{earliest}}', '5 Ionawr 2027') },
      ]);
      const shared = new ApiError(409, 'conflict', 'There is no information-sharing agreement…', [], { reason: 'no_agreement_in_force' });
      expect(problemsFrom(shared, i18n.t)[0]!.message).toBe(cy.staffErrors.reason.noAgreementInForce);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
