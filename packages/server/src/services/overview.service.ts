import type { Overview } from '@harbour/contract';
import { Forbidden, PERMISSIONS, can, type Actor, type ForceArea } from '@harbour/core';
import type { Repositories } from '@harbour/db';

/** The team's picture at a glance: counts only, so no personal data is read. */
export class OverviewService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async lastYear(actor: Actor): Promise<Overview> {
    if (!can(actor, PERMISSIONS.reportsOverview)) throw new Forbidden('You cannot see report figures');
    const since = new Date(this.now().getTime() - 365 * 86_400_000);
    const figures = await this.repos.reports.overview(since);
    const counts = new Map(figures.byArea.map((a) => [a.code, a.count]));
    return {
      since: since.toISOString(),
      total: figures.total,
      // Every local authority is listed, with 0 where nothing was reported.
      byArea: this.area.localAuthorities.map((la) => ({ code: la.code, name: la.name, nameCy: la.nameCy, count: counts.get(la.code) ?? 0 })),
      bySource: figures.bySource,
    };
  }
}
