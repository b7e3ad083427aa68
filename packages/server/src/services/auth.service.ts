import {
  Forbidden,
  Invalid,
  Locked,
  Unauthenticated,
  isRole,
  permissionsOf,
  requiresSecondFactor,
  type Actor,
  type Permission,
  type Role,
  type SessionStage,
  type UserActor,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import { newRecoveryCode, newToken, normaliseRecoveryCode, sha256 } from '../auth/tokens';
import { matchTotp, newTotpSecret, totpEnrolment } from '../auth/totp';
import type { AuditService } from './audit.service';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
const RECOVERY_CODES = 10;

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly maxHours: number;
}

export interface SessionView {
  readonly stage: SessionStage;
  readonly csrfToken: string;
  readonly user: { id: string; displayName: string; email: string; role: Role; agencyId: string; agencyName: string };
  readonly permissions: Permission[];
  readonly expiresAt: string;
}

export interface SignedIn {
  readonly token: string;
  readonly session: SessionView;
}

/** Sign-in with password and second factor, sessions held in the database, sign-out. */
export class AuthService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async signIn(email: string, password: string): Promise<SignedIn> {
    const user = await this.repos.users.findByEmail(email);
    const wrong = new Unauthenticated('The email address or password is not right', [], 'wrong_credentials');
    if (!user) {
      await verifyAgainstDecoy(password);
      await this.audit.record(null, { action: 'session.sign-in-failed', details: { reason: 'unknown account' } });
      throw wrong;
    }
    const now = this.now();
    if (user.locked_until && new Date(user.locked_until) > now) {
      await this.audit.record(null, { action: 'session.sign-in-refused', subjectType: 'user', subjectId: user.id, details: { reason: 'locked' } });
      throw new Locked(
        `This account is locked after too many failed attempts. Try again after ${LOCK_MINUTES} minutes or ask an administrator.`,
        [],
        'account_locked',
        {
          minutes: LOCK_MINUTES,
        },
      );
    }
    if (user.disabled_at) {
      await this.audit.record(null, { action: 'session.sign-in-refused', subjectType: 'user', subjectId: user.id, details: { reason: 'disabled' } });
      throw wrong;
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.failed(user.id, 'wrong password');
      throw wrong;
    }
    if (!isRole(user.role)) throw new Forbidden('This account has no valid role');
    await this.repos.users.clearFailedSignIns(user.id);
    const stage: SessionStage = !requiresSecondFactor(user.role) ? 'complete' : user.totp_secret ? 'second-factor' : 'enrol-second-factor';
    const token = newToken();
    const expiresAt = new Date(now.getTime() + this.policy.maxHours * 3600_000);
    await this.repos.sessions.create({
      token_hash: sha256(token),
      user_id: user.id,
      stage,
      csrf_token: newToken(),
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    const actor: UserActor = { kind: 'user', userId: user.id, role: user.role, agencyId: user.agency_id, sessionId: sha256(token), stage };
    await this.audit.record(actor, { action: 'session.sign-in', subjectType: 'user', subjectId: user.id, details: { stage } });
    return { token, session: await this.view(actor) };
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
    return {
      actor: {
        kind: 'user',
        userId: session.user_id,
        role: session.role,
        agencyId: session.agency_id,
        sessionId: tokenHash,
        stage: session.stage as SessionStage,
      },
      csrfToken: session.csrf_token,
    };
  }

  /** Removes sessions that have expired or gone idle; returns how many. */
  async pruneSessions(): Promise<number> {
    const now = this.now();
    return this.repos.sessions.deleteExpired(now, new Date(now.getTime() - this.policy.idleMinutes * 60_000));
  }

  async view(actor: Actor): Promise<SessionView> {
    const user = this.userActor(actor);
    const session = await this.repos.sessions.find(user.sessionId);
    const row = await this.repos.users.get(user.userId);
    const agency = row ? await this.repos.agencies.get(row.agency_id) : undefined;
    if (!session || !row || !agency) throw new Unauthenticated('Your session has ended; please sign in again', [], 'session_ended');
    return {
      stage: user.stage,
      csrfToken: session.csrf_token,
      user: { id: row.id, displayName: row.display_name, email: row.email, role: user.role, agencyId: agency.id, agencyName: agency.name },
      permissions: user.stage === 'complete' ? permissionsOf(user.role) : [],
      expiresAt: new Date(session.expires_at).toISOString(),
    };
  }

  /** Checks a TOTP code or a recovery code for a session that owes its second factor. */
  async verifySecondFactor(actor: Actor, code: string): Promise<SessionView> {
    const user = this.userActor(actor);
    if (user.stage !== 'second-factor') throw new Forbidden('This session does not need a second-factor code');
    const row = await this.repos.users.get(user.userId);
    if (!row?.totp_secret) throw new Forbidden('No second factor is set up for this account');
    if (row.locked_until && new Date(row.locked_until) > this.now())
      throw new Locked(`This account is locked after too many failed attempts. Try again after ${LOCK_MINUTES} minutes.`, [], 'account_locked', {
        minutes: LOCK_MINUTES,
      });
    const compact = code.replace(/\s/g, '');
    let method: 'totp' | 'recovery-code';
    if (/^\d{6}$/.test(compact)) {
      const step = matchTotp(row.totp_secret, compact, this.now().getTime());
      if (step === null || !(await this.repos.users.claimTotpStep(row.id, step))) {
        await this.failed(row.id, 'wrong second-factor code');
        throw new Invalid('The code is not right or has been used already; wait for a new one', [
          { path: 'code', message: 'Enter the current 6-digit code from your authenticator app', reason: 'security_code' },
        ]);
      }
      method = 'totp';
    } else {
      const used = await this.repos.users.useRecoveryCode(row.id, sha256(normaliseRecoveryCode(code)), this.now());
      if (!used) {
        await this.failed(row.id, 'wrong recovery code');
        throw new Invalid('The code is not right', [{ path: 'code', message: 'Enter a 6-digit code or an unused recovery code', reason: 'security_code' }]);
      }
      method = 'recovery-code';
    }
    await this.repos.users.clearFailedSignIns(row.id);
    await this.repos.sessions.setStage(user.sessionId, 'complete');
    const complete: UserActor = { ...user, stage: 'complete' };
    await this.audit.record(complete, { action: 'session.second-factor', subjectType: 'user', subjectId: row.id, details: { method } });
    return this.view(complete);
  }

  /** Starts (or restarts) enrolment: a new secret to scan, kept pending until a code confirms it. */
  async beginEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrSvg: string }> {
    const user = this.userActor(actor);
    if (user.stage !== 'enrol-second-factor') throw new Forbidden('This session is not setting up a second factor');
    const row = await this.repos.users.get(user.userId);
    if (!row) throw new Unauthenticated('Your session has ended; please sign in again', [], 'session_ended');
    const secret = newTotpSecret();
    await this.repos.users.setPendingTotpSecret(row.id, secret);
    return { secret, ...(await totpEnrolment(secret, row.email)) };
  }

  async completeEnrolment(actor: Actor, code: string): Promise<{ session: SessionView; recoveryCodes: string[] }> {
    const user = this.userActor(actor);
    if (user.stage !== 'enrol-second-factor') throw new Forbidden('This session is not setting up a second factor');
    const row = await this.repos.users.get(user.userId);
    if (!row?.totp_pending_secret) throw new Invalid('Start setting up your authenticator app first', [{ path: 'code', message: 'Scan the QR code first' }]);
    const step = matchTotp(row.totp_pending_secret, code.replace(/\s/g, ''), this.now().getTime());
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
    await this.repos.sessions.setStage(user.sessionId, 'complete');
    const complete: UserActor = { ...user, stage: 'complete' };
    await this.audit.record(complete, { action: 'session.second-factor-enrolled', subjectType: 'user', subjectId: row.id });
    return { session: await this.view(complete), recoveryCodes };
  }

  async signOut(actor: Actor): Promise<void> {
    const user = this.userActor(actor);
    await this.repos.sessions.delete(user.sessionId);
    await this.audit.record(user, { action: 'session.sign-out', subjectType: 'user', subjectId: user.userId });
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = this.userActor(actor);
    const row = await this.repos.users.get(user.userId);
    if (!row || !(await verifyPassword(row.password_hash, current))) {
      throw new Invalid('Your current password is not right', [{ path: 'currentPassword', message: 'Enter your current password', reason: 'wrong_password' }]);
    }
    await this.repos.users.setPassword(row.id, await hashPassword(next));
    await this.audit.record(user, { action: 'user.password-changed', subjectType: 'user', subjectId: row.id });
  }

  private async failed(userId: string, reason: string): Promise<void> {
    const lockUntil = new Date(this.now().getTime() + LOCK_MINUTES * 60_000);
    const failures = await this.repos.users.recordFailedSignIn(userId, LOCK_AFTER_FAILURES, lockUntil);
    await this.audit.record(null, { action: 'session.sign-in-failed', subjectType: 'user', subjectId: userId, details: { reason, failures } });
  }

  private userActor(actor: Actor): UserActor {
    if (actor.kind !== 'user') throw new Unauthenticated('Sign in first');
    return actor;
  }
}
