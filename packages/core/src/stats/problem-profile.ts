import {
  protectiveMarking,
  type Audience,
  type Casework,
  type Prepared,
  type Prevented,
  type ProblemProfile,
  type ProfileSection,
  type ProfileTable,
} from '@harbour/contract';
import type { PeriodCount } from './periods';
import { PROFILE_WORDS, type ProfileLanguage, type ProfileWords } from './profile-words';
import { isSmall, suppressList, suppressTable, type Withheld } from './suppression';

/**
 * A problem profile: the picture for a period and an area, in words and tables, ready to be drawn
 * as HTML or PDF. For an external audience every table is protected by small-number suppression
 * (counts of 1 to 4 as "<5", others withheld where they would give one away) and every number in
 * the text is a published total that is not small; for the team, everything is shown.
 */

export interface ProfileCount {
  readonly key: string;
  readonly n: number;
}

/** The figures a profile is made from (counted by the caller, named in the profile's language). */
export interface ProfileFigures {
  readonly place: string;
  readonly from: string;
  readonly to: string;
  /** The period before; `through` its last day counted when this period is counted only so far. */
  readonly previous: { readonly from: string; readonly to: string; readonly through?: string | null; readonly reports: number };
  readonly reports: number;
  readonly victims: number;
  readonly trend: readonly PeriodCount[];
  /** Local authorities with their names in the profile's language ('' key: not known). */
  readonly byArea: readonly (ProfileCount & { name: string })[];
  readonly byType: readonly ProfileCount[];
  readonly byAge: readonly ProfileCount[];
  readonly bySource: readonly ProfileCount[];
  readonly victimsByGender: readonly ProfileCount[];
  /** Potential victims (people, not reports) by age band. */
  readonly victimsByAge: readonly ProfileCount[];
  /** Countries named in the profile's language, most first ('' key: not known). */
  readonly victimsByNationality: readonly (ProfileCount & { name: string })[];
  /** Reports by type (rows, in `byType` order) and area (columns, in `byArea` order). */
  readonly typesByArea: readonly (readonly number[])[];
  readonly networks: { readonly count: number; readonly withChildren: number; readonly largest: number };
  /** The team's casework in the period, people counted once each. */
  readonly casework: Casework;
  /** Colleagues trained today; null until the establishment is recorded. */
  readonly prepared: Prepared;
  /** Awareness work in the period. */
  readonly prevented: Prevented;
}

/** Nationalities shown by name before the rest are put together as "other". */
const NATIONALITIES_NAMED = 10;

export function buildProblemProfile(figures: ProfileFigures, options: { language: ProfileLanguage; audience: Audience; generatedAt: Date }): ProblemProfile {
  const w = PROFILE_WORDS[options.language];
  const locale = options.language === 'cy' ? 'cy-GB' : 'en-GB';
  const number = new Intl.NumberFormat(locale);
  const month = (m: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  const external = options.audience === 'external';
  // A number in the text: for the public, a small one is "<5".
  const say = (n: number) => (external && isSmall(n) ? w.suppressed : number.format(n));
  const cell = (n: number, withheld: Withheld | null) => (withheld === 'small' ? w.suppressed : withheld === 'secondary' ? w.withheld : number.format(n));

  /**
   * A one-column table with a total row, protected for the public. A row of none stays (none in
   * an area is a finding); a table of nothing but noughts is no table.
   */
  const listTable = (
    id: string,
    caption: string,
    heading: [string, string],
    rows: { label: string; n: number }[],
    options: { chart?: boolean; note?: string } = {},
  ): ProfileTable | null => {
    if (!rows.some((r) => r.n > 0)) return null;
    const counts = rows.map((r) => r.n);
    const shown = external ? suppressList(counts) : { counts: [...counts, counts.reduce((a, b) => a + b, 0)], withheld: counts.map(() => null).concat([null]) };
    return {
      id,
      caption,
      headings: heading,
      rows: [
        ...rows.map((r, i) => ({ label: r.label, cells: [cell(r.n, shown.withheld[i]!)] })),
        { label: w.headings.total, cells: [cell(shown.counts[rows.length]!, shown.withheld[rows.length]!)] },
      ],
      ...(options.chart ? { chart: { labels: rows.map((r) => r.label), values: rows.map((r, i) => (shown.withheld[i] ? null : r.n)) } } : {}),
      ...(options.note ? { note: options.note } : {}),
    };
  };

  /** A section without the tables that had nothing to count; one left with none says so. */
  const section = (s: { id: string; title: string; paragraphs: string[]; tables: (ProfileTable | null)[] }): ProfileSection => {
    const tables = s.tables.filter((t): t is ProfileTable => t !== null);
    const emptied = s.tables.length > 0 && tables.length === 0;
    return { ...s, paragraphs: emptied ? [...s.paragraphs, w.noneInPeriod] : s.paragraphs, tables };
  };

  const typeLabel = (key: string) => w.types[key] ?? key;
  const areaLabel = (a: { key: string; name: string }) => (a.key ? a.name : w.areaUnknown);

  // Summary
  const change = figures.reports - figures.previous.reports;
  const day = (d: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const { through } = figures.previous;
  const before = through
    ? ([day(`${figures.previous.from}-01`), day(through)] as const)
    : ([month(figures.previous.from), month(figures.previous.to)] as const);
  const percent = figures.previous.reports === 0 ? '' : `${number.format(Math.round((Math.abs(change) / figures.previous.reports) * 1000) / 10)}%`;
  // A change between small numbers would give them away: said only when both totals can be.
  const changeSaid =
    external && (isSmall(figures.reports) || isSmall(figures.previous.reports))
      ? []
      : [
          figures.previous.reports === 0
            ? w.summary.fromNone(...before)
            : change === 0
              ? w.summary.same(...before)
              : (change > 0 ? w.summary.up : w.summary.down)(number.format(Math.abs(change)), percent, ...before),
        ];
  const children = figures.byAge.find((a) => a.key === 'child')?.n ?? 0;
  const topType = [...figures.byType].filter((t) => t.key !== 'unknown').sort((a, b) => b.n - a.n)[0];
  const topArea = [...figures.byArea].filter((a) => a.key !== '').sort((a, b) => b.n - a.n)[0];
  const summary: ProfileSection = {
    id: 'summary',
    title: w.sections.summary,
    paragraphs: [
      w.summary.reports(say(figures.reports), say(figures.victims), month(figures.from), month(figures.to)),
      ...changeSaid,
      w.summary.children(say(children)),
      ...(topType && topType.n > 0 ? [w.summary.topType(typeLabel(topType.key).toLowerCase(), say(topType.n))] : []),
      ...(topArea && topArea.n > 0 ? [w.summary.topArea(topArea.name, say(topArea.n))] : []),
    ],
    tables: [],
  };

  const trends = section({
    id: 'trends',
    title: w.sections.trends,
    paragraphs: [],
    tables: [
      listTable(
        'trend',
        w.tables.trend,
        [w.headings.period, w.headings.reports],
        figures.trend.map((p) => ({ label: p.from === p.to ? month(p.from) : p.period, n: p.n })),
        { chart: true },
      ),
    ],
  });

  // Types, and types by area: a two-way table protected as a whole, without the types and areas
  // that have nothing in them.
  const typeRows = figures.byType.map((t, r) => ({ label: typeLabel(t.key), n: t.n, r })).filter((t) => figures.typesByArea[t.r]?.some((n) => n > 0));
  const areaCols = figures.byArea.map((a, c) => ({ label: areaLabel(a), c })).filter((a) => typeRows.some((t) => figures.typesByArea[t.r]![a.c]! > 0));
  const counted = typeRows.map((t) => areaCols.map((a) => figures.typesByArea[t.r]![a.c]!));
  const types = figures.byType.map((t) => ({ label: typeLabel(t.key), n: t.n }));
  const crossTab = external
    ? suppressTable(counted)
    : { counts: withTotals(counted), withheld: withTotals(counted).map((row) => row.map((): Withheld | null => null)) };
  const exploitation = section({
    id: 'exploitation',
    title: w.sections.exploitation,
    paragraphs: [w.typeNote],
    tables: [
      listTable('types', w.tables.types, [w.headings.type, w.headings.reports], types, { chart: true }),
      typeRows.length === 0
        ? null
        : {
            id: 'types-by-area',
            caption: w.tables.typesByArea,
            headings: [w.headings.type, ...areaCols.map((a) => a.label), w.headings.total],
            rows: crossTab.counts.map((row, r) => ({
              label: r < typeRows.length ? typeRows[r]!.label : w.headings.total,
              cells: row.map((n, c) => cell(n, crossTab.withheld[r]![c]!)),
            })),
          },
    ],
  });

  const areas = section({
    id: 'areas',
    title: w.sections.areas,
    paragraphs: [],
    tables: [
      listTable(
        'areas',
        w.tables.areas,
        [w.headings.area, w.headings.reports],
        figures.byArea.map((a) => ({ label: areaLabel(a), n: a.n })),
        { chart: true },
      ),
    ],
  });

  const named = figures.victimsByNationality.filter((c) => c.key !== '').slice(0, NATIONALITIES_NAMED);
  const others = figures.victimsByNationality.filter((c) => c.key !== '').slice(NATIONALITIES_NAMED);
  const unknownNationality = figures.victimsByNationality.find((c) => c.key === '')?.n ?? 0;
  const victims = section({
    id: 'victims',
    title: w.sections.victims,
    paragraphs: [],
    tables: [
      listTable(
        'gender',
        w.tables.gender,
        [w.headings.gender, w.headings.victims],
        figures.victimsByGender.map((g) => ({ label: w.genders[g.key] ?? g.key, n: g.n })),
      ),
      listTable(
        'nationality',
        w.tables.nationality,
        [w.headings.nationality, w.headings.victims],
        [
          ...named.map((c) => ({ label: c.name, n: c.n })),
          ...(others.length > 0 ? [{ label: w.otherNationalities, n: others.reduce((a, c) => a + c.n, 0) }] : []),
          { label: w.nationalityUnknown, n: unknownNationality },
        ],
      ),
      // People, by the age band each was given; then reports, by whether a child was involved.
      listTable(
        'age-bands',
        w.tables.ageBands,
        [w.headings.ageBand, w.headings.victims],
        figures.victimsByAge.map((a) => ({ label: w.ageBands[a.key] ?? a.key, n: a.n })),
      ),
      listTable(
        'age',
        w.tables.age,
        [w.headings.age, w.headings.reports],
        figures.byAge.map((a) => ({ label: w.ages[a.key] ?? a.key, n: a.n })),
      ),
    ],
  });

  const networks: ProfileSection = {
    id: 'networks',
    title: w.sections.networks,
    paragraphs: [
      figures.networks.count === 0
        ? w.networks.none
        : w.networks.found(say(figures.networks.count), say(figures.networks.withChildren), say(figures.networks.largest)),
    ],
    tables: [],
  };

  const source = (key: string) => figures.bySource.find((s) => s.key === key)?.n ?? 0;
  const work = figures.casework;
  const fourPRows: [string, string, number | null][] = [
    [w.fourP.pursue, w.fourP.networks, figures.networks.count],
    [w.fourP.pursue, w.fourP.casesOpened, Object.values(work.casesByStatus).reduce((a, b) => a + b, 0)],
    [w.fourP.pursue, w.fourP.peopleArrested, work.peopleArrested],
    [w.fourP.pursue, w.fourP.peopleCharged, work.peopleCharged],
    ...(['msa_s1', 'msa_s2', 'msa_s4', 'other'] as const).map((o): [string, string, number] => [
      w.fourP.pursue,
      w.fourP.charges[o],
      work.chargesByOffence[o] ?? 0,
    ]),
    [w.fourP.pursue, w.fourP.peopleConvicted, work.peopleConvicted],
    ...(['stpo', 'stro'] as const).map((o): [string, string, number] => [w.fourP.pursue, w.fourP.orders[o], work.ordersByType[o] ?? 0]),
    [w.fourP.protect, w.fourP.referrals, source('officer') + source('partner')],
    [w.fourP.protect, w.fourP.nrm, source('nrm')],
    [w.fourP.protect, w.fourP.victims, figures.victims],
    [w.fourP.protect, w.fourP.childReports, children],
    [w.fourP.protect, w.fourP.peopleReferredToNrm, work.peopleReferredToNrm],
    [w.fourP.protect, w.fourP.peopleNotified, work.peopleNotified],
    [w.fourP.protect, w.fourP.rgPositive, work.reasonableGrounds.positive],
    [w.fourP.protect, w.fourP.cgPositive, work.conclusiveGrounds.positive],
    [w.fourP.protect, w.fourP.peopleWithPlans, work.peopleWithPlans],
    [w.fourP.prevent, w.fourP.publicReports, source('public')],
    [w.fourP.prevent, w.fourP.awarenessEvents, figures.prevented.events],
    [w.fourP.prevent, w.fourP.peopleReached, figures.prevented.reached],
    [w.fourP.prevent, w.fourP.handedOut, figures.prevented.handedOut],
    [w.fourP.prevent, w.fourP.campaignReports, figures.prevented.campaignReports],
    ...(figures.prepared
      ? ([
          [w.fourP.prepare, w.fourP.trained(number.format(figures.prepared.establishment)), figures.prepared.trained],
          [w.fourP.prepare, w.fourP.trainedInAny, figures.prepared.trainedInAny],
          [w.fourP.prepare, w.fourP.refresherOverdue, figures.prepared.overdue],
        ] as [string, string, number][])
      : ([[w.fourP.prepare, w.fourP.notRecorded, null]] as [string, string, null][])),
  ];
  const fourP = section({
    id: 'four-p',
    title: w.sections.fourP,
    paragraphs: [],
    tables: [
      listTable(
        'sources',
        w.tables.sources,
        [w.headings.source, w.headings.reports],
        figures.bySource.map((s) => ({ label: w.sources[s.key] ?? s.key, n: s.n })),
      ),
      !fourPRows.some(([, , n]) => n !== null && n > 0)
        ? null
        : {
            id: 'four-p',
            caption: w.tables.fourP,
            headings: [w.headings.strand, w.headings.measure, w.headings.number],
            // Each is a total of its own, not part of a table that adds up: small ones are "<5".
            rows: fourPRows.map(([p, measure, n]) => ({ label: p, cells: [measure, n === null ? '—' : say(n)] })),
          },
    ],
  });

  const caveats: ProfileSection = {
    id: 'caveats',
    title: w.sections.caveats,
    paragraphs: [...w.caveats, ...(external ? [w.audience.external] : [])],
    tables: [],
  };

  return {
    language: options.language,
    audience: options.audience,
    marking: protectiveMarking({ unsuppressedCounts: !external }),
    title: w.title(figures.place),
    subtitle: w.subtitle(month(figures.from), month(figures.to)),
    generated: w.generated(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/London' }).format(options.generatedAt)),
    audienceNote: w.audience[options.audience],
    sections: [summary, trends, exploitation, areas, victims, networks, fourP, caveats],
  };
}

function withTotals(cells: readonly (readonly number[])[]): number[][] {
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const width = rows[0]?.length ?? 1;
  return [...rows, Array.from({ length: width }, (_, c) => rows.reduce((a, row) => a + row[c]!, 0))];
}

export type { Audience, ProblemProfile, ProfileLanguage, ProfileSection, ProfileTable, ProfileWords };
