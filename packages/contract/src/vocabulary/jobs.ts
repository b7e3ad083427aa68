/**
 * Harbour's named background jobs, run through the queue in the store (any process may run each):
 * taking new reports into the picture, comparing the people they joined with those around them, learning the match model again when it is due, folding figures' deltas, reading imports through, and
 * housekeeping (ended sessions, used form tokens, request counts, the queue's own dead rows), and the scheduled backup.
 */
export const JOB_NAMES = ['resolution', 'comparison', 'matching', 'figures', 'imports', 'housekeeping', 'backup'] as const;
export type JobName = (typeof JOB_NAMES)[number];
