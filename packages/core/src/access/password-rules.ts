import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@harbour/contract';
import type { FieldProblem } from '../errors';

/**
 * What a new password must be, the NCSC/NIST way: long enough, not one everybody tries first, and
 * not made from the holder's own name or email. No rules on its make-up: those push people to
 * "Password1!", which is in every guesser's list.
 */
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@harbour/contract';

/** The parts of a name or email shorter than this are too common in other words to refuse ("jo", "ds"). */
const SHORTEST_IDENTITY_PART = 4;

export interface PasswordHolder {
  readonly email: string;
  readonly displayName: string;
}

/** Whether a word (in lower case) is among the common passwords; the caller holds the list. */
export type CommonPasswordCheck = (lowerCased: string) => boolean;

/**
 * Why `password` is not acceptable for `holder`, or null. A common password stays common with
 * digits or symbols put before or after it ("Liverpool2026!"), so those are taken off before the
 * list is asked too.
 */
export function passwordProblem(password: string, holder: PasswordHolder, isCommon: CommonPasswordCheck, path = 'password'): FieldProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { path, reason: 'too_short', limit: PASSWORD_MIN_LENGTH, message: `Use at least ${PASSWORD_MIN_LENGTH} characters` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { path, reason: 'too_long', limit: PASSWORD_MAX_LENGTH, message: `Use ${PASSWORD_MAX_LENGTH} characters or fewer` };
  }
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (isCommon(lower) || (core.length > 0 && isCommon(core)) || repeatsOneThing(lower)) {
    return { path, reason: 'common_password', message: 'This password is one that people often use, so it is easy to guess: choose another' };
  }
  if (identityParts(holder).some((part) => lower.includes(part))) {
    return { path, reason: 'password_has_identity', message: 'Do not use your name or email address in your password' };
  }
  return null;
}

/** "aaaaaaaaaaaa", "abcabcabcabc": one short run repeated is no harder to guess than the run. */
function repeatsOneThing(lower: string): boolean {
  return /^(.{1,3})\1+$/su.test(lower);
}

/** The pieces of a holder's email and name someone who knows them would try. */
export function identityParts(holder: PasswordHolder): string[] {
  const [local = '', domain = ''] = holder.email.toLowerCase().split('@');
  const pieces = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...holder.displayName.toLowerCase().split(/[^\p{L}\p{N}]+/u), domain.split('.')[0] ?? ''];
  return [...new Set(pieces)].filter((p) => [...p].length >= SHORTEST_IDENTITY_PART);
}
