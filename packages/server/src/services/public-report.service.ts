import type { AwarenessSetting, FollowUp, PublicReportInput } from '@harbour/contract';
import { PUBLIC_SIGNS } from '@harbour/contract';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  CURRENT_CATALOGUE,
  Invalid,
  NotFound,
  PERMISSIONS,
  TooManyRequests,
  Unauthenticated,
  passwordRetryDelaySeconds,
  permittedUser,
  referenceRetryDelaySeconds,
  buildReport,
  triage,
  type Actor,
  type ExploitationType,
  type IntakeFacts,
  type TriageResult,
  type UserActor,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { newCode, normaliseCode, sameSecret, sha256 } from '../auth/tokens';
import { auditEntry } from './audit.service';
import { GuessingGuard } from './guessing-guard';
import { cleanPhoto } from './photo-cleaner';

/** What the public form sends, once validated at the route. */

const FORM_MIN_SECONDS = 3;
const MAX_PHOTOS = 10;
const FORM_MAX_HOURS = 24;

const TYPES_FOR_SIGNS: Partial<Record<string, ExploitationType>> = {
  'ho.sexual_services_advertised': 'sexual',
  'ho.county_lines_phone': 'criminal',
  'ho.domestic_never_alone': 'domestic_servitude',
};

/**
 * The public reporting route: no account, no cookie, no address kept. A reporter gets a reference
 * code and a passphrase, and with them alone can come back, add information and answer the team.
 */
export class PublicReportService {
  private key: Promise<string> | undefined;
  private passphraseKey: Promise<string> | undefined;
  /** When the last report was sent (ms since the epoch). */
  private lastSubmissionAt = 0;

  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.guard = new GuessingGuard(repos, now);
  }

  private readonly guard: GuessingGuard;

  /** Whether reports are arriving now (one in the last second, here): background work gives way to reporters. */
  reportersBusy(): boolean {
    return Date.now() - this.lastSubmissionAt < 1_000;
  }

  /** A signed note of when the form was opened: a submission seconds later is a machine. */
  async formToken(): Promise<string> {
    // A random part, so two forms opened in the same millisecond still hold different tokens.
    const issued = `${this.now().getTime()}.${randomBytes(9).toString('base64url')}`;
    return `${issued}.${await this.sign(issued)}`;
  }

  /** Forgets the used form tokens that have expired anyway; returns how many. */
  async pruneFormTokens(): Promise<number> {
    return this.repos.intake.pruneFormTokens(new Date(this.now().getTime() - FORM_MAX_HOURS * 3_600_000));
  }

  async submit(input: PublicReportInput): Promise<{ reference: string; passphrase: string }> {
    this.lastSubmissionAt = Date.now();
    if (input.leaveBlank) throw new Invalid('The report could not be sent. Please try again.', [{ path: 'form', message: 'Try again' }]);
    const unknownSign = input.signs.findIndex((s) => !(PUBLIC_SIGNS as readonly string[]).includes(s));
    if (unknownSign >= 0) throw new Invalid('Unknown sign', [{ path: `signs.${unknownSign}`, message: 'is not one of the listed signs' }]);
    // Last of the checks, as it uses the token up.
    await this.checkFormToken(input.formToken);

    const declared = [...new Set(input.signs.map((s) => TYPES_FOR_SIGNS[s]).filter((t): t is ExploitationType => !!t))];
    const result = triage({
      catalogueVersion: CURRENT_CATALOGUE.version,
      indicatorIds: input.signs,
      child: input.childInvolved,
      riskToLife: input.dangerNow,
      consentToNrm: 'unknown',
      potentialVictims: Math.max(1, input.people.length),
      exploitationTypes: declared,
      interpreterNeeded: input.language !== 'en' && input.language !== 'cy',
    });
    const referenceCode = newCode(2);
    // 16 random characters (about 79 bits): strong enough that a keyed fast hash protects it,
    // which keeps the portal quick under load where a slow password hash would not.
    const passphrase = newCode(4);
    // A QR code's campaign tag, kept when it names a campaign; an unknown one is dropped, never the report.
    const campaign = input.campaign && (await this.repos.prevent.campaignExists(input.campaign)) ? input.campaign : null;
    const report = buildReport(
      { ...publicReportFacts(input, result, this.now()), campaign, followUp: { referenceCode, passphraseHash: await this.passphraseHash(passphrase) } },
      randomUUID,
    );
    await this.repos.intake.createReport(report, {
      actorId: null,
      actorRole: null,
      action: 'report.public-submitted',
      subjectType: 'report',
      details: { language: input.language, band: result.band },
    });
    return { reference: referenceCode, passphrase };
  }

  async followUp(reference: string, passphrase: string, client = 'unknown'): Promise<FollowUp> {
    const channel = await this.open(reference, passphrase, client);
    await this.repos.audit.append({ actorId: null, actorRole: null, action: 'report.follow-up-viewed', subjectType: 'report', subjectId: channel.report_id });
    return this.view(channel.report_id, channel.reference_code, channel.received_at);
  }

  async addReporterMessage(reference: string, passphrase: string, body: string, client = 'unknown'): Promise<FollowUp> {
    const channel = await this.open(reference, passphrase, client);
    await this.repos.intake.addMessage(
      { id: randomUUID(), reportId: channel.report_id, author: 'reporter', authorUserId: null, body },
      { actorId: null, actorRole: null, action: 'report.reporter-message-added', subjectType: 'report', subjectId: channel.report_id },
    );
    return this.view(channel.report_id, channel.reference_code, channel.received_at);
  }

  /** Adds a photo to the reporter's report, after removing everything in it but the pixels. */
  async addPhoto(reference: string, passphrase: string, upload: Buffer, client = 'unknown'): Promise<{ photos: number }> {
    const channel = await this.open(reference, passphrase, client);
    if ((await this.repos.intake.countPhotos(channel.report_id)) >= MAX_PHOTOS) {
      throw new Invalid(`A report can have up to ${MAX_PHOTOS} photos`, [{ path: 'photo', message: `up to ${MAX_PHOTOS} photos` }]);
    }
    const photo = await cleanPhoto(upload);
    await this.repos.intake.addPhoto(
      {
        id: randomUUID(),
        reportId: channel.report_id,
        contentType: photo.contentType,
        bytes: photo.bytes,
        width: photo.width,
        height: photo.height,
        sha256: photo.sha256,
      },
      {
        actorId: null,
        actorRole: null,
        action: 'report.photo-added',
        subjectType: 'report',
        subjectId: channel.report_id,
        details: { bytes: photo.bytes.length },
      },
    );
    return { photos: await this.repos.intake.countPhotos(channel.report_id) };
  }

  async teamMessages(actor: Actor, reportId: string): Promise<FollowUp['messages']> {
    const user = await this.checkTeam(actor, reportId);
    await this.repos.audit.append(auditEntry(user, 'report.messages-viewed', { type: 'report', id: reportId }));
    return (await this.repos.intake.messages(reportId)).map(toMessage);
  }

  async addTeamMessage(actor: Actor, reportId: string, body: string): Promise<FollowUp['messages']> {
    const user = await this.checkTeam(actor, reportId);
    await this.repos.intake.addMessage(
      { id: randomUUID(), reportId, author: 'team', authorUserId: user.userId, body },
      auditEntry(user, 'report.team-message-added', { type: 'report', id: reportId }),
    );
    return (await this.repos.intake.messages(reportId)).map(toMessage);
  }

  private async checkTeam(actor: Actor, reportId: string): Promise<UserActor> {
    const user = permittedUser(actor, PERMISSIONS.reportsTriage, 'Only the team can message reporters');
    if (!(await this.repos.intake.reportExists(reportId))) throw new NotFound('No such report');
    return user;
  }

  /**
   * The reporter's thread, for the right reference and passphrase from `client`. Wrong tries slow
   * that client for that reference, and all clients for it more gently (sign-in-guard); whether the
   * reference exists changes neither the answer nor the delay.
   */
  private async open(reference: string, passphrase: string, client: string) {
    const code = normaliseCode(reference);
    const perClient = { key: this.guard.key('follow-up', code, client), delaySeconds: passwordRetryDelaySeconds };
    const guarded = [perClient, { key: this.guard.key('follow-up', code), delaySeconds: referenceRetryDelaySeconds }];
    const seconds = await this.guard.wait(guarded);
    if (seconds > 0) throw new TooManyRequests(`Too many tries: wait ${seconds} seconds and try again, or call the Modern Slavery Helpline on 08000 121 700`);
    const channel = await this.repos.intake.findFollowUp(code);
    if (!channel || !sameSecret(channel.passphrase_hash, await this.passphraseHash(normaliseCode(passphrase)))) {
      await this.guard.failed(guarded);
      throw new Unauthenticated('The reference code or passphrase is not right', [{ path: 'passphrase', message: 'Check both and try again' }]);
    }
    await this.guard.passed(perClient);
    return channel;
  }

  private async view(reportId: string, reference: string, receivedAt: Date): Promise<FollowUp> {
    return { reference, receivedAt: new Date(receivedAt).toISOString(), messages: (await this.repos.intake.messages(reportId)).map(toMessage) };
  }

  private async checkFormToken(token: string): Promise<void> {
    const expired = () => new Invalid('This form was open too long or too briefly. Please send it again.', [{ path: 'formToken', message: 'expired' }]);
    const [time, nonce, signature] = token.split('.');
    if (!time || !nonce || !signature || !/^\d+$/.test(time) || !sameSecret(signature, await this.sign(`${time}.${nonce}`))) throw expired();
    const age = (this.now().getTime() - Number(time)) / 1000;
    if (age < FORM_MIN_SECONDS || age > FORM_MAX_HOURS * 3600) throw expired();
    // Good for one report: the same form sent twice, or replayed by a script, is refused.
    if (!(await this.repos.intake.claimFormToken(sha256(token), this.now()))) throw expired();
  }

  private async passphraseHash(passphrase: string): Promise<string> {
    this.passphraseKey ??= this.repos.intake.secret('follow-up-passphrase', () => randomBytes(32).toString('base64url'));
    return `hmac-sha256:${createHmac('sha256', await this.passphraseKey)
      .update(passphrase)
      .digest('base64url')}`;
  }

  private async sign(text: string): Promise<string> {
    this.key ??= this.repos.intake.secret('public-form-token', () => randomBytes(32).toString('base64url'));
    return createHmac('sha256', await this.key)
      .update(text)
      .digest('base64url');
  }
}

/** A message of a report's thread as its reader sees it: from the team, or from whoever sent the report. */
export function toMessage(m: { id: string; author: string; body: string; created_at: Date }): FollowUp['messages'][number] {
  return { id: m.id, from: m.author === 'team' ? 'team' : 'reporter', body: m.body, at: new Date(m.created_at).toISOString() };
}

/**
 * What a reporter told the public form, as the report builder takes it: each person with the part
 * the reporter gave them ("happening to me" is the relation, not a person with nothing known), and
 * a row left with nothing in it is not kept.
 */
export function publicReportFacts(input: PublicReportInput, result: TriageResult, receivedAt: Date): IntakeFacts {
  return {
    source: 'public',
    receivedAt,
    language: input.language,
    relation: input.relation,
    // A self-check may tick signs and write nothing: the summary then says so, in the team's words.
    summary: input.description || selfCheckSummary(input),
    setting: input.setting,
    occurred: input.when,
    place: { localAuthority: input.localAuthority, town: input.town, postcode: input.postcode, description: input.locationDescription },
    involvesChild: input.childInvolved === 'yes',
    dangerNow: input.dangerNow,
    triage: result,
    indicatorIds: input.signs,
    persons: input.people
      .filter((p) => p.name || p.nationality || p.description || p.gender)
      .map((p) => ({ role: p.role, fullName: p.name, gender: p.gender, nationality: p.nationality, description: p.description })),
    phones: input.phones,
    vehicles: input.vehicles,
    businesses: input.businesses,
    online: input.online,
  };
}

/** The kinds of place a self-check is made at, as the summary of a report with no words names them. */
const SETTING_WORDS: Record<AwarenessSetting, string> = {
  anywhere: 'a place of work or a home',
  car_wash: 'a hand car wash',
  nail_bar: 'a nail bar',
  farm: 'a farm or food processing site',
  hotel: 'a hotel',
  private_home: 'a private home',
};

function selfCheckSummary(input: PublicReportInput): string {
  const signs = input.signs.length;
  return `Self-check for ${SETTING_WORDS[input.setting ?? 'anywhere']}: ${signs} ${signs === 1 ? 'sign' : 'signs'} ticked, nothing written.`;
}
