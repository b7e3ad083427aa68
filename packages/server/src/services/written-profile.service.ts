import { randomUUID } from 'node:crypto';
import type { AuthoredProfile, ProblemProfile, ProfileSummary, ProtectiveMarking, Recommendations } from '@harbour/contract';
import { profileNewBody, profileWritingBody, problemProfileSchema } from '@harbour/contract';
import { Conflict, Invalid, NotFound, PERMISSIONS, paragraphsOf, permittedUser, withAnalystsWords, type Actor, type FieldProblem } from '@harbour/core';
import type { ProfileChange, ProfileRow, Repositories } from '@harbour/db';
import type { z } from 'zod';
import { auditEntry } from './audit.service';
import type { ProblemProfileService } from './problem-profile.service';

type Row = Omit<ProfileRow, 'issued_document'>;

/**
 * Problem profiles as the analyst's product: started from a period, area, audience and language;
 * written (key judgements, intelligence gaps, recommendations under the 4P) around figures that
 * are counted afresh while it is a draft; issued, when the document is frozen as it was read.
 * Those who may export figures write them; the team reads them. Every read and change is audited.
 */
export class WrittenProfileService {
  constructor(
    private readonly repos: Repositories,
    private readonly profiles: ProblemProfileService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<ProfileSummary[]> {
    const user = permittedUser(actor, PERMISSIONS.reportsOverview, 'You cannot read problem profiles');
    const rows = await this.repos.profiles.list();
    await this.repos.audit.append(auditEntry(user, 'profile.listed', { type: 'profile', id: null }, { shown: rows.length }));
    return rows.map(summaryOf);
  }

  async create(actor: Actor, body: z.output<typeof profileNewBody>): Promise<AuthoredProfile> {
    const user = permittedUser(actor, PERMISSIONS.figuresExport, 'You cannot write problem profiles');
    const id = randomUUID();
    await this.repos.profiles.create({ id, ...body, area: body.area ?? null, authorId: user.userId, at: this.now() });
    await this.repos.audit.append(
      auditEntry(user, 'profile.created', { type: 'profile', id }, { from: body.from, to: body.to, area: body.area ?? null, audience: body.audience }),
    );
    return this.read(actor, id, { audited: false });
  }

  /** A profile as its readers see it: a draft with today's figures, an issued one as it was issued. */
  async get(actor: Actor, id: string): Promise<AuthoredProfile> {
    return this.read(actor, id, { audited: true });
  }

  async write(actor: Actor, id: string, body: z.output<typeof profileWritingBody>): Promise<AuthoredProfile> {
    const user = permittedUser(actor, PERMISSIONS.figuresExport, 'You cannot write problem profiles');
    const { recommendations: r } = body;
    const change = await this.repos.profiles.write(
      id,
      body.version,
      { title: body.title, keyJudgements: body.keyJudgements, intelligenceGaps: body.intelligenceGaps, ...r },
      user.userId,
      this.now(),
    );
    refuseUnless(change);
    // What changed is the analyst's own words, which may name people: the log keeps their size only.
    await this.repos.audit.append(
      auditEntry(
        user,
        'profile.written',
        { type: 'profile', id },
        { version: body.version + 1, characters: [body.keyJudgements, body.intelligenceGaps, ...Object.values(r)].join('').length },
      ),
    );
    return this.read(actor, id, { audited: false });
  }

  /**
   * Issues a draft: refused until it has its key judgements and at least one recommendation (an
   * assessment without them is a table of figures); the document is kept exactly as read now.
   */
  async issue(actor: Actor, id: string, version: number): Promise<AuthoredProfile> {
    const user = permittedUser(actor, PERMISSIONS.figuresExport, 'You cannot issue problem profiles');
    const row = await this.repos.profiles.get(id);
    if (!row) throw new NotFound('No such problem profile');
    const missing: FieldProblem[] = [];
    if (paragraphsOf(row.key_judgements).length === 0) missing.push({ path: 'keyJudgements', message: 'Write the key judgements before issuing the profile' });
    if (Object.values(recommendationsOf(row)).every((t) => paragraphsOf(t).length === 0))
      missing.push({ path: 'recommendations.pursue', message: 'Write at least one recommendation before issuing the profile' });
    if (missing.length > 0) throw new Invalid('The profile is not ready to issue', missing);
    const at = this.now();
    const issuer = await this.repos.users.get(user.userId);
    const document = await this.document(actor, row, { at, by: issuer?.display_name ?? '' });
    refuseUnless(await this.repos.profiles.issue(id, version, document, user.userId, at));
    await this.repos.audit.append(auditEntry(user, 'profile.issued', { type: 'profile', id }, { version: version + 1, marking: document.marking }));
    return this.read(actor, id, { audited: false });
  }

  /** The profile as a printable PDF, marked on every page; audited as a read. */
  async pdf(actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer; marking: ProtectiveMarking }> {
    const profile = await this.read(actor, id, { audited: true, as: 'pdf' });
    const { profilePdf } = await import('./profile-pdf');
    const slug = profile.title
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60);
    return {
      fileName: `${slug || 'problem-profile'}-${profile.status}-${profile.language}.pdf`,
      pdf: await profilePdf(profile.document),
      marking: profile.document.marking,
    };
  }

  private async read(actor: Actor, id: string, options: { audited: boolean; as?: 'pdf' }): Promise<AuthoredProfile> {
    const user = permittedUser(actor, PERMISSIONS.reportsOverview, 'You cannot read problem profiles');
    const row = await this.repos.profiles.get(id);
    if (!row) throw new NotFound('No such problem profile');
    const document = row.status === 'issued' ? problemProfileSchema.parse(row.issued_document) : await this.document(actor, row, undefined);
    if (options.audited)
      await this.repos.audit.append(auditEntry(user, 'profile.read', { type: 'profile', id }, { status: row.status, as: options.as ?? 'page' }));
    return {
      ...summaryOf(row),
      version: row.version,
      keyJudgements: row.key_judgements,
      intelligenceGaps: row.intelligence_gaps,
      recommendations: recommendationsOf(row),
      document,
    };
  }

  private async document(actor: Actor, row: Row, issued: { at: Date; by: string } | undefined): Promise<ProblemProfile> {
    const audience = row.audience === 'external' ? 'external' : 'internal';
    const language = row.language === 'cy' ? 'cy' : 'en';
    const figures = await this.profiles.build(actor, { from: row.period_from, to: row.period_to, ...(row.area ? { area: row.area } : {}), audience, language });
    return withAnalystsWords(figures, {
      title: row.title,
      author: row.author,
      keyJudgements: row.key_judgements,
      intelligenceGaps: row.intelligence_gaps,
      recommendations: recommendationsOf(row),
      issued,
    });
  }
}

/** The four strands' recommendations as stored, one column each. */
function recommendationsOf(row: Row): Recommendations {
  return { pursue: row.pursue, prevent: row.prevent, protect: row.protect, prepare: row.prepare };
}

function summaryOf(row: Row): ProfileSummary {
  return {
    id: row.id,
    title: row.title,
    from: row.period_from,
    to: row.period_to,
    area: row.area,
    audience: row.audience === 'external' ? 'external' : 'internal',
    language: row.language === 'cy' ? 'cy' : 'en',
    status: row.status === 'issued' ? 'issued' : 'draft',
    author: row.author,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    issuedAt: row.issued_at ? row.issued_at.toISOString() : null,
  };
}

function refuseUnless(change: ProfileChange): void {
  if (change === 'missing') throw new NotFound('No such problem profile');
  if (change === 'issued') throw new Conflict('This profile has been issued and can no longer be changed');
  if (change === 'stale')
    throw new Conflict('Someone else has changed this profile since you opened it: open it again to see their changes', [
      { path: 'version', message: 'Changed since you opened it' },
    ]);
}
