import type { CaseStatus, SentReferral, SentReferralDetail } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import { NotFound, PERMISSIONS, isPartnerRole, localDate, permittedUser, sharingTerms, type Actor, type UserActor } from '@harbour/core';
import type { Repositories, SentReferralRow } from '@harbour/db';
import { auditEntry } from './audit.service';
import { agreementTerms } from './sharing-terms';
import { toMessage } from './public-report.service';

/** Referrals listed at most: the sender's recent ones. */
const MOST_LISTED = 200;

/**
 * A referral's sender follows it: a partner agency's staff see every referral the agency sent, a
 * colleague their own. Where it stands (received, triaged, on a case), the team's questions with
 * the answers, and what became of it — for a partner only while an information-sharing agreement
 * is in force, and the case itself only when it is shared with the agency.
 */
export class SentReferralService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<SentReferral[]> {
    const user = this.user(actor);
    const rows = await this.repos.sentReferrals.list(scopeOf(user), MOST_LISTED);
    const mayKnow = await this.mayKnowOutcome(user);
    const referrals = await Promise.all(rows.map((r) => this.view(user, r, mayKnow)));
    await this.repos.audit.append(auditEntry(user, 'referrals.sent-listed', null, { count: rows.length }));
    return referrals;
  }

  async get(actor: Actor, id: string): Promise<SentReferralDetail> {
    const user = this.user(actor);
    const row = await this.row(user, id);
    const view = await this.view(user, row, await this.mayKnowOutcome(user));
    await this.repos.audit.append(auditEntry(user, 'referral.sent-viewed', { type: 'report', id }));
    return { ...view, messages: await this.messages(id) };
  }

  /** The sender answers the team's questions on the referral's thread. */
  async answer(actor: Actor, id: string, body: string): Promise<SentReferralDetail> {
    const user = this.user(actor);
    await this.row(user, id);
    await this.repos.intake.addMessage(
      { id: randomUUID(), reportId: id, author: 'reporter', authorUserId: user.userId, body },
      auditEntry(user, 'report.reporter-message-added', { type: 'report', id }, { sender: true }),
    );
    return this.get(actor, id);
  }

  private async view(user: UserActor, row: SentReferralRow, mayKnow: boolean): Promise<SentReferral> {
    const cases = mayKnow && row.on_cases > 0 ? await this.repos.sentReferrals.casesOf(row.id, user.agencyId) : [];
    return {
      id: row.id,
      reference: row.reference,
      receivedAt: row.received_at.toISOString(),
      summary: row.summary,
      sentBy: row.sent_by,
      stage: row.on_cases > 0 ? 'on_case' : row.status === 'new' ? 'received' : 'triaged',
      cases: mayKnow ? cases.map((c) => ({ status: c.status as CaseStatus, sharedCaseId: c.shared && isPartnerRole(user.role) ? c.case_id : null })) : null,
      questions: row.questions,
    };
  }

  private async messages(id: string): Promise<SentReferralDetail['messages']> {
    return (await this.repos.intake.messages(id)).map(toMessage);
  }

  private async row(user: UserActor, id: string): Promise<SentReferralRow> {
    const [row] = await this.repos.sentReferrals.list(scopeOf(user), 1, id);
    if (!row) throw new NotFound('No such referral of yours');
    return row;
  }

  /** The force's own colleagues know what became of their referrals; a partner only under an agreement in force. */
  private async mayKnowOutcome(user: UserActor): Promise<boolean> {
    if (!isPartnerRole(user.role)) return true;
    return sharingTerms(await agreementTerms(this.repos), user.agencyId, localDate(this.now())) !== null;
  }

  private user(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.referralsCreate, 'Your role does not make referrals');
  }
}

function scopeOf(user: UserActor): { agencyId: string } | { userId: string } {
  return isPartnerRole(user.role) ? { agencyId: user.agencyId } : { userId: user.userId };
}
