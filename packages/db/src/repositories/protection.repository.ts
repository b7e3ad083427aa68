import { sql, type Kysely, type Selectable } from 'kysely';
import type { CaseOutcomesTable, DB, NrmRecordsTable, SafeguardingPlansTable } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

export type OutcomeRow = Selectable<CaseOutcomesTable> & { recorded_by_name: string };
export type NrmRow = Selectable<NrmRecordsTable> & { updated_by_name: string };
export type PlanRow = Selectable<SafeguardingPlansTable> & { lead_agency_name: string | null; updated_by_name: string };

export type NewOutcome = Omit<Selectable<CaseOutcomesTable>, 'recorded_at'> & { recorded_at: Date };
export type NrmValues = Omit<Selectable<NrmRecordsTable>, 'recorded_by' | 'recorded_at'>;
export type PlanValues = Omit<Selectable<SafeguardingPlansTable>, 'recorded_by' | 'recorded_at'>;

/**
 * What a case achieves against its suspects (outcomes) and does for its potential victims (NRM
 * referrals or Duty to Notify, safeguarding plans and their reviews).
 */
export class ProtectionRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  /** Runs `work` in one transaction, with a repository bound to it and an audit append in the same transaction. */
  transaction<T>(work: (records: ProtectionRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new ProtectionRepository(tx), work);
  }

  async addOutcome(outcome: NewOutcome): Promise<void> {
    await this.db.insertInto('case_outcomes').values(outcome).execute();
  }

  /** Removes an outcome recorded in error; true when there was one. */
  async removeOutcome(caseId: string, id: string): Promise<boolean> {
    const removed = await this.db.deleteFrom('case_outcomes').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
    return Number(removed.numDeletedRows) > 0;
  }

  async outcomes(caseId: string): Promise<OutcomeRow[]> {
    return this.db
      .selectFrom('case_outcomes as o')
      .innerJoin('users as u', 'u.id', 'o.recorded_by')
      .selectAll('o')
      .select('u.display_name as recorded_by_name')
      .where('o.case_id', '=', caseId)
      .orderBy('o.occurred_on')
      .orderBy('o.recorded_at')
      .execute();
  }

  async nrmRecord(caseId: string, id: string): Promise<NrmRow | undefined> {
    return this.nrm().where('n.case_id', '=', caseId).where('n.id', '=', id).executeTakeFirst();
  }

  /** The case's referral or notification for a person already recorded, if any. */
  async nrmOf(caseId: string, entityId: string): Promise<NrmRow | undefined> {
    return this.nrm().where('n.case_id', '=', caseId).where('n.entity_id', '=', entityId).executeTakeFirst();
  }

  async nrmRecords(caseId: string): Promise<NrmRow[]> {
    return this.nrm().where('n.case_id', '=', caseId).orderBy('n.referred_on').execute();
  }

  private nrm() {
    return this.db.selectFrom('nrm_records as n').innerJoin('users as u', 'u.id', 'n.updated_by').selectAll('n').select('u.display_name as updated_by_name');
  }

  async addNrm(values: NrmValues & { recorded_by: string; recorded_at: Date }): Promise<void> {
    await this.db.insertInto('nrm_records').values(values).execute();
  }

  async updateNrm(id: string, values: Omit<NrmValues, 'id' | 'case_id' | 'entity_id'>): Promise<void> {
    await this.db.updateTable('nrm_records').set(values).where('id', '=', id).execute();
  }

  async plan(caseId: string, id: string): Promise<PlanRow | undefined> {
    return this.plans().where('p.case_id', '=', caseId).where('p.id', '=', id).executeTakeFirst();
  }

  async planOf(caseId: string, entityId: string): Promise<PlanRow | undefined> {
    return this.plans().where('p.case_id', '=', caseId).where('p.entity_id', '=', entityId).executeTakeFirst();
  }

  async plansOf(caseId: string): Promise<PlanRow[]> {
    return this.plans().where('p.case_id', '=', caseId).orderBy('p.recorded_at').execute();
  }

  private plans() {
    return this.db
      .selectFrom('safeguarding_plans as p')
      .innerJoin('users as u', 'u.id', 'p.updated_by')
      .leftJoin('agencies as a', 'a.id', 'p.lead_agency_id')
      .selectAll('p')
      .select(['a.name as lead_agency_name', 'u.display_name as updated_by_name']);
  }

  async addPlan(values: PlanValues & { recorded_by: string; recorded_at: Date }): Promise<void> {
    await this.db.insertInto('safeguarding_plans').values(values).execute();
  }

  async updatePlan(id: string, values: Partial<Omit<PlanValues, 'id' | 'case_id' | 'entity_id'>>): Promise<void> {
    await this.db.updateTable('safeguarding_plans').set(values).where('id', '=', id).execute();
  }

  async addReview(review: { id: string; planId: string; reviewedOn: string; note: string; by: string; at: Date }): Promise<void> {
    await this.db
      .insertInto('safeguarding_reviews')
      .values({ id: review.id, plan_id: review.planId, reviewed_on: review.reviewedOn, note: review.note, reviewed_by: review.by, recorded_at: review.at })
      .execute();
  }

  async reviews(caseId: string) {
    return this.db
      .selectFrom('safeguarding_reviews as r')
      .innerJoin('safeguarding_plans as p', 'p.id', 'r.plan_id')
      .innerJoin('users as u', 'u.id', 'r.reviewed_by')
      .select(['r.id', 'r.plan_id', 'r.reviewed_on', 'r.note', 'u.display_name as reviewed_by_name'])
      .where('p.case_id', '=', caseId)
      .orderBy('r.reviewed_on')
      .orderBy('r.recorded_at')
      .execute();
  }

  /**
   * The case's reports in which each person appears as a potential victim, newest first, with
   * what intake made of them (guidance, exploitation types, the victim's facts, the language).
   */
  async victimReports(caseId: string, entityIds: readonly string[]) {
    if (entityIds.length === 0) return [];
    return this.db
      .selectFrom('entity_records as er')
      .innerJoin('case_reports as cr', (j) => j.onRef('cr.report_id', '=', 'er.report_id').on('cr.case_id', '=', caseId))
      .innerJoin('reports as r', 'r.id', 'er.report_id')
      .select(['er.entity_id', 'r.reference', 'r.triage', 'r.exploitation_types', 'r.victim', 'r.language', 'r.received_at'])
      .where('er.entity_id', 'in', [...entityIds])
      .where('er.kind', '=', 'person')
      .where('er.role', '=', 'potential_victim')
      .orderBy('r.received_at', 'desc')
      .execute();
  }

  /**
   * What the team's casework achieved between two dates (inclusive, YYYY-MM-DD): cases opened and
   * where they stand now, and people — not records — arrested, charged, referred, notified,
   * decided on and given a plan, each person counted once as the picture holds them now. Charges
   * and orders are counted as made (a person charged twice counts twice there).
   */
  async figures(from: string, to: string, today: string): Promise<CaseworkCounts> {
    const rows = await sql<{ measure: string; key: string; n: number }>`
      with recursive chain(start_id, id, merged_into, depth) as (
        select e.id, e.id, e.merged_into, 0 from entities e
        where e.id in (select entity_id from case_outcomes union select entity_id from nrm_records union select entity_id from safeguarding_plans)
        union all
        select c.start_id, e.id, e.merged_into, c.depth + 1 from chain c join entities e on e.id = c.merged_into where c.depth < 50
      ),
      person as (select distinct on (start_id) start_id, id from chain where merged_into is null order by start_id, depth desc),
      outcome as (select o.*, p.id as person_id from case_outcomes o join person p on p.start_id = o.entity_id where o.occurred_on between ${from} and ${to}),
      nrm as (select n.*, p.id as person_id from nrm_records n join person p on p.start_id = n.entity_id)
      select 'opened' as measure, status as key, count(*)::int as n from cases where (opened_at at time zone 'Europe/London')::date between ${from} and ${to} group by status
      union all select 'arrested', '', count(distinct person_id)::int from outcome where kind = 'arrest'
      union all select 'charged', '', count(distinct person_id)::int from outcome where kind = 'charge'
      union all select 'charges', offence, count(*)::int from outcome where kind = 'charge' group by offence
      union all select 'convicted', '', count(distinct person_id)::int from outcome where kind = 'court_result' and result = 'convicted'
      union all select 'orders', order_type, count(*)::int from outcome where kind = 'order' group by order_type
      union all select 'referred', route, count(distinct person_id)::int from nrm where referred_on between ${from} and ${to} group by route
      union all select 'rg', rg_decision, count(distinct person_id)::int from nrm where rg_decided_on between ${from} and ${to} group by rg_decision
      union all select 'cg', cg_decision, count(distinct person_id)::int from nrm where cg_decided_on between ${from} and ${to} group by cg_decision
      union all select 'planned', '', count(distinct p.id)::int from safeguarding_plans s join person p on p.start_id = s.entity_id
        where (s.recorded_at at time zone 'Europe/London')::date between ${from} and ${to}
      union all select 'reviewsOverdue', '', count(*)::int from safeguarding_plans s join cases c on c.id = s.case_id
        where s.next_review_on < ${today} and c.status <> 'closed'
      union all select 'awaitingRg', '', count(*)::int from nrm_records where route = 'nrm' and rg_decision is null`.execute(this.db);
    const get = (measure: string, key = '') => rows.rows.find((r) => r.measure === measure && r.key === key)?.n ?? 0;
    const keyed = (measure: string) => Object.fromEntries(rows.rows.filter((r) => r.measure === measure).map((r) => [r.key, r.n]));
    return {
      casesByStatus: keyed('opened'),
      peopleArrested: get('arrested'),
      peopleCharged: get('charged'),
      chargesByOffence: keyed('charges'),
      peopleConvicted: get('convicted'),
      ordersByType: keyed('orders'),
      peopleReferredToNrm: get('referred', 'nrm'),
      peopleNotified: get('referred', 'dtn'),
      reasonableGrounds: { positive: get('rg', 'positive'), negative: get('rg', 'negative') },
      conclusiveGrounds: { positive: get('cg', 'positive'), negative: get('cg', 'negative') },
      peopleWithPlans: get('planned'),
      plansReviewOverdue: get('reviewsOverdue'),
      referralsAwaitingReasonableGrounds: get('awaitingRg'),
    };
  }
}

export interface CaseworkCounts {
  readonly casesByStatus: Record<string, number>;
  readonly peopleArrested: number;
  readonly peopleCharged: number;
  readonly chargesByOffence: Record<string, number>;
  readonly peopleConvicted: number;
  readonly ordersByType: Record<string, number>;
  readonly peopleReferredToNrm: number;
  readonly peopleNotified: number;
  readonly reasonableGrounds: { readonly positive: number; readonly negative: number };
  readonly conclusiveGrounds: { readonly positive: number; readonly negative: number };
  readonly peopleWithPlans: number;
  readonly plansReviewOverdue: number;
  readonly referralsAwaitingReasonableGrounds: number;
}
