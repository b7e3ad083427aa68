import { describe, expect, it } from 'vitest';
import { auditVerdict } from './verdict';

describe("the production dependencies' audit", () => {
  it('fails on a high or critical advisory, naming the package', () => {
    const report = {
      metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 1, critical: 0, total: 2 } },
      vulnerabilities: { a: { name: 'a', severity: 'low' }, fastify: { name: 'fastify', severity: 'high' } },
    };
    expect(auditVerdict(report, false)).toEqual({
      pass: false,
      lines: ['audit: 0 info, 1 low, 0 moderate, 1 high, 0 critical in production dependencies', '  high: fastify'],
    });
  });

  it('passes with low and moderate advisories only', () => {
    const report = {
      metadata: { vulnerabilities: { low: 2, moderate: 1, high: 0, critical: 0 } },
      vulnerabilities: { a: { name: 'a', severity: 'moderate' } },
    };
    expect(auditVerdict(report, true).pass).toBe(true);
  });

  it('says so when the registry has no advisory service, and fails then only when the audit is required', () => {
    const refused = { statusCode: 405, message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' };
    expect(auditVerdict(refused, false)).toEqual({
      pass: true,
      lines: [expect.stringMatching(/^audit: not checked: the registry gave no advisories \(405 Method Not Allowed.*\); set HARBOUR_REQUIRE_AUDIT=on/)],
    });
    expect(auditVerdict(refused, true).pass).toBe(false);
  });
});
