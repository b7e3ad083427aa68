/** A case is an investigation (of named suspects) or an operation (a wider police action). */
export const CASE_KINDS = ['investigation', 'operation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * Where a case stands: new → investigating → charged / no further action / referred to another
 * force or agency → closed. Closing is a supervisor's decision; anyone working the case may ask.
 */
export const CASE_STATUSES = ['new', 'investigating', 'charged', 'no_further_action', 'referred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What a linked person or thing is to the case. A person may be both a suspect and a potential victim. */
export const CASE_ENTITY_ROLES = ['potential_victim', 'suspect', 'associated'] as const;
export type CaseEntityRole = (typeof CASE_ENTITY_ROLES)[number];

/** A task is open until done (with what was done) or cancelled (with why). */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
