/**
 * How guessing at sign-in is held back without letting a stranger lock anyone out.
 *
 * Passwords: each wrong password (or unknown email) from one client for one email address makes
 * that client wait longer before its next try, doubling from a second; other clients, the account
 * holder's among them, are not slowed. The delay depends only on the email as typed, never on
 * whether an account exists, so it tells nothing.
 *
 * Second factor: reached only with the right password, so whoever guesses codes has the password.
 * Wrong codes are counted on the account, a right password does not clear them, and a few in a row
 * lock the second factor until an administrator unlocks it (and the holder is shown why).
 */

/** Wrong passwords from one client for one email that cost nothing: typing slips. */
export const FREE_PASSWORD_FAILURES = 3;
/** The longest a client waits between password tries (15 minutes). */
export const MOST_PASSWORD_DELAY_SECONDS = 15 * 60;
/** Wrong second-factor codes in a row that lock the second factor. */
export const SECOND_FACTOR_LOCK_AFTER = 5;
/** A client's failures are forgotten after a quiet day. */
export const PASSWORD_FAILURES_FORGOTTEN_AFTER_HOURS = 24;

/** Seconds a client must wait after its `failures`-th wrong password for one email. */
export function passwordRetryDelaySeconds(failures: number): number {
  if (failures < FREE_PASSWORD_FAILURES) return 0;
  return Math.min(MOST_PASSWORD_DELAY_SECONDS, 2 ** (failures - FREE_PASSWORD_FAILURES));
}

/**
 * A reporter's follow-up (reference and passphrase) is held back the same way, per reference as
 * typed and client; and per reference from every client together, more gently (free for many
 * tries, then at most a minute), so many machines cannot guess at one reporter's thread, nor can
 * a stranger who knows the reference shut its reporter out for longer than that.
 */
export const FREE_REFERENCE_FAILURES = 20;
export const MOST_REFERENCE_DELAY_SECONDS = 60;

/** Seconds every client waits after the `failures`-th wrong passphrase for one reference. */
export function referenceRetryDelaySeconds(failures: number): number {
  if (failures < FREE_REFERENCE_FAILURES) return 0;
  return Math.min(MOST_REFERENCE_DELAY_SECONDS, 2 ** (failures - FREE_REFERENCE_FAILURES));
}
