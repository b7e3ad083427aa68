import { describe, expect, it } from 'vitest';
import { GWENT, areaCodes } from '@harbour/core';
import { messageText, publicReportBody } from '@harbour/contract';
import { intakeChecks } from '../src/routes/intake-checks';

const reportBody = publicReportBody(intakeChecks(areaCodes(GWENT)));
import { REPORT_LIMITS } from '../../web/src/pages/report/report-limits';

/** A report with one answer of the given length, for each limit the form shows. */
const ANSWERS: Record<keyof typeof REPORT_LIMITS, { path: (string | number)[]; body: (n: number) => Record<string, unknown> }> = {
  description: { path: ['description'], body: (n) => ({ description: 'a'.repeat(n) }) },
  when: { path: ['when'], body: (n) => ({ when: 'a'.repeat(n) }) },
  town: { path: ['town'], body: (n) => ({ town: 'a'.repeat(n) }) },
  locationDescription: { path: ['locationDescription'], body: (n) => ({ locationDescription: 'a'.repeat(n) }) },
  personName: { path: ['people', 0, 'name'], body: (n) => ({ people: [{ name: 'a'.repeat(n) }] }) },
  personNationality: { path: ['people', 0, 'nationality'], body: (n) => ({ people: [{ nationality: 'a'.repeat(n) }] }) },
  personDescription: { path: ['people', 0, 'description'], body: (n) => ({ people: [{ description: 'a'.repeat(n) }] }) },
  phone: { path: ['phones', 0], body: (n) => ({ phones: ['0'.repeat(n)] }) },
  vehicle: { path: ['vehicles', 0, 'registration'], body: (n) => ({ vehicles: [{ registration: 'A'.repeat(n) }] }) },
  vehicleDescription: { path: ['vehicles', 0, 'description'], body: (n) => ({ vehicles: [{ registration: 'CU57ABC', description: 'a'.repeat(n) }] }) },
  business: { path: ['businesses', 0, 'name'], body: (n) => ({ businesses: [{ name: 'a'.repeat(n) }] }) },
  businessAddress: { path: ['businesses', 0, 'address'], body: (n) => ({ businesses: [{ name: 'Nails', address: 'a'.repeat(n) }] }) },
  online: { path: ['online', 0, 'identifier'], body: (n) => ({ online: [{ identifier: `https://example.org/${'a'.repeat(n - 20)}` }] }) },
  message: { path: [], body: () => ({}) },
};

describe('the public form states the limits the server keeps', () => {
  for (const [field, answer] of Object.entries(ANSWERS).filter(([f]) => f !== 'message')) {
    const limit = REPORT_LIMITS[field as keyof typeof REPORT_LIMITS];
    it(`${field}: ${limit} characters are taken, one more is refused as too long`, () => {
      const report = (n: number) => reportBody.safeParse({ language: 'en', description: 'What is happening', formToken: 't', ...answer.body(n) });
      expect(report(limit).error?.issues ?? []).toEqual([]);
      const refused = report(limit + 1).error?.issues ?? [];
      expect(refused.map((i) => ({ path: i.path, code: i.code }))).toContainEqual({ path: answer.path, code: 'too_big' });
    });
  }

  it(`a message to or from the team: ${REPORT_LIMITS.message} characters are taken, one more is refused`, () => {
    expect(messageText.safeParse('a'.repeat(REPORT_LIMITS.message)).success).toBe(true);
    expect(messageText.safeParse('a'.repeat(REPORT_LIMITS.message + 1)).error?.issues[0]?.code).toBe('too_big');
  });
});
