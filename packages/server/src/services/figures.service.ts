import { preparedFigure } from './training-coverage.service';
import { preventedFigure } from './prevent.service';
import { AGE_BANDS, GENDERS } from '@harbour/contract';
import type { AreaBoundaries, Count, Dashboard, FiguresMap as FiguresMapView, PeopleBehind, ReportBehind } from '@harbour/contract';
import {
  localDate,
  EXPLOITATION_TYPES,
  PERMISSIONS,
  REPORT_SOURCES,
  addMonths,
  changeBetween,
  countryByCode,
  countryOf,
  countsByPeriod,
  densityGrid,
  permittedUser,
  placeOf,
  previousPeriod,
  previousThrough,
  type Actor,
  type ForceArea,
  type Granularity,
  type Month,
  type Place,
} from '@harbour/core';
import type { PeopleRow, Repositories, TallyFilter, TallyRow } from '@harbour/db';
import type { Boundaries } from './boundaries';
import { auditEntry } from './audit.service';

/** What a dashboard counts: a span of months and, optionally, one area, type, age group and source. */
export interface FiguresFilter {
  readonly from?: Month | undefined;
  readonly to?: Month | undefined;
  readonly granularity?: Granularity | undefined;
  /** A local authority's code, or '' for reports whose area is not known. */
  readonly area?: string | undefined;
  readonly exploitationType?: string | undefined;
  readonly child?: boolean | undefined;
  readonly source?: string | undefined;
}

/** The reports a figure counts, a page of them, with the filter as understood. */
export interface ReportsBehind {
  readonly filter: Dashboard['filter'];
  readonly total: number;
  readonly reports: ReportBehind[];
}

/** The map's figures, with the filter as understood. */
export type FiguresMap = FiguresMapView & { readonly filter: Dashboard['filter'] };

/**
 * The picture in numbers, from the tallies kept as reports are written: counts only, no personal
 * data is read. Every dimension lists all its values (0 where nothing was counted) so charts and
 * tables keep their shape as filters change.
 */
export class FiguresService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly boundaries: Boundaries,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The filter with its defaults: the twelve months to this one, by month; from a month alone, to this one. */
  resolve(filter: FiguresFilter): Dashboard['filter'] {
    return resolveFiguresFilter(filter, this.now());
  }

  /** Reports in the previous period: whole months from the tallies, and the days of a last month counted to `through`. */
  private async previousTotal(tally: TallyFilter, before: { from: string; to: string }, through: string | null): Promise<number> {
    const tallies = this.repos.tallies;
    const lastWhole = through ? addMonths(through.slice(0, 7), -1) : before.to;
    const months = lastWhole >= before.from ? sum(await tallies.reports({ ...tally, from: `${before.from}-01`, to: `${lastWhole}-01` }, 'month')) : 0;
    return through ? months + (await tallies.reportsOnDays(tally, `${through.slice(0, 7)}-01`, through)) : months;
  }

  /**
   * The figures for a period. People are counted as far as the figures job has counted them, and
   * the few changes since counted here first; `everyone` counts every change first (a problem
   * profile, a document that must be exact, waits for that).
   */
  async dashboard(actor: Actor, asked: FiguresFilter, options: { everyone?: boolean } = {}): Promise<Dashboard> {
    permittedUser(actor, PERMISSIONS.reportsOverview, 'You cannot see report figures');
    const filter = this.resolve(asked);
    let peopleCounting = false;
    if (options.everyone) await this.repos.people.catchUp();
    else peopleCounting = await this.repos.people.catchUpBriefly();
    const before = previousPeriod(filter.from, filter.to);
    const tally = this.tallyFilter(filter);
    const tallies = this.repos.tallies;
    // One at a time: the embedded store has one connection, and a PostgreSQL pool gains little on counts this small.
    const byMonth = await tallies.reports(tally, 'month');
    const today = localDate(this.now());
    const partialThrough = filter.to >= today.slice(0, 7) && filter.from <= today.slice(0, 7) ? today : null;
    // A period counted only so far is compared with the same days of the one before, not all of it.
    const through = partialThrough ? previousThrough(filter.from, filter.to, partialThrough) : null;
    const previousTotal = await this.previousTotal(tally, before, through);
    const byArea = await tallies.reports(tally, 'area');
    const byType = await tallies.reports(tally, 'exploitation_type');
    const byAge = await tallies.reports(tally, 'child');
    const bySource = await tallies.reports(tally, 'source');
    // Victims are people, not the reports naming them: one woman in 100 reports is one victim.
    const people = await this.repos.people.people(tally);
    const victims = people.filter((p) => p.role === 'potential_victim');
    const byGender = countBy(victims, (p) => p.gender);
    const byNationality = countBy(victims, (p) => p.nationality);
    const mentions = await tallies.victims(tally, 'gender');
    const suspects = people.filter((p) => p.role === 'suspect');
    const span = await tallies.span();
    const casework = await this.repos.protection.figures(`${filter.from}-01`, lastDayOf(filter.to), today);
    const deleted = await this.repos.retention.deletedWithin(filter.from, filter.to);
    const prepared = await preparedFigure(this.repos, today);
    const prevented = await preventedFigure(this.repos, { from: `${filter.from}-01`, to: lastDayOf(filter.to), area: filter.area });

    const total = sum(byMonth);
    const areaCounts = counts(byArea);
    return {
      filter,
      partialThrough,
      span: span ?? null,
      reports: total,
      previous: { ...before, through, change: changeBetween(previousTotal, total) },
      trend: countsByPeriod(byMonth, filter.from, filter.to, filter.granularity),
      byArea: [
        ...this.area.localAuthorities.map((la) => ({ key: la.code, name: la.name, nameCy: la.nameCy, n: areaCounts.get(la.code) ?? 0 })),
        // Reports with no area, or one outside the force, are counted too.
        ...byArea.filter((r) => !this.area.localAuthorities.some((la) => la.code === r.key)).map((r) => ({ ...r, name: '', nameCy: '' })),
      ],
      byType: every(EXPLOITATION_TYPES, byType),
      byAge: every(['child', 'adult'], byAge),
      bySource: every(REPORT_SOURCES, bySource),
      victims: sum(byGender),
      victimsByGender: every(GENDERS, byGender),
      victimsByAge: every(
        AGE_BANDS,
        countBy(victims, (p) => p.age_band),
      ),
      victimsByNationality: byNationality
        .map((r) => ({ ...r, name: r.key ? (countryByCode(r.key)?.name ?? r.key) : '' }))
        .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
      victimMentions: sum(mentions),
      suspects: sum(suspects),
      peopleCounting,
      casework,
      prepared,
      prevented,
      deleted,
    };
  }

  /** Reports on the map: by area, placed at their towns, and as a hotspot surface (reports per km²). */
  async map(actor: Actor, asked: FiguresFilter): Promise<FiguresMap> {
    permittedUser(actor, PERMISSIONS.reportsOverview, 'You cannot see report figures');
    const filter = this.resolve(asked);
    const tally = this.tallyFilter(filter);
    const byArea = counts(await this.repos.tallies.reports(tally, 'area'));
    const places = new Map<string, Place & { n: number }>();
    let unplaced = 0;
    for (const row of await this.repos.tallies.places(tally)) {
      const place = placeOf(row.key, this.area);
      if (!place) {
        unplaced += row.n;
        continue;
      }
      // "Newport" and "casnewydd" are one place.
      const id = `${place.name}|${place.area}`;
      const known = places.get(id);
      places.set(id, known ? { ...known, n: known.n + row.n } : { ...place, n: row.n });
    }
    const placed = [...places.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
    return {
      filter,
      areas: this.area.localAuthorities.map((la) => ({ key: la.code, name: la.name, nameCy: la.nameCy, n: byArea.get(la.code) ?? 0 })),
      places: placed,
      unplaced,
      hotspots: densityGrid(placed, { cellKm: 1, bandwidthKm: 2.5 }).map((c) => ({ ...c, density: Math.round(c.density * 1000) / 1000 })),
    };
  }

  /** The force's local-authority boundaries, for the map (none when none are configured). */
  areaBoundaries(actor: Actor): Promise<AreaBoundaries> {
    permittedUser(actor, PERMISSIONS.reportsOverview, 'You cannot see report figures');
    return this.boundaries.get();
  }

  /**
   * The reports behind a figure, a page at a time, for those allowed to read reports. The list
   * names reports, so it is audited with the filter that asked for it.
   */
  async reportsBehind(actor: Actor, asked: FiguresFilter, page: { limit: number; offset: number }): Promise<ReportsBehind> {
    const user = permittedUser(actor, PERMISSIONS.reportsRead, 'You cannot read reports');
    const filter = this.resolve(asked);
    const found = await this.repos.tallies.reportsBehind(this.tallyFilter(filter), page.limit, page.offset);
    await this.repos.audit.append(
      auditEntry(user, 'reports.listed', { type: 'report', id: null }, { filter, offset: page.offset, shown: found.rows.length, total: found.total }),
    );
    return {
      filter,
      total: found.total,
      reports: found.rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        source: r.source,
        receivedAt: new Date(r.received_at).toISOString(),
        area: r.local_authority,
        exploitationTypes: r.exploitation_types,
        child: r.involves_child,
        status: r.status,
      })),
    };
  }

  /**
   * The people behind a figure of people (potential victims by gender, say): each person once,
   * as the figure counted them, most reports first. For those who may search the picture; audited.
   */
  async peopleBehind(
    actor: Actor,
    asked: FiguresFilter,
    person: { role: 'potential_victim' | 'suspect'; gender?: string; nationality?: string; ageBand?: string },
    page: { limit: number; offset: number },
  ): Promise<Omit<PeopleBehind, 'page' | 'pageSize'>> {
    permittedUser(actor, PERMISSIONS.reportsOverview, 'You cannot see report figures');
    const user = permittedUser(actor, PERMISSIONS.pictureSearch, 'You cannot see the people in the picture');
    const filter = this.resolve(asked);
    await this.repos.people.catchUpBriefly();
    const found = await this.repos.people.peopleBehind(this.tallyFilter(filter), person, page.limit, page.offset);
    await this.repos.audit.append(
      auditEntry(
        user,
        'figures.people-listed',
        { type: 'entity', id: null },
        { filter, ...person, offset: page.offset, total: found.total, entities: found.rows.flatMap((r) => (r.id ? [r.id] : [])) },
      ),
    );
    return {
      total: found.total,
      people: found.rows.map((r) => ({
        id: r.id,
        label: r.label,
        gender: r.gender as PeopleBehind['people'][number]['gender'],
        nationality: r.nationality,
        ageBand: r.age_band as PeopleBehind['people'][number]['ageBand'],
        reports: r.reports,
        latest: new Date(r.latest).toISOString(),
      })),
    };
  }

  /** Folds waiting deltas into the tallies (background work); returns how many. */
  fold(): Promise<number> {
    return this.repos.tallies.foldAll();
  }

  /** Counts again the people of changed records (background work); returns how many records. */
  countPeople(): Promise<number> {
    return this.repos.people.catchUp();
  }

  /** Reads the nationality of people stored before Harbour resolved nationalities (start-up work). */
  fillNationalities(): Promise<number> {
    return this.repos.tallies.fillNationalityCodes((written) => countryOf(written)?.code);
  }

  private tallyFilter(filter: Dashboard['filter']): TallyFilter {
    return tallyFilterOf(filter);
  }
}

/** The tallies' filter for a dashboard filter. */
export function tallyFilterOf(filter: Dashboard['filter']): TallyFilter {
  return {
    from: `${filter.from}-01`,
    to: `${filter.to}-01`,
    ...(filter.area !== undefined ? { area: filter.area } : {}),
    ...(filter.exploitationType ? { exploitationType: filter.exploitationType } : {}),
    ...(filter.child !== undefined ? { child: filter.child } : {}),
    ...(filter.source ? { source: filter.source } : {}),
  };
}

/** A filter with its defaults: the twelve months to this one, by month; from a month alone, to this one. */
export function resolveFiguresFilter(filter: FiguresFilter, now: Date): Dashboard['filter'] {
  const thisMonth = now.toISOString().slice(0, 7);
  // From a month alone: from then to now.
  const to = filter.to ?? (filter.from && filter.from > thisMonth ? filter.from : thisMonth);
  const from = filter.from ?? addMonths(to, -11);
  return { ...filter, from, to, granularity: filter.granularity ?? 'month' };
}

/** People rows summed under one of their keys, as tally rows. */
function countBy(rows: readonly PeopleRow[], key: (row: PeopleRow) => string): TallyRow[] {
  const counted = new Map<string, number>();
  for (const r of rows) counted.set(key(r), (counted.get(key(r)) ?? 0) + r.n);
  return [...counted].map(([k, n]) => ({ key: k, n })).sort((a, b) => a.key.localeCompare(b.key));
}

function sum(rows: readonly { n: number }[]): number {
  return rows.reduce((a, r) => a + r.n, 0);
}

function counts(rows: readonly TallyRow[]): Map<string, number> {
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** Every value of a dimension in order, 0 where none was counted, then any others counted. */
function every(keys: readonly string[], rows: readonly TallyRow[]): Count[] {
  const found = counts(rows);
  return [...keys.map((key) => ({ key, n: found.get(key) ?? 0 })), ...rows.filter((r) => !keys.includes(r.key))];
}

/** The last day of a month given as YYYY-MM. */
function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
