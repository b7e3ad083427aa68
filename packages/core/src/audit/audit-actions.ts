import { AUDIT_ACTIONS, type AuditAction } from '@harbour/contract';

export { AUDIT_ACTIONS, type AuditAction } from '@harbour/contract';

/**
 * Names entries were written under before the actions were settled in one tense. The chain keeps
 * what was written (its hashes cover it); reading shows the current name, and a search by the
 * current name finds the old entries too.
 */
export const FORMER_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  'access-grants.read': 'access-grants.listed',
  'agency.create': 'agency.created',
  'audit.read': 'audit.listed',
  'calldata.imported': 'call-data.imported',
  'calldata.viewed': 'call-data.viewed',
  'entity.change.undone': 'entity.change-undone',
  'entity.read': 'entity.viewed',
  'figures.profile': 'profile.generated',
  'figures.research-export': 'research.exported',
  'graph.entities': 'graph.entities-viewed',
  'graph.neighbourhood': 'graph.neighbourhood-viewed',
  'graph.network': 'graph.network-viewed',
  'graph.network-analysis': 'graph.network-analysed',
  'graph.networks': 'graph.networks-listed',
  'graph.paths': 'graph.paths-found',
  'import.quarantine_viewed': 'import.quarantine-viewed',
  'import.quarantine_downloaded': 'import.quarantine-downloaded',
  'import.row_already_imported': 'import.row-already-imported',
  'import.row_retried': 'import.row-retried',
  'import.row_set_aside': 'import.row-set-aside',
  'picture.model.trained': 'picture.model-trained',
  'picture.search': 'picture.searched',
  'picture.settings': 'picture.settings-changed',
  'report.follow-up-read': 'report.follow-up-viewed',
  'report.messages-read': 'report.messages-viewed',
  'report.read': 'report.viewed',
  'report.reporter-message': 'report.reporter-message-added',
  'report.team-message': 'report.team-message-added',
  'report.triage': 'report.triaged',
  'review.read': 'review.viewed',
  'session.second-factor': 'session.second-factor-passed',
  'session.sign-in': 'session.signed-in',
  'session.sign-out': 'session.signed-out',
  'store.backup': 'store.backed-up',
  'store.restore': 'store.restored',
  'triage.list': 'triage.listed',
  'user.create': 'user.created',
  'users.list': 'users.listed',
  'work.list': 'work.listed',
};

/** An entry's action under its current name (an unknown one, as written). */
export function currentAuditAction(written: string): string {
  return FORMER_AUDIT_ACTIONS[written] ?? written;
}

/** Every name an action has been written under: itself and its former names. */
export function auditActionNames(action: string): string[] {
  return [action, ...Object.entries(FORMER_AUDIT_ACTIONS).flatMap(([former, current]) => (current === action ? [former] : []))];
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
