import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, FORMER_AUDIT_ACTIONS, auditActionNames, currentAuditAction, isAuditAction } from './audit-actions';

describe('the audit log’s actions', () => {
  it('are named subject.what-happened, once each', () => {
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it('read entries written under a former name under its current one, and find them by it', () => {
    for (const [former, current] of Object.entries(FORMER_AUDIT_ACTIONS)) {
      expect(isAuditAction(current)).toBe(true);
      expect(isAuditAction(former)).toBe(false);
      expect(currentAuditAction(former)).toBe(current);
      expect(auditActionNames(current)).toContain(former);
    }
    expect(currentAuditAction('report.viewed')).toBe('report.viewed');
    expect(auditActionNames('report.viewed')).toEqual(['report.viewed', 'report.read']);
  });
});
