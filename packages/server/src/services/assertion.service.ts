import { assertionFits, type LinkAsserted, type LinkAssertion, type LinkAssertionRequest } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import { Invalid, NotFound, PERMISSIONS, permittedUser, recordIdentity, type Actor, type KeyedKind, type UserActor } from '@harbour/core';
import type { AssertionRow, EntityKind, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import type { GraphService } from './graph.service';

/** What one text box names, for the kinds told by a single identifier: the attribute it is read as. */
const SINGLE_IDENTIFIER: Partial<Record<KeyedKind, string>> = { phone: 'number', vehicle: 'registration', online: 'identifier' };

/**
 * Links an analyst asserts by hand ("the controller uses this phone", from an intelligence log):
 * each with its own grading, the reason it rests on and its author, drawn and counted in link
 * analysis beside the links of reports and always shown as an assertion. The far end may be an
 * entity no report names yet, added with it (a phone already in the picture is used, not added
 * again). Those who may add links to the picture may assert and withdraw; both are audited.
 */
export class AssertionService {
  constructor(
    private readonly repos: Repositories,
    private readonly graph: GraphService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async assert(actor: Actor, body: LinkAssertionRequest): Promise<LinkAsserted> {
    const user = this.allowed(actor);
    const from = await this.current(body.from);
    if (!from) throw new NotFound('No such entity in the picture');
    let to: { id: string; kind: EntityKind } | undefined;
    let added: { id: string; kind: EntityKind; label: string } | null = null;
    if (body.to) {
      to = await this.current(body.to);
      if (!to) throw new NotFound('No such entity in the picture');
    } else {
      const { kind, label } = body.newEntity!;
      const named = await this.known(kind, label);
      to = named.id ? { id: named.id, kind } : undefined;
      if (!to) {
        added = { id: randomUUID(), kind, label: named.label };
        to = added;
      }
    }
    if (to.id === from.id) throw invalid('newEntity.label', 'This is the first entity itself: name another');
    if (!assertionFits(body.relation, from.kind, to.kind))
      throw invalid('relation', `A ${from.kind} cannot be said to have this link to a ${to.kind}: choose what the link says`);
    const id = randomUUID();
    await this.repos.assertions.create(
      { id, from: from.id, to: to.id, relation: body.relation, grading: body.grading, note: body.note, assertedBy: user.userId, assertedAt: this.now() },
      added,
      auditEntry(
        user,
        'graph.link-asserted',
        { type: 'entity', id: from.id },
        { assertion: id, to: to.id, relation: body.relation, grading: body.grading, added: added !== null },
      ),
    );
    this.graph.changed();
    return { id, to: to.id, added: added !== null };
  }

  /** Withdraws an assertion: it stays on record (and in the audit) but no longer links. */
  async withdraw(actor: Actor, id: string): Promise<void> {
    const user = this.allowed(actor);
    const found = await this.repos.assertions.get(id);
    if (!found) throw new NotFound('No such assertion');
    const done = await this.repos.assertions.withdraw(
      id,
      user.userId,
      this.now(),
      auditEntry(user, 'graph.link-assertion-withdrawn', { type: 'entity', id: found.from }, { assertion: id, to: found.to }),
    );
    if (!done) throw new NotFound('This assertion has already been withdrawn');
    this.graph.changed();
  }

  /**
   * A thing named by hand: the entity it already is when it is told by one identifier and a report
   * names it (a phone in any format), else the label it is added under (a phone written as E.164).
   */
  private async known(kind: EntityKind, label: string): Promise<{ id?: string; label: string }> {
    const attribute = SINGLE_IDENTIFIER[kind as KeyedKind];
    const identity = attribute ? recordIdentity(kind as KeyedKind, { [attribute]: label }) : null;
    if (!identity) return { label };
    const id = await this.repos.assertions.entityByKey(kind, identity.key);
    return id ? { id, label: identity.label } : { label: identity.label };
  }

  /** An entity of the picture as it now stands (followed through merges), with its kind. */
  private async current(id: string): Promise<{ id: string; kind: EntityKind } | undefined> {
    const now = await this.repos.entities.mergedTarget(id);
    return now === null ? undefined : this.repos.entities.entity(now);
  }

  private allowed(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.linksImport);
  }
}

/** An assertion as the analyst is shown it. */
export function assertionView(row: AssertionRow): LinkAssertion {
  return {
    id: row.id,
    from: row.from,
    to: row.to,
    relation: row.relation as LinkAssertion['relation'],
    grading: row.grading,
    note: row.note,
    assertedBy: row.asserted_by,
    assertedAt: new Date(row.asserted_at).toISOString(),
  };
}

function invalid(path: string, message: string): Invalid {
  return new Invalid(message, [{ path, message, reason: 'invalid' }]);
}
