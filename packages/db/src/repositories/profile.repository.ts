import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** A written problem profile as stored, with the names of those who wrote, last changed and issued it. */
export interface ProfileRow {
  readonly id: string;
  readonly title: string;
  readonly period_from: string;
  readonly period_to: string;
  readonly area: string | null;
  readonly audience: string;
  readonly language: string;
  readonly key_judgements: string;
  readonly intelligence_gaps: string;
  readonly pursue: string;
  readonly prevent: string;
  readonly protect: string;
  readonly prepare: string;
  readonly status: string;
  readonly version: number;
  readonly author: string;
  readonly updated_by: string;
  readonly updated_at: Date;
  readonly issued_at: Date | null;
  readonly issued_by: string | null;
  readonly issued_document: unknown;
}

export interface ProfileText {
  readonly title: string;
  readonly keyJudgements: string;
  readonly intelligenceGaps: string;
  readonly pursue: string;
  readonly prevent: string;
  readonly protect: string;
  readonly prepare: string;
}

/** Why a change was not made: no such profile, issued already, or changed by someone else since the writer read it. */
export type ProfileChange = 'done' | 'missing' | 'issued' | 'stale';

/** Problem profiles an analyst writes around the figures: drafted, rewritten, then issued and frozen. */
export class ProfileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(p: {
    id: string;
    title: string;
    from: string;
    to: string;
    area: string | null;
    audience: string;
    language: string;
    authorId: string;
    at: Date;
  }): Promise<void> {
    await this.db
      .insertInto('problem_profiles')
      .values({
        id: p.id,
        title: p.title,
        period_from: p.from,
        period_to: p.to,
        area: p.area,
        audience: p.audience,
        language: p.language,
        author_id: p.authorId,
        updated_by: p.authorId,
        created_at: p.at,
        updated_at: p.at,
      })
      .execute();
  }

  private named() {
    return this.db
      .selectFrom('problem_profiles as p')
      .innerJoin('users as a', 'a.id', 'p.author_id')
      .innerJoin('users as u', 'u.id', 'p.updated_by')
      .leftJoin('users as i', 'i.id', 'p.issued_by')
      .select([
        'p.id',
        'p.title',
        'p.period_from',
        'p.period_to',
        'p.area',
        'p.audience',
        'p.language',
        'p.key_judgements',
        'p.intelligence_gaps',
        'p.pursue',
        'p.prevent',
        'p.protect',
        'p.prepare',
        'p.status',
        'p.version',
        'a.display_name as author',
        'u.display_name as updated_by',
        'p.updated_at',
        'p.issued_at',
        'i.display_name as issued_by',
      ]);
  }

  async get(id: string): Promise<ProfileRow | undefined> {
    return this.named().select('p.issued_document').where('p.id', '=', id).executeTakeFirst();
  }

  /** Every profile, the most recently changed first, without the frozen documents. */
  async list(): Promise<Omit<ProfileRow, 'issued_document'>[]> {
    return this.named().orderBy('p.updated_at', 'desc').orderBy('p.id').execute();
  }

  /** Replaces a draft's words, when it is still the version the writer read. */
  async write(id: string, version: number, text: ProfileText, by: string, at: Date): Promise<ProfileChange> {
    const result = await this.db
      .updateTable('problem_profiles')
      .set({
        title: text.title,
        key_judgements: text.keyJudgements,
        intelligence_gaps: text.intelligenceGaps,
        pursue: text.pursue,
        prevent: text.prevent,
        protect: text.protect,
        prepare: text.prepare,
        version: version + 1,
        updated_by: by,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? 'done' : this.whyNot(id);
  }

  /** Issues a draft, keeping the document as it was read, when it is still the version the issuer read. */
  async issue(id: string, version: number, document: unknown, by: string, at: Date): Promise<ProfileChange> {
    const result = await this.db
      .updateTable('problem_profiles')
      .set({ status: 'issued', issued_document: JSON.stringify(document), issued_at: at, issued_by: by, version: version + 1, updated_by: by, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? 'done' : this.whyNot(id);
  }

  private async whyNot(id: string): Promise<ProfileChange> {
    const row = await this.db.selectFrom('problem_profiles').select('status').where('id', '=', id).executeTakeFirst();
    return !row ? 'missing' : row.status === 'issued' ? 'issued' : 'stale';
  }
}
