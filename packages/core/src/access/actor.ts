import type { Role } from './roles';

/** How far a session has got through sign-in. Only `complete` sessions act on data. */
export type SessionStage = 'second-factor' | 'enrol-second-factor' | 'complete';

export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly role: Role;
      readonly agencyId: string;
      readonly sessionId: string;
      readonly stage: SessionStage;
      /**
       * A supervisor's grant of named access, for a purpose, to a researcher: while it lasts they
       * may open reports and the picture (NAMED_ACCESS), every read audited under the grant.
       */
      readonly grant?: { readonly id: string };
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });
