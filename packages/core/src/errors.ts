import { AGE_CONTRADICTION_CODES } from './intake/age';

/**
 * Answers with a shape of their own (a postcode, a phone number…): refused with the shape's name,
 * so a client can say in the user's language what to enter rather than "check this".
 */
export const FORMAT_REASONS = [
  'postcode',
  'phone',
  'email',
  'date',
  'security_code',
  'sort_code',
  'account_number',
  'account_or_iban',
  'iban',
  'online_identity',
  'document_number',
] as const;
export type FormatReason = (typeof FORMAT_REASONS)[number];

/**
 * Why a field was refused, as a code a client can put in the user's own language; the English
 * `message` stays for API users and logs. `wrong_password`: the current password given to change
 * it is not the account's; `common_password` and `password_has_identity`: a new password is easy
 * to guess (see access/password-rules).
 */
export const FIELD_REASONS = [
  'required',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'too_big',
  'too_small',
  'invalid',
  'wrong_password',
  'common_password',
  'password_has_identity',
  'not_first_responder',
  ...FORMAT_REASONS,
  ...AGE_CONTRADICTION_CODES,
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

/** One family of errors the domain raises; the server maps each to the JSON error shape. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  readonly reason?: FieldReason;
  /** The limit broken, for too_long (characters), too_many (items), too_big (value) and their opposites. */
  readonly limit?: number;
  /** Numbers the reason's wording needs (e.g. the age a date of birth gives). */
  readonly values?: Readonly<Record<string, number>>;
}

/**
 * Why a whole request was refused where the error's code alone does not say (a wrong password and
 * an ended session are both "unauthenticated"); a client words it in the user's language.
 */
export const ERROR_REASONS = ['wrong_credentials', 'slow_down', 'second_factor_locked', 'session_ended'] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

export abstract class HarbourError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly fields: readonly FieldProblem[];
  constructor(
    message: string,
    fields: readonly FieldProblem[] = [],
    readonly reason?: ErrorReason,
    /** Numbers the reason's wording needs (e.g. how many minutes a lock lasts). */
    readonly values?: Readonly<Record<string, number>>,
  ) {
    super(message);
    this.name = new.target.name;
    this.fields = fields;
  }
}

export class Invalid extends HarbourError {
  readonly status = 400;
  readonly code = 'invalid';
}
export class Unauthenticated extends HarbourError {
  readonly status = 401;
  readonly code = 'unauthenticated';
}
export class Forbidden extends HarbourError {
  readonly status = 403;
  readonly code = 'forbidden';
}
export class NotFound extends HarbourError {
  readonly status = 404;
  readonly code = 'not_found';
}
export class Conflict extends HarbourError {
  readonly status = 409;
  readonly code = 'conflict';
}
export class Locked extends HarbourError {
  readonly status = 423;
  readonly code = 'locked';
}
export class TooManyRequests extends HarbourError {
  readonly status = 429;
  readonly code = 'too_many_requests';
}
