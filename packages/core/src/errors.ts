import type { ErrorReason, FieldReason } from '@harbour/contract';

export {
  DOMAIN_REASONS,
  ERROR_REASONS,
  FIELD_REASONS,
  FORMAT_REASONS,
  type DomainReason,
  type ErrorReason,
  type FieldReason,
  type FormatReason,
} from '@harbour/contract';

/** One family of errors the domain raises; the server maps each to the JSON error shape. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  readonly reason?: FieldReason;
  /** The limit broken, for too_long (characters), too_many (items), too_big (value) and their opposites. */
  readonly limit?: number;
  /** Numbers the reason's wording needs (e.g. the age a date of birth gives). */
  readonly values?: Readonly<Record<string, number | string>>;
}

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
