import { sql, type Kysely, type Selectable } from 'kysely';
import type { AwarenessEventsTable, DB } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

export type AwarenessEventRow = Selectable<AwarenessEventsTable>;

export interface CampaignRow {
  readonly code: string;
  readonly name: string;
  readonly created_at: Date;
  readonly materials: number;
  readonly events: number;
  /** Public reports that came by the campaign's QR code. */
  readonly reports: number;
}

export interface MaterialRow {
  readonly id: string;
  readonly campaign_code: string;
  readonly campaign: string;
  readonly setting: string;
  readonly language: string;
  readonly size: string;
  readonly made_at: Date;
  readonly made_by: string | null;
}

export interface NewAwarenessEvent {
  readonly heldOn: string;
  readonly title: string;
  readonly place: string;
  readonly localAuthority: string;
  readonly point: { readonly latitude: number; readonly longitude: number } | null;
  readonly audiences: readonly string[];
  readonly partners: readonly string[];
  readonly attendance: number;
  readonly handedOut: number;
  readonly campaign: string | null;
  readonly notes: string | null;
}

/** Days as YYYY-MM-DD, from and to inclusive, and optionally one local authority. */
export interface PreventSpan {
  readonly from: string;
  readonly to: string;
  readonly area?: string | undefined;
}

/**
 * Awareness work (Prevent): campaigns, the posters and leaflets made for them (the resource
 * library), the events held, and the public reports that came by a campaign's QR code.
 */
export class PreventRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  transaction<T>(work: (prevent: PreventRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new PreventRepository(tx), work);
  }

  async addCampaign(code: string, name: string, by: string, at: Date): Promise<void> {
    await this.db.insertInto('awareness_campaigns').values({ code, name, created_by: by, created_at: at }).execute();
  }

  async campaignExists(code: string): Promise<boolean> {
    return !!(await this.db.selectFrom('awareness_campaigns').select('code').where('code', '=', code).executeTakeFirst());
  }

  async campaignCodes(): Promise<string[]> {
    return (await this.db.selectFrom('awareness_campaigns').select('code').execute()).map((r) => r.code);
  }

  /** Every campaign, newest first, with what was made and held for it and the reports it brought. */
  campaigns(): Promise<CampaignRow[]> {
    return this.db
      .selectFrom('awareness_campaigns as c')
      .select(['c.code', 'c.name', 'c.created_at'])
      .select((eb) => [
        eb
          .selectFrom('awareness_materials as m')
          .whereRef('m.campaign_code', '=', 'c.code')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('materials'),
        eb
          .selectFrom('awareness_events as e')
          .whereRef('e.campaign_code', '=', 'c.code')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('events'),
        eb
          .selectFrom('reports as r')
          .whereRef('r.campaign', '=', 'c.code')
          .where('r.source', '=', 'public')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('reports'),
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.code')
      .execute() as Promise<CampaignRow[]>;
  }

  async addMaterial(material: { campaign: string; setting: string; language: string; size: string }, by: string, at: Date): Promise<string> {
    const id = crypto.randomUUID();
    await this.db
      .insertInto('awareness_materials')
      .values({ id, campaign_code: material.campaign, setting: material.setting, language: material.language, size: material.size, made_by: by, made_at: at })
      .execute();
    return id;
  }

  private materialRows() {
    return this.db
      .selectFrom('awareness_materials as m')
      .innerJoin('awareness_campaigns as c', 'c.code', 'm.campaign_code')
      .select(['m.id', 'm.campaign_code', 'c.name as campaign', 'm.setting', 'm.language', 'm.size', 'm.made_at', 'm.made_by']);
  }

  /** The resource library, newest first. */
  materials(): Promise<MaterialRow[]> {
    return this.materialRows().orderBy('m.made_at', 'desc').orderBy('m.id').execute();
  }

  material(id: string): Promise<MaterialRow | undefined> {
    return this.materialRows().where('m.id', '=', id).executeTakeFirst();
  }

  async addEvent(event: NewAwarenessEvent, by: string, at: Date): Promise<AwarenessEventRow> {
    return this.db
      .insertInto('awareness_events')
      .values({
        id: crypto.randomUUID(),
        held_on: event.heldOn,
        title: event.title,
        place: event.place,
        local_authority: event.localAuthority,
        latitude: event.point?.latitude ?? null,
        longitude: event.point?.longitude ?? null,
        audiences: [...event.audiences],
        partners: [...event.partners],
        attendance: event.attendance,
        handed_out: event.handedOut,
        campaign_code: event.campaign,
        notes: event.notes,
        recorded_by: by,
        recorded_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Events held within a span of days, latest first. */
  events(span: PreventSpan): Promise<AwarenessEventRow[]> {
    return this.db
      .selectFrom('awareness_events')
      .selectAll()
      .where('held_on', '>=', span.from)
      .where('held_on', '<=', span.to)
      .$if(span.area !== undefined, (q) => q.where('local_authority', '=', span.area!))
      .orderBy('held_on', 'desc')
      .orderBy('recorded_at', 'desc')
      .execute();
  }

  /** The Prevent figures of a span: events held, people reached, materials handed out, reports by a campaign's code. */
  async figures(span: PreventSpan): Promise<{ events: number; reached: number; handedOut: number; campaignReports: number }> {
    // Two counts apart, asked at once.
    const [events, reports] = await Promise.all([
      this.db
        .selectFrom('awareness_events')
        .select([
          sql<number>`count(*)::int`.as('events'),
          sql<number>`coalesce(sum(attendance), 0)::int`.as('reached'),
          sql<number>`coalesce(sum(handed_out), 0)::int`.as('handedOut'),
        ])
        .where('held_on', '>=', span.from)
        .where('held_on', '<=', span.to)
        .$if(span.area !== undefined, (q) => q.where('local_authority', '=', span.area!))
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('reports')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('campaign', 'is not', null)
        .where('source', '=', 'public')
        .where(sql<boolean>`(received_at at time zone 'Europe/London')::date between ${span.from}::date and ${span.to}::date`)
        .$if(span.area !== undefined, (q) => q.where('local_authority', '=', span.area!))
        .executeTakeFirstOrThrow(),
    ]);
    return { ...events, campaignReports: reports.n };
  }

  /**
   * The UK days reports were received in each of some local authorities within a span, sorted:
   * what "did reports follow the event?" counts around each event's day.
   */
  async reportDays(areas: readonly string[], from: string, to: string): Promise<Map<string, string[]>> {
    const days = new Map<string, string[]>(areas.map((a) => [a, []]));
    if (areas.length === 0) return days;
    // Counted by day in the store, so a year over a busy force is hundreds of rows, not every report.
    const rows = await this.db
      .selectFrom('reports')
      .select([
        'local_authority',
        sql<string>`to_char((received_at at time zone 'Europe/London')::date, 'YYYY-MM-DD')`.as('day'),
        sql<number>`count(*)::int`.as('n'),
      ])
      .where('local_authority', 'in', [...areas])
      .where('received_at', '>=', sql<Date>`(${from}::date - interval '1 day')`)
      .where('received_at', '<', sql<Date>`(${to}::date + interval '2 days')`)
      .groupBy(['local_authority', 'day'])
      .orderBy('day')
      .execute();
    for (const row of rows)
      if (row.local_authority && row.day >= from && row.day <= to) {
        const list = days.get(row.local_authority);
        for (let i = 0; i < row.n; i++) list?.push(row.day);
      }
    return days;
  }
}
