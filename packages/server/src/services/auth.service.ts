import type { AuditAction } from '@harbour/contract';
import type { Session } from '@harbour/contract';
import {
  Forbidden,
  Invalid,
  Locked,
  GRANTABLE_ROLES,
  SECOND_FACTOR_LOCK_AFTER,
  TooManyRequests,
  Unauthenticated,
  passwordProblem,
  passwordRetryDelaySeconds,
  isRole,
  permissionsOf,
  requiresSecondFactor,
  type Actor,
  type SessionStage,
  type UserActor,
} from '@harbour/core';
import { currentAuditAction } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { isCommonPassword } from '../auth/common-passwords';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import type { SecretBox } from '../auth/secret-box';
import { newRecoveryCode, newToken, normaliseRecoveryCode, sha256 } from '../auth/tokens';
import { matchTotp, newTotpSecret, totpEnrolment } from '../auth/totp';
import type { AuditService } from './audit.service';
import { GuessingGuard } from './guessing-guard';
import { totpContext } from './secret-key.service';

const RECOVERY_CODES = 10;

/** The audited events an account holder is shown of their own account. */
export const SECURITY_ACTIONS: ReadonlySet<string> = new Set<AuditAction>([
  'session.signed-in',
  'session.sign-in-failed',
  'session.second-factor-passed',
  'session.second-factor-failed',
  'session.second-factor-locked',
  'session.second-factor-enrolled',
  'user.password-changed',
  'user.disabled',
  'user.enabled',
  'user.second-factor-unlocked',
]);

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly maxHours: number;
}

export interface SignedIn {
  readonly token: string;
  readonly session: Session;
}

/** Sign-in with password and second factor, sessions held in the database, sign-out. */
export class AuthService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
    private readonly policy: SessionPolicy,
    private readonly secrets: SecretBox,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.guard = new GuessingGuard(repos, now);
  }

  private readonly guard: GuessingGuard;

  /**
   * Signs in with a password, from a client (its address). Wrong passwords slow that client for
   * that email as typed (core sign-in-guard); an unknown email is answered and slowed exactly as a
   * known one, so neither the answer nor the delay says whether an account exists.
   */
  async signIn(email: string, password: string, client: string): Promise<SignedIn> {
    const now = this.now();
    const guarded = [{ key: this.guard.key(email.trim().toLowerCase(), client), delaySeconds: passwordRetryDelaySeconds }];
    const seconds = await this.guard.wait(guarded);
    if (seconds > 0) {
      await this.audit.record(null, { action: 'session.sign-in-delayed', details: { seconds } });
      throw new TooManyRequests(`Too many tries: wait ${seconds} seconds and try again`, [], 'slow_down', { seconds });
    }
    const user = await this.repos.users.findByEmail(email);
    const wrong = async (reason: string, userId?: string) => {
      const failures = await this.guard.failed(guarded);
      await this.audit.record(null, {
        action: 'session.sign-in-failed',
        ...(userId ? { subjectType: 'user', subjectId: userId } : {}),
        details: { reason, failures },
      });
      return new Unauthenticated('The email address or password is not right', [], 'wrong_credentials');
    };
    if (!user) {
      await verifyAgainstDecoy(password);
      throw await wrong('unknown account');
    }
    const passwordRight = await verifyPassword(user.password_hash, password);
    if (user.disabled_at) throw await wrong(passwordRight ? 'disabled' : 'wrong password', user.id);
    if (!passwordRight) throw await wrong('wrong password', user.id);
    if (!isRole(user.role)) throw new Forbidden('This account has no valid role');
    await this.guard.passed(guarded[0]!);
    const stage: SessionStage = !requiresSecondFactor(user.role) ? 'complete' : user.totp_secret ? 'second-factor' : 'enrol-second-factor';
    const token = newToken();
    await this.repos.sessions.create(this.newSession(token, user.id, stage, now, new Date(now.getTime() + this.policy.maxHours * 3600_000)));
    const actor: UserActor = { kind: 'user', userId: user.id, role: user.role, agencyId: user.agency_id, sessionId: sha256(token), stage };
    await this.audit.record(actor, { action: 'session.signed-in', subjectType: 'user', subjectId: user.id, details: { stage } });
    return { token, session: await this.view(actor) };
  }

  private newSession(token: string, userId: string, stage: SessionStage, now: Date, expiresAt: Date) {
    return { token_hash: sha256(token), user_id: userId, stage, csrf_token: newToken(), created_at: now, last_seen_at: now, expires_at: expiresAt };
  }

  /**
   * Raises a session to complete under a new token and CSRF token, the old ones ending with it,
   * so a token seen before the second factor (on a shared screen, in a log) is worth nothing after.
   * The absolute expiry stays the one set at sign-in.
   */
  private async promote(user: UserActor): Promise<SignedIn> {
    const old = await this.repos.sessions.find(user.sessionId);
    if (!old) throw new Unauthenticated('Your session has ended; please sign in again', [], 'session_ended');
    const token = newToken();
    const now = this.now();
    await this.repos.sessions.replace(user.sessionId, this.newSession(token, user.userId, 'complete', now, new Date(old.expires_at)));
    const complete: UserActor = { ...user, stage: 'complete', sessionId: sha256(token) };
    return { token, session: await this.view(complete) };
  }

  /**
   * The actor a session cookie stands for (anonymous when it is unknown, idle or expired), with
   * the session's CSRF token, read in the same query so a state-changing request needs no second.
   */
  async resolve(token: string | undefined): Promise<{ actor: Actor; csrfToken: string | null }> {
    const anonymous = { actor: { kind: 'anonymous' } as const, csrfToken: null };
    if (!token || token.length > 200) return anonymous;
    const tokenHash = sha256(token);
    const session = await this.repos.sessions.find(tokenHash);
    if (!session) return anonymous;
    const now = this.now();
    const idleLimit = new Date(now.getTime() - this.policy.idleMinutes * 60_000);
    if (new Date(session.expires_at) <= now || new Date(session.last_seen_at) <= idleLimit || session.disabled_at || !isRole(session.role)) {
      await this.repos.sessions.delete(tokenHash);
      return anonymous;
    }
    // Touch at most once a minute: idle expiry needs no more precision than that.
    if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) await this.repos.sessions.touch(tokenHash, now);
    const stage = session.stage as SessionStage;
    // Asked on every request, so a grant ended by a supervisor ends at once.
    const grant = stage === 'complete' && GRANTABLE_ROLES.includes(session.role) ? await this.repos.accessGrants.activeFor(session.user_id, now) : undefined;
    return {
      actor: {
        kind: 'user',
        userId: session.user_id,
        role: session.role,
        agencyId: session.agency_id,
        sessionId: tokenHash,
        stage,
        ...(grant ? { grant } : {}),
      },
      csrfToken: session.csrf_token,
    };
  }

  /** Removes sessions that have expired or gone idle (and stale password delays); returns how many sessions. */
  async pruneSessions(): Promise<number> {
    const now = this.now();
    // Password delays forgotten after a quiet day go with them (sign-in-guard).
    await this.guard.prune();
    return this.repos.sessions.deleteExpired(now, new Date(now.getTime() - this.policy.idleMinutes * 60_000));
  }

  async view(actor: Actor): Promise<Session> {
    const user = this.userActor(actor);
    const session = await this.repos.sessions.find(user.sessionId);
    const row = await this.repos.users.get(user.userId);
    const agency = row ? await this.repos.agencies.get(row.agency_id) : undefined;
    if (!session || !row || !agency) throw new Unauthenticated('Your session has ended; please sign in again', [], 'session_ended');
    return {
      stage: user.stage,
      csrfToken: session.csrf_token,
      user: {
        id: row.id,
        displayName: row.display_name,
        email: row.email,
        role: user.role,
        agencyId: agency.id,
        agencyName: agency.name,
        agencyFirstResponder: agency.first_responder,
      },
      permissions: user.stage === 'complete' ? permissionsOf(user.role, user.grant) : [],
      grant: user.grant ? await this.grantView(user.grant.id) : null,
      expiresAt: new Date(session.expires_at).toISOString(),
    };
  }

  /**
   * Checks a TOTP code or a recovery code for a session that owes its second factor. Wrong codes
   * count on the account whatever the password did, and lock the second factor after a few in a
   * row until an administrator unlocks it; the holder sees each on their account page (audited).
   */
  async verifySecondFactor(actor: Actor, code: string): Promise<SignedIn> {
    const user = this.userActor(actor);
    if (user.stage !== 'second-factor') throw new Forbidden('This session does not need a second-factor code');
    const row = await this.repos.users.get(user.userId);
    if (!row?.totp_secret) throw new Forbidden('No second factor is set up for this account');
    const locked = () => new Locked('Too many wrong security codes: this account is locked until an administrator unlocks it', [], 'second_factor_locked');
    if (row.second_factor_locked_at) {
      await this.audit.record(user, { action: 'session.second-factor-refused', subjectType: 'user', subjectId: row.id, details: { reason: 'locked' } });
      throw locked();
    }
    const compact = code.replace(/\s/g, '');
    let method: 'totp' | 'recovery-code';
    if (/^\d{6}$/.test(compact)) {
      const step = matchTotp(this.secrets.open(row.totp_secret, totpContext(row.id)), compact, this.now().getTime());
      // A right code used already is refused but not counted: whoever has it has the authenticator.
      if (step === null || !(await this.repos.users.claimTotpStep(row.id, step))) {
        if (step === null && (await this.secondFactorFailed(user, 'wrong second-factor code'))) throw locked();
        throw new Invalid('The code is not right or has been used already; wait for a new one', [
          { path: 'code', message: 'Enter the current 6-digit code from your authenticator app', reason: 'security_code' },
        ]);
      }
      method = 'totp';
    } else {
      const used = await this.repos.users.useRecoveryCode(row.id, sha256(normaliseRecoveryCode(code)), this.now());
      if (!used) {
        if (await this.secondFactorFailed(user, 'wrong recovery code')) throw locked();
        throw new Invalid('The code is not right', [{ path: 'code', message: 'Enter a 6-digit code or an unused recovery code', reason: 'security_code' }]);
      }
      method = 'recovery-code';
    }
    await this.repos.users.clearSecondFactorFailures(row.id);
    const signedIn = await this.promote(user);
    await this.audit.record(
      { ...user, stage: 'complete' },
      { action: 'session.second-factor-passed', subjectType: 'user', subjectId: row.id, details: { method } },
    );
    return signedIn;
  }

  /** Counts a wrong code; says whether it locked the second factor (audited for the holder and administrators). */
  private async secondFactorFailed(user: UserActor, reason: string): Promise<boolean> {
    const { failures, lockedNow } = await this.repos.users.recordSecondFactorFailure(user.userId, SECOND_FACTOR_LOCK_AFTER, this.now());
    await this.audit.record(user, { action: 'session.second-factor-failed', subjectType: 'user', subjectId: user.userId, details: { reason, failures } });
    if (lockedNow)
      await this.audit.record(user, { action: 'session.second-factor-locked', subjectType: 'user', subjectId: user.userId, details: { failures } });
    return lockedNow;
  }

  /** Starts (or restarts) enrolment: a new secret to scan, kept pending until a code confirms it. */
  async beginEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrSvg: string }> {
    const user = this.userActor(actor);
    if (user.stage !== 'enrol-second-factor') throw new Forbidden('This session is not setting up a second factor');
    const row = await this.repos.users.get(user.userId);
    if (!row) throw new Unauthenticated('Your session has ended; please sign in again', [], 'session_ended');
    const secret = newTotpSecret();
    await this.repos.users.setPendingTotpSecret(row.id, this.secrets.seal(secret, totpContext(row.id)));
    return { secret, ...(await totpEnrolment(secret, row.email)) };
  }

  /** The demo's accounts share a published secret (sealed like any other), so a demo needs no phone. */
  async enrolPublishedSecret(userId: string, secret: string, recoveryCodeHashes: string[]): Promise<void> {
    await this.repos.users.enableTotp(userId, this.secrets.seal(secret, totpContext(userId)), recoveryCodeHashes, this.now());
  }

  async completeEnrolment(actor: Actor, code: string): Promise<SignedIn & { recoveryCodes: string[] }> {
    const user = this.userActor(actor);
    if (user.stage !== 'enrol-second-factor') throw new Forbidden('This session is not setting up a second factor');
    const row = await this.repos.users.get(user.userId);
    if (!row?.totp_pending_secret) throw new Invalid('Start setting up your authenticator app first', [{ path: 'code', message: 'Scan the QR code first' }]);
    const step = matchTotp(this.secrets.open(row.totp_pending_secret, totpContext(row.id)), code.replace(/\s/g, ''), this.now().getTime());
    if (step === null)
      throw new Invalid('The code is not right', [
        { path: 'code', message: 'Enter the 6-digit code your authenticator app shows now', reason: 'security_code' },
      ]);
    const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.repos.users.enableTotp(
      row.id,
      row.totp_pending_secret,
      recoveryCodes.map((c) => sha256(c)),
      this.now(),
    );
    await this.repos.users.claimTotpStep(row.id, step);
    const signedIn = await this.promote(user);
    await this.audit.record({ ...user, stage: 'complete' }, { action: 'session.second-factor-enrolled', subjectType: 'user', subjectId: row.id });
    return { ...signedIn, recoveryCodes };
  }

  /**
   * What happened to the signed-in account's sign-ins, newest first: wrong passwords and codes,
   * a locked second factor, password changes, an administrator's changes; so the holder learns of
   * someone else's guessing from Harbour itself.
   */
  async activity(actor: Actor): Promise<{ at: string; action: string }[]> {
    const user = this.userActor(actor);
    const entries = await this.repos.audit.list({ subjectId: user.userId, limit: 200 });
    return entries
      .map((e) => ({ at: new Date(e.at).toISOString(), action: currentAuditAction(e.action) }))
      .filter((e) => SECURITY_ACTIONS.has(e.action))
      .slice(0, 20);
  }

  async signOut(actor: Actor): Promise<void> {
    const user = this.userActor(actor);
    await this.repos.sessions.delete(user.sessionId);
    await this.audit.record(user, { action: 'session.signed-out', subjectType: 'user', subjectId: user.userId });
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = this.userActor(actor);
    const row = await this.repos.users.get(user.userId);
    if (!row || !(await verifyPassword(row.password_hash, current))) {
      throw new Invalid('Your current password is not right', [{ path: 'currentPassword', message: 'Enter your current password', reason: 'wrong_password' }]);
    }
    const weak = passwordProblem(next, { email: row.email, displayName: row.display_name }, isCommonPassword, 'newPassword');
    if (weak) throw new Invalid('The new password is not acceptable', [weak]);
    await this.repos.users.setPassword(row.id, await hashPassword(next));
    // Whoever else held a session (a lost phone, a shared desk) is signed out with the old password.
    const ended = await this.repos.sessions.deleteForUser(row.id, user.sessionId);
    await this.audit.record(user, { action: 'user.password-changed', subjectType: 'user', subjectId: row.id, details: { otherSessionsEnded: ended } });
  }

  private async grantView(id: string): Promise<{ purpose: string; grantedBy: string; expiresAt: string } | null> {
    const grant = await this.repos.accessGrants.get(id);
    return grant ? { purpose: grant.purpose, grantedBy: grant.granted_by_name, expiresAt: new Date(grant.expires_at).toISOString() } : null;
  }

  private userActor(actor: Actor): UserActor {
    if (actor.kind !== 'user') throw new Unauthenticated('Sign in first');
    return actor;
  }
}
