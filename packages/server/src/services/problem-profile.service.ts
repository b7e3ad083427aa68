import type { ProtectiveMarking } from '@harbour/contract';
import {
  PERMISSIONS,
  addMonths,
  buildProblemProfile,
  monthsBetween,
  permittedUser,
  type Actor,
  type Audience,
  type ForceArea,
  type ProblemProfile,
  type ProfileLanguage,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import { resolveFiguresFilter, tallyFilterOf, type FiguresFilter, type FiguresService } from './figures.service';
import type { GraphService } from './graph.service';

/** The problem profile: the dashboard's figures, networks and trends written up, on the page or as a PDF. */
export class ProblemProfileService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly figures: FiguresService,
    private readonly graph: GraphService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * A problem profile for a period and, optionally, one area, in English or Welsh, for the team
   * (in full) or for the public (small numbers suppressed). Producing one is audited: it is how
   * figures leave the team.
   */
  async profile(actor: Actor, asked: FiguresFilter & { audience: Audience; language: ProfileLanguage }): Promise<ProblemProfile> {
    const user = permittedUser(actor, PERMISSIONS.reportsOverview, 'You cannot see report figures');
    const profile = await this.build(actor, asked);
    const filter = resolveFiguresFilter(asked, this.now());
    await this.repos.audit.append(
      auditEntry(user, 'profile.generated', { type: 'figures', id: null }, { filter, audience: asked.audience, language: asked.language }),
    );
    return profile;
  }

  /** The profile's figures and words, unaudited: for the caller to audit as what it is reading. */
  async build(actor: Actor, asked: FiguresFilter & { audience: Audience; language: ProfileLanguage }): Promise<ProblemProfile> {
    const base = resolveFiguresFilter(asked, this.now());
    const span = monthsBetween(base.from, base.to).length;
    const filter = { ...base, granularity: asked.granularity ?? (span > 96 ? 'year' : span > 24 ? 'quarter' : 'month') } as const;
    // A profile is a document others rely on: every person counted, however recent the change.
    const d = await this.figures.dashboard(actor, filter, { everyone: true });
    const tally = tallyFilterOf(filter);
    const typesByArea: number[][] = [];
    for (const type of d.byType) {
      const byArea = new Map((await this.repos.tallies.reports({ ...tally, exploitationType: type.key }, 'area')).map((r) => [r.key, r.n]));
      typesByArea.push(d.byArea.map((a) => byArea.get(a.key) ?? 0));
    }
    const until = new Date(`${addMonths(filter.to, 1)}-01T00:00:00Z`);
    const networks = await this.graph.networkCounts({ from: new Date(`${filter.from}-01T00:00:00Z`), until }, filter.area);
    const welsh = asked.language === 'cy';
    const region = new Intl.DisplayNames([asked.language], { type: 'region' });
    const chosen = this.area.localAuthorities.find((la) => la.code === filter.area);
    const profile = buildProblemProfile(
      {
        place: chosen ? (welsh ? chosen.nameCy : chosen.name) : welsh ? this.area.forceCy : this.area.force,
        from: filter.from,
        to: filter.to,
        previous: { from: d.previous.from, to: d.previous.to, through: d.previous.through, reports: d.previous.change.before },
        reports: d.reports,
        victims: d.victims,
        trend: d.trend,
        byArea: d.byArea.map((a) => ({ key: a.key, n: a.n, name: welsh ? a.nameCy : a.name })),
        byType: d.byType,
        byAge: d.byAge,
        bySource: d.bySource,
        victimsByGender: d.victimsByGender,
        victimsByAge: d.victimsByAge,
        victimsByNationality: d.victimsByNationality.map((c) => ({ key: c.key, n: c.n, name: c.key ? (region.of(c.key) ?? c.name) : '' })),
        typesByArea,
        networks,
        casework: d.casework,
        prepared: d.prepared,
        prevented: d.prevented,
      },
      { language: asked.language, audience: asked.audience, generatedAt: this.now() },
    );
    return profile;
  }

  /** The problem profile as a printable PDF, with a file name that says what it is. */
  async pdf(
    actor: Actor,
    asked: FiguresFilter & { audience: Audience; language: ProfileLanguage },
  ): Promise<{ fileName: string; pdf: Buffer; marking: ProtectiveMarking }> {
    const profile = await this.profile(actor, asked);
    const filter = resolveFiguresFilter(asked, this.now());
    const area = filter.area ? `-${filter.area || 'unknown'}` : '';
    // Loaded when first asked for: the chart and PDF libraries take most of a second to load.
    const { profilePdf } = await import('./profile-pdf');
    return {
      fileName: `problem-profile-${filter.from}-to-${filter.to}${area}-${asked.audience}-${asked.language}.pdf`,
      pdf: await profilePdf(profile),
      marking: profile.marking,
    };
  }
}
