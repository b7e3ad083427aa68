/** Shapes the API returns (see /api/openapi.json). */
export type Role = 'admin' | 'supervisor' | 'investigator' | 'researcher' | 'analyst' | 'officer' | 'partner';
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer', 'partner'];

export interface Session {
  stage: 'second-factor' | 'enrol-second-factor' | 'complete';
  csrfToken: string;
  user: { id: string; displayName: string; email: string; role: Role; agencyId: string; agencyName: string; agencyFirstResponder: boolean };
  permissions: string[];
  /** A researcher's grant of named access in force. */
  grant: { purpose: string; grantedBy: string; expiresAt: string } | null;
  expiresAt: string;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  secondFactor: boolean;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface Agency {
  id: string;
  name: string;
  kind: string;
  /** An NRM First Responder Organisation. */
  firstResponder: boolean;
  users: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface Overview {
  since: string;
  total: number;
  byArea: { code: string; name: string; nameCy: string; count: number }[];
  bySource: { source: string; count: number }[];
}

/** GET /api/my-work: the reports assigned to me, in the order to work them. */
export interface MyWork {
  reports: {
    id: string;
    reference: string;
    source: string;
    receivedAt: string;
    triageBand: string | null;
    involvesChild: boolean;
    status: string;
    summary: string;
    /** When triage falls due; null once triaged and in hand. */
    dueBy: string | null;
    overdue: boolean;
  }[];
  overdue: number;
}

/** A supervisor's grant of named access to a researcher. */
export interface AccessGrant {
  id: string;
  userId: string;
  userName: string;
  grantedBy: string;
  purpose: string;
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  inForce: boolean;
}
