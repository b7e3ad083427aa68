import type {
  AwarenessAudience,
  AwarenessEvent,
  AwarenessEventList,
  AwarenessEventInput,
  AreaBoundaries,
  AwarenessSetting,
  Campaign,
  CampaignList,
  Material,
  MaterialList,
  MaterialRequest,
  MaterialSize,
  Prevented,
  ReportLanguage,
} from '@harbour/contract';
import {
  Conflict,
  Invalid,
  NotFound,
  PERMISSIONS,
  addDays,
  campaignCodeFor,
  localDate,
  permittedUser,
  reportsAroundEvent,
  type Actor,
  type ForceArea,
} from '@harbour/core';
import type { AwarenessEventRow, MaterialRow, PreventSpan, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import type { Boundaries } from './boundaries';
import { posterPdf } from './poster-pdf';

/** Reports counted either side of an event: four weeks, long enough for word to spread. */
export const DAYS_AROUND_EVENT = 28;
/** Events listed when no span is asked for: the last year. */
const DEFAULT_SPAN_DAYS = 365;
const WHO = 'Awareness work is recorded by the force’s team';

/**
 * Awareness work (issue 22, Prevent): campaigns; posters and leaflets made for them in the
 * public's languages (the resource library); the events held; and what followed them, counted
 * as reports in the area before and after, and as public reports that came by a campaign's QR
 * code, the same for everyone who scans it, so no reporter is singled out.
 */
export class PreventService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly boundaries: Boundaries,
    /** The public reporting site's address as it stands; none, and no posters can be made. */
    private readonly portal: () => string | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async campaigns(actor: Actor): Promise<CampaignList> {
    permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    return { campaigns: (await this.repos.prevent.campaigns()).map((c) => ({ ...c, createdAt: c.created_at.toISOString() })) };
  }

  async addCampaign(actor: Actor, name: string): Promise<Campaign> {
    const user = permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    const code = await this.repos.prevent.transaction(async (prevent, audit) => {
      const chosen = campaignCodeFor(name, new Set(await prevent.campaignCodes()));
      await prevent.addCampaign(chosen, name, user.userId, this.now());
      await audit(auditEntry(user, 'prevent.campaign-added', { type: 'campaign', id: null }, { code: chosen }));
      return chosen;
    });
    return { code, name, createdAt: this.now().toISOString(), materials: 0, events: 0, reports: 0 };
  }

  /** The force's boundaries, to place an event on the map (open data, for anyone recording awareness work). */
  areaBoundaries(actor: Actor): Promise<AreaBoundaries> {
    permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    return this.boundaries.get();
  }

  async materials(actor: Actor): Promise<MaterialList> {
    permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    return { materials: (await this.repos.prevent.materials()).map(toMaterial), portal: this.portal() ?? null };
  }

  /** A poster or leaflet added to the library; its PDF is made whenever it is fetched. */
  async makeMaterial(actor: Actor, request: MaterialRequest): Promise<Material> {
    const user = permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    this.portalAddress();
    if (!(await this.repos.prevent.campaignExists(request.campaign)))
      throw new Invalid('No such campaign', [{ path: 'campaign', message: 'Choose a campaign' }]);
    const id = await this.repos.prevent.transaction(async (prevent, audit) => {
      const made = await prevent.addMaterial(request, user.userId, this.now());
      await audit(auditEntry(user, 'prevent.material-made', { type: 'material', id: made }, { ...request }));
      return made;
    });
    const row = await this.repos.prevent.material(id);
    return toMaterial(row!);
  }

  async materialPdf(actor: Actor, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const user = permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    const row = await this.repos.prevent.material(id);
    if (!row) throw new NotFound('No such poster or leaflet');
    const material = toMaterial(row);
    const form = `${this.portalAddress()}/report?lang=${material.language}`;
    const pdf = await posterPdf({
      language: material.language,
      setting: material.setting,
      size: material.size,
      address: form,
      scanAddress: `${form}&c=${material.campaign}`,
    });
    await this.repos.audit.append(auditEntry(user, 'prevent.material-downloaded', { type: 'material', id }));
    const kind = material.size === 'A4' ? 'poster' : 'leaflet';
    return { pdf, filename: `${material.campaign}-${kind}-${material.setting.replace(/_/g, '-')}-${material.language}.pdf` };
  }

  async recordEvent(actor: Actor, event: AwarenessEventInput): Promise<AwarenessEvent> {
    const user = permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    const today = localDate(this.now());
    if (event.heldOn > today) throw new Invalid('Not held yet', [{ path: 'heldOn', message: 'Record an event once it has been held' }]);
    if (!this.area.localAuthorities.some((la) => la.code === event.localAuthority))
      throw new Invalid('No such area', [{ path: 'localAuthority', message: 'Choose one of the force’s areas' }]);
    if (event.campaign && !(await this.repos.prevent.campaignExists(event.campaign)))
      throw new Invalid('No such campaign', [{ path: 'campaign', message: 'Choose a campaign, or none' }]);
    const row = await this.repos.prevent.transaction(async (prevent, audit) => {
      const saved = await prevent.addEvent({ ...event, notes: event.notes ?? null }, user.userId, this.now());
      await audit(auditEntry(user, 'prevent.event-recorded', { type: 'awareness-event', id: saved.id }, { heldOn: saved.held_on }));
      return saved;
    });
    return (await this.withReportsAround([row], today))[0]!;
  }

  /** Events held within a span (the last year unless asked), latest first, each with the reports around it. */
  async events(actor: Actor, asked: { from?: string | undefined; to?: string | undefined }): Promise<AwarenessEventList> {
    permittedUser(actor, PERMISSIONS.preventRecord, WHO);
    const today = localDate(this.now());
    const to = asked.to ?? today;
    const from = asked.from ?? addDays(to, -DEFAULT_SPAN_DAYS);
    if (from > to) throw new Invalid('The span ends before it starts', [{ path: 'from', message: 'Give a first day on or before the last' }]);
    const rows = await this.repos.prevent.events({ from, to });
    return { from, to, events: await this.withReportsAround(rows, today) };
  }

  private async withReportsAround(rows: readonly AwarenessEventRow[], today: string): Promise<AwarenessEvent[]> {
    if (rows.length === 0) return [];
    const days = rows.map((r) => r.held_on).sort();
    const reportDays = await this.repos.prevent.reportDays(
      [...new Set(rows.map((r) => r.local_authority))],
      addDays(days[0]!, -DAYS_AROUND_EVENT),
      addDays(days.at(-1)!, DAYS_AROUND_EVENT),
    );
    return rows.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      title: r.title,
      place: r.place,
      localAuthority: r.local_authority,
      point: r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
      audiences: r.audiences as AwarenessAudience[],
      partners: r.partners,
      attendance: r.attendance,
      handedOut: r.handed_out,
      campaign: r.campaign_code,
      notes: r.notes,
      around: {
        ...reportsAroundEvent(r.held_on, reportDays.get(r.local_authority) ?? [], DAYS_AROUND_EVENT),
        days: DAYS_AROUND_EVENT,
        complete: addDays(r.held_on, DAYS_AROUND_EVENT) <= today,
      },
    }));
  }

  private portalAddress(): string {
    const portal = this.portal();
    if (!portal)
      throw new Conflict('Posters need the public reporting site’s address: set HARBOUR_PUBLIC_URL', [
        { path: 'portal', message: 'Ask the administrator to set HARBOUR_PUBLIC_URL' },
      ]);
    return portal;
  }
}

/** The Prevent figures of a dashboard's span: events, people reached, materials handed out, reports by a campaign's code. */
export function preventedFigure(repos: Repositories, span: PreventSpan): Promise<Prevented> {
  return repos.prevent.figures(span);
}

function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    campaign: row.campaign_code,
    campaignName: row.campaign,
    setting: row.setting as AwarenessSetting,
    language: row.language as ReportLanguage,
    size: row.size as MaterialSize,
    madeAt: row.made_at.toISOString(),
  };
}
