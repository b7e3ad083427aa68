import { randomUUID } from 'node:crypto';
import {
  EXPLOITATION_TYPES,
  NRM_DEFAULTS,
  Random,
  addDays,
  addWorkingDays,
  addYears,
  daysBetween,
  localDate,
  nrmPrefill,
  type CaseStatus,
  type GuidanceStep,
  type Offence,
} from '@harbour/core';
import type { NewOutcome, Repositories } from '@harbour/db';
import { DEMO_ACCOUNTS } from './demo-accounts';

/** About one case for every this many demo reports: a team opens cases on the worst of what comes in. */
const REPORTS_PER_CASE = 20;
const MOST_CASES = 60;

export interface DemoCasework {
  readonly cases: number;
  readonly referrals: number;
  readonly notifications: number;
  readonly plans: number;
  readonly outcomes: number;
  readonly tasks: number;
}

/**
 * The team's casework on the demo's planted networks, once the picture is built: cases opened from
 * the most urgent reports naming both a victim and a suspect, moved on as time has passed since;
 * for each potential victim an NRM referral (a child's without consent) or, for about one adult in
 * eight, the Duty to Notify, with Reasonable and Conclusive Grounds decisions where enough time has
 * gone by, and a safeguarding plan; arrests, charges (mostly s2), results and orders for suspects;
 * a few open tasks for the DC and the council. Deterministic for a given store and day.
 */
export async function seedDemoCasework(repos: Repositories, reports: number, today: Date = new Date()): Promise<DemoCasework> {
  const users = new Map<string, { id: string; agency_id: string }>();
  for (const a of DEMO_ACCOUNTS) {
    const u = await repos.users.findByEmail(a.email);
    if (u) users.set(a.role, { id: u.id, agency_id: u.agency_id });
  }
  const ds = users.get('supervisor');
  const dc = users.get('investigator');
  const council = users.get('partner');
  const tally = { cases: 0, referrals: 0, notifications: 0, plans: 0, outcomes: 0, tasks: 0 };
  if (!ds || !dc) return tally;
  const force = (await repos.agencies.get(ds.agency_id))?.name ?? 'Police';
  const random = new Random('demo-casework');
  const now = localDate(today);
  const candidates = await repos.seed.caseCandidates(Math.min(MOST_CASES, Math.max(3, Math.round(reports / REPORTS_PER_CASE))));
  const referred = new Set<string>();

  for (const c of candidates) {
    const opened = addDays(localDate(c.received_at), random.int(0, 3));
    if (opened > now) continue;
    const age = daysBetween(opened, now);
    const officer = random.chance(0.6) ? dc : ds;
    const status = statusAfter(age, random);
    const guidance = (c.triage as { guidance?: GuidanceStep[] } | null)?.guidance ?? [];
    const step = nrmPrefill(guidance);
    const types = c.exploitation_types.filter((t) => (EXPLOITATION_TYPES as readonly string[]).includes(t));
    const openedAt = new Date(`${opened}T09:30:00Z`);
    const caseId = randomUUID();
    await repos.cases.transaction(async (cases) => {
      await cases.create({
        id: caseId,
        kind: random.chance(0.8) ? 'investigation' : 'operation',
        title: `Op ${random.pick(OPERATION_NAMES)}: ${types[0] ? TYPE_TITLES[types[0]] : 'exploitation'} (${opened.slice(0, 7)})`,
        summary: 'Demo case opened from the most urgent report naming both a potential victim and a suspect.',
        agencyId: ds.agency_id,
        officerInCharge: officer.id,
        openedBy: officer.id,
        at: openedAt,
      });
      await cases.addStatusChange({ id: randomUUID(), caseId, from: null, to: 'new', reason: 'Opened', by: officer.id, at: openedAt });
      await cases.addReports(caseId, [c.id], officer.id, openedAt);
      await cases.addEntities(
        caseId,
        [
          ...c.victims.map((entityId) => ({ entityId, role: 'potential_victim' as const })),
          ...c.suspects.map((entityId) => ({ entityId, role: 'suspect' as const })),
        ],
        officer.id,
        openedAt,
      );
      let from: CaseStatus = 'new';
      let when = opened;
      for (const to of pathTo(status)) {
        when = minDate(addDays(when, random.int(3, 40)), now);
        const at = new Date(`${when}T14:00:00Z`);
        await cases.setStatus(caseId, to, at);
        await cases.addStatusChange({ id: randomUUID(), caseId, from, to, reason: REASONS[to], by: to === 'closed' ? ds.id : officer.id, at });
        from = to;
      }
    });
    tally.cases += 1;

    await repos.protection.transaction(async (records) => {
      for (const victim of c.victims) {
        // A person in two demo cases is referred once.
        if (referred.has(victim)) continue;
        referred.add(victim);
        const child = step.child ?? random.chance(0.3);
        const dtn = !child && (step.route === 'dtn' || random.chance(0.12));
        const referredOn = minDate(addDays(opened, random.int(0, 2)), now);
        const rgDue = addWorkingDays(referredOn, NRM_DEFAULTS.reasonableGroundsWorkingDays);
        // Most decisions come in time; some are late, and the newest are still awaited.
        const rgOn = dtn
          ? null
          : addWorkingDays(
              referredOn,
              random.weighted([
                [random.int(2, 5), 7],
                [random.int(6, 20), 3],
              ] as const),
            );
        const rgDecided = rgOn !== null && rgOn <= now;
        const rgDecision = rgDecided ? (random.chance(0.88) ? 'positive' : 'negative') : null;
        const cgOn = rgDecision === 'positive' ? addDays(rgOn!, NRM_DEFAULTS.recoveryPeriodDays + random.int(20, 420)) : null;
        const cgDecided = cgOn !== null && cgOn <= now;
        const at = new Date(`${referredOn}T11:00:00Z`);
        await records.addNrm({
          id: randomUUID(),
          case_id: caseId,
          entity_id: victim,
          route: dtn ? 'dtn' : 'nrm',
          child,
          consent: child ? 'not_needed' : dtn ? 'refused' : 'given',
          referred_on: referredOn,
          first_responder: force,
          exploitation_types: types,
          home_office_reference: null,
          rg_decision: rgDecision,
          rg_decided_on: rgDecided ? rgOn : null,
          cg_decision: cgDecided ? (random.chance(0.8) ? 'positive' : 'negative') : null,
          cg_decided_on: cgDecided ? cgOn : null,
          support_status: dtn
            ? 'not_yet'
            : rgDecision === 'positive'
              ? random.pick(['receiving', 'receiving', 'offered', 'declined', 'ended'] as const)
              : 'not_yet',
          notes: rgDecided || dtn || rgDue >= now ? '' : 'Chased the Single Competent Authority for the Reasonable Grounds decision.',
          recorded_by: officer.id,
          recorded_at: at,
          updated_by: officer.id,
          updated_at: at,
        });
        if (dtn) tally.notifications += 1;
        else tally.referrals += 1;
        const planId = randomUUID();
        const nextReview = addDays(now, random.int(-10, 42));
        await records.addPlan({
          id: planId,
          case_id: caseId,
          entity_id: victim,
          immediate_risks: random.pick(RISKS),
          accommodation: child ? 'Emergency foster placement arranged by children’s services' : random.pick(ACCOMMODATION),
          support_provider: child ? 'Children’s services with an Independent Child Trafficking Guardian' : random.pick(SUPPORT),
          interpreter_needed: guidance.includes('book_interpreter'),
          language: null,
          lead_agency_id: council && child ? council.agency_id : ds.agency_id,
          next_review_on: nextReview < opened ? addDays(opened, 14) : nextReview,
          recorded_by: officer.id,
          recorded_at: at,
          updated_by: officer.id,
          updated_at: at,
        });
        tally.plans += 1;
      }
      if (status === 'charged' || status === 'closed') {
        for (const suspect of c.suspects) {
          const arrested = minDate(addDays(opened, random.int(2, 30)), now);
          const charged = minDate(addDays(arrested, random.int(1, 20)), now);
          const offence: Offence = random.weighted([
            ['msa_s2', 6],
            ['msa_s1', 3],
            ['other', 1],
          ] as const);
          const outcome = (kind: NewOutcome['kind'], on: string, extra: Partial<NewOutcome> = {}) =>
            records.addOutcome({
              case_id: caseId,
              entity_id: suspect,
              offence: null,
              offence_code: null,
              result: null,
              order_type: null,
              ends_on: null,
              until_further_order: false,
              details: '',
              ...extra,
              id: randomUUID(),
              kind,
              occurred_on: on,
              recorded_by: officer.id,
              recorded_at: new Date(`${on}T16:00:00Z`),
            });
          await outcome('arrest', arrested);
          await outcome('charge', charged, { offence, offence_code: offence === 'other' ? 'Sexual Offences Act 2003 s53' : null });
          tally.outcomes += 2;
          const verdict = addDays(charged, random.int(120, 400));
          if (status === 'closed' && verdict <= now) {
            const convicted = random.chance(0.7);
            await outcome('court_result', verdict, { result: convicted ? 'convicted' : 'acquitted', offence });
            tally.outcomes += 1;
            if (convicted && random.chance(0.5)) {
              await outcome('order', verdict, { order_type: 'stpo', ends_on: addYears(verdict, random.pick([5, 7, 10])) });
              tally.outcomes += 1;
            }
          }
        }
      }
    });

    if (status !== 'closed' && status !== 'no_further_action') {
      const due = addDays(now, random.int(-5, 21));
      const forCouncil = council && random.chance(0.4);
      await repos.tasks.create({
        id: randomUUID(),
        caseId,
        title: forCouncil ? 'Safeguarding visit with an interpreter' : random.pick(TASKS),
        details: '',
        ownerUserId: forCouncil ? null : officer.id,
        ownerAgencyId: forCouncil ? council.agency_id : null,
        dueOn: due,
        createdBy: ds.id,
        at: new Date(`${minDate(addDays(due, -14), now)}T10:00:00Z`),
      });
      tally.tasks += 1;
    }
  }
  await repos.audit.append({ actorId: null, actorRole: null, action: 'store.seeded', details: { demoCasework: tally } });
  return tally;
}

/** Where a case opened `age` days ago stands now: the older, the further on. */
function statusAfter(age: number, random: Random): CaseStatus {
  if (age < 14) return random.chance(0.5) ? 'new' : 'investigating';
  if (age < 90)
    return random.weighted([
      ['investigating', 6],
      ['charged', 2],
      ['no_further_action', 1],
    ] as const);
  return random.weighted([
    ['charged', 3],
    ['closed', 4],
    ['no_further_action', 2],
    ['referred', 1],
  ] as const);
}

/** The statuses a case passes through to reach `status`. */
function pathTo(status: CaseStatus): CaseStatus[] {
  switch (status) {
    case 'new':
      return [];
    case 'investigating':
      return ['investigating'];
    case 'closed':
      return ['investigating', 'charged', 'closed'];
    case 'charged':
    case 'no_further_action':
    case 'referred':
      return ['investigating', status];
  }
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

const OPERATION_NAMES = ['Harbour Light', 'Tathan', 'Usk', 'Ebbw', 'Sirhowy', 'Afon Lwyd', 'Twmbarlwm', 'Skirrid', 'Sugarloaf', 'Garth', 'Caerleon', 'Rhymney'];
const TYPE_TITLES: Record<string, string> = {
  sexual: 'sexual exploitation',
  labour: 'labour exploitation',
  criminal: 'county line',
  domestic_servitude: 'domestic servitude',
  organ_harvesting: 'organ harvesting',
  unknown: 'exploitation',
};
const REASONS: Record<CaseStatus, string> = {
  new: 'Opened',
  investigating: 'Phones seized; victims’ accounts taken with an interpreter',
  charged: 'CPS authorised charges',
  no_further_action: 'Insufficient evidence; victims safeguarded and intelligence recorded',
  referred: 'Referred to the Regional Organised Crime Unit',
  closed: 'Outcome recorded; safeguarding handed to partners',
};
const RISKS = [
  'Controller knows where they live and holds their passport',
  'Debt to the controller; threats against family at home',
  'Phone taken; no money of their own',
  'Returned to the same address twice before',
];
const ACCOMMODATION = ['Safe house through the victim care contract', 'Staying with a friend; address known to the team', 'Hostel place, Newport'];
const SUPPORT = ['Victim care contract provider', 'Survivor support charity (demo)', 'Local authority adult safeguarding'];
const TASKS = [
  'Download and examine the seized phones',
  'Trace the bank accounts named in the report',
  'Take a further account with an interpreter',
  'Check the address with the council',
];
