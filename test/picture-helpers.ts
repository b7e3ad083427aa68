import { randomUUID } from 'node:crypto';
import type { Role, UserActor } from '@harbour/core';
import type { TestStore } from './test-store';

/** Accounts of one agency, signed in all the way: the actors services (and benchmarks) are called as. */
export async function signedInActors<R extends Role>(t: Pick<TestStore, 'repos'>, roles: readonly R[]): Promise<Record<R, UserActor>> {
  const agency = await t.repos.agencies.create({ id: randomUUID(), name: 'Gwent Police', kind: 'police' });
  const actors = {} as Record<R, UserActor>;
  for (const role of roles) {
    const row = await t.repos.users.create({
      id: randomUUID(),
      agency_id: agency.id,
      email: `${role}@example.org`,
      display_name: `An ${role}`,
      role,
      password_hash: 'x',
    });
    actors[role] = { kind: 'user', userId: row.id, role, agencyId: agency.id, sessionId: 's', stage: 'complete' };
  }
  return actors;
}

/** The entity a record is in now (null: not resolved yet). */
export async function entityOf(t: TestStore, recordId: string): Promise<string | null> {
  return (await t.store.db.selectFrom('entity_records').select('entity_id').where('id', '=', recordId).executeTakeFirstOrThrow()).entity_id;
}
