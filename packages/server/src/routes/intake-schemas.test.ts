import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUBLIC_SIGNS, REPORT_LANGUAGES, publicReportBody, referralBody as referralBodyFor } from '@harbour/contract';
import { CURRENT_CATALOGUE, GWENT, areaCodes } from '@harbour/core';
import { intakeChecks } from './intake-checks';

const checks = intakeChecks(areaCodes(GWENT));
const reportBody = publicReportBody(checks);
const referralBody = referralBodyFor(checks, CURRENT_CATALOGUE.version);

const postcode = fc
  .tuple(
    fc.constantFrom('NP', 'CF', 'N', 'SW'),
    fc.integer({ min: 1, max: 44 }),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom('AB', 'XY', 'QT'),
    fc.constantFrom(' ', ''),
  )
  .map(([area, district, sector, unit, space]) => `${area}${district}${space}${sector}${unit}`);
const nonBlank = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);

const validPublic = fc.record({
  formToken: fc.string({ maxLength: 100 }),
  language: fc.constantFrom(...REPORT_LANGUAGES),
  description: nonBlank(2000),
  relation: fc.constantFrom('self', 'someone_else', 'not_said'),
  signs: fc.uniqueArray(fc.constantFrom(...PUBLIC_SIGNS)),
  childInvolved: fc.constantFrom('yes', 'no', 'unknown'),
  postcode: fc.option(postcode, { nil: undefined }),
  people: fc.array(fc.record({ name: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }) }), { maxLength: 20 }),
  phones: fc.array(fc.stringMatching(/^\+?\d{2}[\d ]{4,18}\d$/), { maxLength: 10 }),
});

describe('public report schema', () => {
  it('accepts every well-formed report, in any language, whatever the text', () => {
    fc.assert(fc.property(validPublic, (body) => reportBody.safeParse(body).success));
  });

  it('always requires a description and names it', () => {
    fc.assert(
      fc.property(validPublic, fc.constantFrom('', '   ', '\n\t'), (body, blank) => {
        const result = reportBody.safeParse({ ...body, description: blank });
        return !result.success && result.error.issues.some((i) => i.path.join('.') === 'description');
      }),
    );
  });

  it('names a field that is too long, or a malformed postcode or phone, by its path', () => {
    fc.assert(
      fc.property(validPublic, fc.constantFrom('description', 'postcode', 'phones'), (body, field) => {
        const broken =
          field === 'description'
            ? { ...body, description: 'x'.repeat(10_001) }
            : field === 'postcode'
              ? { ...body, postcode: 'not a postcode' }
              : { ...body, phones: ['call me maybe'] };
        const result = reportBody.safeParse(broken);
        return !result.success && result.error.issues.some((i) => String(i.path[0]) === field);
      }),
    );
  });

  it('refuses signs outside the public list and languages outside the eight', () => {
    fc.assert(
      fc.property(validPublic, fc.string({ minLength: 1, maxLength: 30 }), (body, junk) => {
        fc.pre(!(PUBLIC_SIGNS as readonly string[]).includes(junk) && !(REPORT_LANGUAGES as readonly string[]).includes(junk));
        return !reportBody.safeParse({ ...body, signs: [junk] }).success && !reportBody.safeParse({ ...body, language: junk }).success;
      }),
    );
  });
});

describe('referral schema', () => {
  it('accepts a minimal referral and fills in safe defaults', () => {
    const parsed = referralBody.parse({ summary: 'Seen at a car wash' });
    expect(parsed).toMatchObject({ consentToNrm: 'unknown', riskToLife: false, potentialVictims: 1, victim: { child: 'unknown', interpreterNeeded: false } });
  });

  it('names impossible ages and victim counts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 121 })), fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 501 })), (age, victims) => {
        const result = referralBody.safeParse({ summary: 's', victim: { ageYears: age }, potentialVictims: victims });
        const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
        return paths.includes('victim.ageYears') && paths.includes('potentialVictims');
      }),
    );
  });

  it('takes online accounts, bank accounts and documents, and names what is wrong with each', () => {
    const ok = referralBody.parse({
      summary: 's',
      online: [{ identifier: 'instagram.com/mirela.nails' }],
      bankAccounts: [{ sortCode: '20-20-15', accountNumber: '55555555' }, { iban: 'GB33 BUKB 2020 1555 5555 55' }],
      documents: [{ type: 'passport', number: 'AB 123 456 7', country: 'Albania' }],
    });
    expect(ok.bankAccounts).toHaveLength(2);
    const result = referralBody.safeParse({
      summary: 's',
      online: [{ identifier: 'two words' }],
      bankAccounts: [{ bank: 'Barclays' }, { sortCode: '20-20', accountNumber: '12' }, { iban: 'GB34 BUKB 2020 1555 5555 55' }],
      documents: [
        { type: 'library_card', number: 'AB1234567' },
        { type: 'passport', number: 'A1' },
      ],
    });
    const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'online.0.identifier: Enter a web address, a user name without spaces, or an e-mail address',
        'bankAccounts.0.accountNumber: Enter an account number or an IBAN',
        'bankAccounts.1.sortCode: Enter a sort code of six digits, like 20-20-15',
        'bankAccounts.1.accountNumber: Enter an account number of 6 to 18 digits',
        'bankAccounts.2.iban: Enter a valid IBAN: the country format or check digits are wrong',
        expect.stringMatching(/^documents\.0\.type: /),
        'documents.1.number: Enter the document number as shown on it',
      ]),
    );
  });
});
