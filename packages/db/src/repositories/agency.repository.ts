import type { AgencyKind } from '@harbour/core';
import type { Kysely } from 'kysely';
import type { AgencyRow, DB } from '../schema';

export class AgencyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(agency: { id: string; name: string; kind: AgencyKind; first_responder?: boolean }): Promise<AgencyRow> {
    return this.db.insertInto('agencies').values(agency).returningAll().executeTakeFirstOrThrow();
  }

  /** Says whether an agency is a First Responder Organisation; false if there is no such agency. */
  async setFirstResponder(id: string, firstResponder: boolean): Promise<boolean> {
    const result = await this.db.updateTable('agencies').set({ first_responder: firstResponder }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async get(id: string): Promise<AgencyRow | undefined> {
    return this.db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByName(name: string): Promise<AgencyRow | undefined> {
    return this.db.selectFrom('agencies').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async list(): Promise<(AgencyRow & { users: number })[]> {
    return this.db
      .selectFrom('agencies')
      .leftJoin('users', 'users.agency_id', 'agencies.id')
      .selectAll('agencies')
      .select((eb) => eb.fn.count<number>('users.id').as('users'))
      .groupBy('agencies.id')
      .orderBy('agencies.name')
      .execute();
  }
}
