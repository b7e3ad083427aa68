import { PERMISSIONS, RESEARCH_COLUMNS, permittedUser, researchExport, type Actor, type ForceArea, type ResearchExport } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { protectiveMarking, type ProtectiveMarking } from '@harbour/contract';
import { spreadsheetCsv } from '../http/csv';
import { auditEntry } from './audit.service';
import { resolveFiguresFilter, type FiguresFilter } from './figures.service';

/** Figures leaving the team for research: de-identified rows, k-anonymous, audited. */
export class ResearchExportService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * De-identified case-level rows for research (one per potential victim), k-anonymous over the
   * quasi-identifiers; audited with what was asked and what went out.
   */
  async export(actor: Actor, asked: FiguresFilter & { k: number }): Promise<ResearchExport & { from: string; to: string; columns: readonly string[] }> {
    const user = permittedUser(actor, PERMISSIONS.figuresExport, 'Only a supervisor, a researcher or an analyst exports data for research');
    const filter = resolveFiguresFilter(asked, this.now());
    const names = new Map(this.area.localAuthorities.map((la) => [la.code, la.name]));
    const victims = await this.repos.tallies.victimsForResearch(`${filter.from}-01`, `${filter.to}-01`);
    const exported = researchExport(
      victims.map((v) => ({
        receivedAt: new Date(v.received_at),
        dob: v.dob,
        gender: v.gender,
        nationality: v.nationality_code,
        areaName: v.local_authority ? (names.get(v.local_authority) ?? null) : null,
        exploitationTypes: v.exploitation_types,
        source: v.source,
      })),
      asked.k,
    );
    await this.repos.audit.append(
      auditEntry(
        user,
        'research.exported',
        { type: 'figures', id: null },
        { from: filter.from, to: filter.to, k: asked.k, rows: exported.rows.length, left: exported.left, smallestClass: exported.smallestClass },
      ),
    );
    return { ...exported, from: filter.from, to: filter.to, columns: RESEARCH_COLUMNS };
  }

  /**
   * The same rows as the file that leaves: its protective marking (rows per potential victim,
   * however de-identified, are OFFICIAL-SENSITIVE) on the first line, then the CSV, safe to open
   * in a spreadsheet. The web's download and the command line write the same file.
   */
  async csv(
    actor: Actor,
    asked: FiguresFilter & { k: number },
  ): Promise<Awaited<ReturnType<ResearchExportService['export']>> & { csv: string; marking: ProtectiveMarking }> {
    const exported = await this.export(actor, asked);
    const marking = protectiveMarking({ caseLevel: true });
    return { ...exported, marking, csv: `${marking}\n${spreadsheetCsv(exported.rows, { header: true, columns: [...exported.columns] })}` };
  }
}
