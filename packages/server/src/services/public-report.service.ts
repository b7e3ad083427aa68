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
  storedPostcode,
  triage,
  type Actor,
  type ExploitationType,
  type UserActor,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { newCode, normaliseCode, sameSecret, sha256 } from '../auth/tokens';
import { auditedBy } from './audit.service';
import { GuessingGuard } from './guessing-guard';
import { cleanPhoto } from './photo-cleaner';

/** What the public form sends, once validated at the route. */
/** The parts a reporter can give a person: exploited, exploiting, a witness, or not known. */
export const PUBLIC_PERSON_ROLES = ['potential_victim', 'suspect', 'witness', 'unknown'] as const;
export type PublicPersonRole = (typeof PUBLIC_PERSON_ROLES)[number];

export interface PublicReportInput {
  readonly language: string;
  readonly description: string;
  readonly relation: 'self' | 'someone_else' | 'not_said';
  readonly signs: readonly string[];
  readonly dangerNow: boolean;
  readonly childInvolved: 'yes' | 'no' | 'unknown';
  readonly when?: string | undefined;
  readonly localAuthority?: string | undefined;
  readonly town?: string | undefined;
  readonly postcode?: string | undefined;
  readonly locationDescription?: string | undefined;
  readonly people: readonly {
    role: PublicPersonRole;
    name?: string | undefined;
    gender?: string | undefined;
    nationality?: string | undefined;
    description?: string | undefined;
  }[];
  readonly phones: readonly string[];
  readonly vehicles: readonly { registration: string; description?: string | undefined }[];
  readonly businesses: readonly { name: string; address?: string | undefined }[];
  readonly online?: readonly { identifier: string; platform?: string | undefined; description?: string | undefined }[];
  readonly formToken: string;
  readonly leaveBlank?: string | undefined;
}

export interface FollowUpView {
  reference: string;
  receivedAt: string;
  messages: { id: string; from: 'reporter' | 'team'; body: string; at: string }[];
}

/** The signs a member of the public can tick, each one an indicator in the catalogue. */
export const PUBLIC_SIGNS = [
  'ilo.retention_of_documents',
  'ilo.debt_bondage',
  'ilo.restriction_of_movement',
  'ilo.withholding_wages',
  'ilo.excessive_overtime',
  'ilo.intimidation_threats',
  'ilo.physical_sexual_violence',
  'ilo.deception',
  'ho.lives_at_workplace',
  'ho.transported_to_work',
  'ho.someone_speaks_for_them',
  'ho.many_at_one_address',
  'ho.sexual_services_advertised',
  'ho.county_lines_phone',
  'ho.domestic_never_alone',
] as const;

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
  /** When the last report was sent (ms since the epoch): background work gives way to reporters. */
  lastSubmissionAt = 0;

  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.guard = new GuessingGuard(repos, now);
  }

  private readonly guard: GuessingGuard;

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
    const id = randomUUID();
    const split = (name: string | undefined) => {
      const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
      return parts.length === 0
        ? { given: null, family: null }
        : parts.length === 1
          ? { given: parts[0]!, family: null }
          : { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1]! };
    };
    await this.repos.intake.createReport(
      {
        id,
        source: 'public',
        receivedAt: this.now(),
        language: input.language,
        relation: input.relation,
        summary: input.description,
        occurred: input.when ?? null,
        localAuthority: input.localAuthority ?? null,
        town: input.town ?? null,
        postcode: storedPostcode(input.postcode),
        locationDescription: input.locationDescription ?? null,
        exploitationTypes: result.likelyTypes.length > 0 ? [...result.likelyTypes.slice(0, 2)] : ['unknown'],
        involvesChild: input.childInvolved === 'yes',
        triageScore: result.score,
        triageBand: result.band,
        catalogueVersion: result.catalogueVersion,
        indicatorIds: [...new Set(input.signs)],
        triage: { ...result },
        dangerNow: input.dangerNow,
        // Each person with the part the reporter gave them; "happening to me" is the relation, not
        // a person with nothing known. A row with nothing in it is not kept.
        persons: input.people
          .filter((p) => p.name || p.nationality || p.description || p.gender)
          .map((p) => {
            const n = split(p.name);
            return {
              id: randomUUID(),
              role: p.role,
              givenName: n.given,
              familyName: n.family,
              gender: p.gender ?? null,
              nationality: p.nationality ?? null,
              description: p.description ?? null,
            };
          }),
        phones: input.phones.map((number) => ({ id: randomUUID(), number })),
        vehicles: input.vehicles.map((v) => ({ id: randomUUID(), registration: v.registration.toUpperCase(), make: v.description ?? null, colour: null })),
        businesses: input.businesses.map((b) => ({ id: randomUUID(), name: b.name, kind: null, address: b.address ?? null })),
        online: (input.online ?? []).map((o) => ({
          id: randomUUID(),
          identifier: o.identifier,
          platform: o.platform ?? null,
          description: o.description ?? null,
        })),
        followUp: { referenceCode, passphraseHash: await this.passphraseHash(passphrase) },
      },
      { actorId: null, actorRole: null, action: 'report.public-submitted', subjectType: 'report', details: { language: input.language, band: result.band } },
    );
    return { reference: referenceCode, passphrase };
  }

  async followUp(reference: string, passphrase: string, client = 'unknown'): Promise<FollowUpView> {
    const channel = await this.open(reference, passphrase, client);
    await this.repos.audit.append({ actorId: null, actorRole: null, action: 'report.follow-up-read', subjectType: 'report', subjectId: channel.report_id });
    return this.view(channel.report_id, channel.reference_code, channel.received_at);
  }

  async addReporterMessage(reference: string, passphrase: string, body: string, client = 'unknown'): Promise<FollowUpView> {
    const channel = await this.open(reference, passphrase, client);
    await this.repos.intake.addMessage(
      { id: randomUUID(), reportId: channel.report_id, author: 'reporter', authorUserId: null, body },
      { actorId: null, actorRole: null, action: 'report.reporter-message', subjectType: 'report', subjectId: channel.report_id },
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

  async teamMessages(actor: Actor, reportId: string): Promise<FollowUpView['messages']> {
    const user = await this.checkTeam(actor, reportId);
    await this.repos.audit.append({
      ...auditedBy(user),
      action: 'report.messages-read',
      subjectType: 'report',
      subjectId: reportId,
    });
    return (await this.repos.intake.messages(reportId)).map(toMessage);
  }

  async addTeamMessage(actor: Actor, reportId: string, body: string): Promise<FollowUpView['messages']> {
    const user = await this.checkTeam(actor, reportId);
    await this.repos.intake.addMessage(
      { id: randomUUID(), reportId, author: 'team', authorUserId: user.userId, body },
      { ...auditedBy(user), action: 'report.team-message', subjectType: 'report', subjectId: reportId },
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

  private async view(reportId: string, reference: string, receivedAt: Date): Promise<FollowUpView> {
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

function toMessage(m: { id: string; author: string; body: string; created_at: Date }): FollowUpView['messages'][number] {
  return { id: m.id, from: m.author === 'team' ? 'team' : 'reporter', body: m.body, at: new Date(m.created_at).toISOString() };
}
