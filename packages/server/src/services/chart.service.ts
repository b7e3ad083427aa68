import {
  protectiveMarking,
  type ChartContent,
  type ChartExported,
  type ChartPdfRequest,
  type ChartSummary,
  type LinkFilter,
  type SavedChart,
} from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, PERMISSIONS, permittedUser, type Actor, type GraphFilter, type UserActor } from '@harbour/core';
import type { Repositories, SavedChartRow } from '@harbour/db';
import type { GraphService } from './graph.service';
import { auditEntry } from './audit.service';
import { chartPdf } from './chart-pdf';

/**
 * Saved charts: an analyst's own, by name, reopened against the picture as it is then (links
 * added since appear, entities merged away are reported missing). Opening one is audited as a
 * view of the entities on it. An owner may share a chart with their team (their agency's users
 * who may chart the picture): the team opens it and may save a copy of its own; only the owner
 * changes, shares or deletes it.
 */
export class ChartService {
  constructor(
    private readonly repos: Repositories,
    private readonly graph: GraphService,
    /** Turns a stored filter back into one the graph takes. */
    private readonly filterOf: (stored: LinkFilter) => GraphFilter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<ChartSummary[]> {
    const user = this.allowed(actor);
    const rows = await this.repos.graph.charts(user.userId, user.agencyId);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      entities: (r.chart as ChartContent).entities.length,
      updatedAt: r.updated_at.toISOString(),
      ...ownership(r, user),
    }));
  }

  async create(actor: Actor, name: string, chart: ChartContent): Promise<{ id: string }> {
    const user = this.allowed(actor);
    const id = randomUUID();
    if (!(await this.repos.graph.createChart({ id, ownerId: user.userId, name, chart }))) throw nameTaken(name);
    await this.repos.audit.append(auditEntry(user, 'graph.chart-saved', { type: 'chart', id }, { name, entities: chart.entities.length }));
    return { id };
  }

  async update(actor: Actor, id: string, name: string, chart: ChartContent): Promise<void> {
    const user = this.allowed(actor);
    const outcome = await this.repos.graph.updateChart({ id, ownerId: user.userId, name, chart });
    if (outcome === 'missing') throw new NotFound('No such chart');
    if (outcome === 'name-taken') throw nameTaken(name);
    await this.repos.audit.append(auditEntry(user, 'graph.chart-saved', { type: 'chart', id }, { name, entities: chart.entities.length }));
  }

  async open(actor: Actor, id: string): Promise<SavedChart> {
    const user = this.allowed(actor);
    const row = await this.repos.graph.chart(id, user.userId, user.agencyId);
    if (!row) throw new NotFound('No such chart');
    const chart = row.chart as ChartContent;
    const data = await this.graph.amongUnaudited(
      chart.entities.map((e) => e.id),
      this.filterOf(chart.filter),
    );
    await this.repos.audit.append(
      auditEntry(user, 'graph.chart-opened', { type: 'chart', id }, { name: row.name, entities: data.nodes.map((n) => n.id), owner: row.owner_id }),
    );
    return { id: row.id, name: row.name, chart, updatedAt: row.updated_at.toISOString(), ...ownership(row, user), data };
  }

  /** The owner shares a chart with their team, or stops sharing it. */
  async share(actor: Actor, id: string, shared: boolean): Promise<void> {
    const user = this.allowed(actor);
    if (!(await this.repos.graph.shareChart(id, user.userId, shared, this.now()))) throw new NotFound('No such chart of yours');
    await this.repos.audit.append(auditEntry(user, shared ? 'graph.chart-shared' : 'graph.chart-unshared', { type: 'chart', id }, {}));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const user = this.allowed(actor);
    if (!(await this.repos.graph.deleteChart(id, user.userId))) throw new NotFound('No such chart');
    await this.repos.audit.append(auditEntry(user, 'graph.chart-deleted', { type: 'chart', id }, {}));
  }

  /**
   * A chart as the analyst has drawn it, made into a PDF marked as personal intelligence and
   * signed with their name; audited, as the export of what it shows.
   */
  async pdf(actor: Actor, chart: ChartPdfRequest): Promise<{ fileName: string; pdf: Buffer; marking: string }> {
    const user = this.allowed(actor);
    const author = await this.repos.users.get(user.userId);
    const marking = protectiveMarking({ personal: true, intelligence: true });
    const pdf = await chartPdf(chart, author?.display_name ?? '', marking, this.now());
    await this.recordExport(user, { format: 'pdf', entities: chart.nodes.length, links: chart.links.length, ...(chart.chart ? { chart: chart.chart } : {}) });
    return { fileName: `harbour-chart-${marking}.pdf`, pdf, marking };
  }

  /** A PNG or SVG the browser draws, recorded as the browser says, before it offers the file (it offers none if this fails). */
  async exported(actor: Actor, what: ChartExported): Promise<void> {
    await this.recordExport(this.allowed(actor), what);
  }

  /** A chart exported, audited: what it shows, and the saved chart it is, if any. */
  private async recordExport(user: UserActor, what: Omit<ChartExported, 'format'> & { format: ChartExported['format'] | 'pdf' }): Promise<void> {
    const { chart, ...details } = what;
    await this.repos.audit.append(auditEntry(user, 'graph.chart-exported', chart ? { type: 'chart', id: chart } : null, details));
  }

  private allowed(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.pictureSearch);
  }
}

function nameTaken(name: string): Conflict {
  return new Conflict('You already have a chart of that name', [{ path: 'name', message: `You already have a chart called "${name}"`, reason: 'invalid' }]);
}

function ownership(row: SavedChartRow, user: UserActor): { owner: string; mine: boolean; shared: boolean } {
  return { owner: row.owner_name, mine: row.owner_id === user.userId, shared: row.shared_at !== null };
}
