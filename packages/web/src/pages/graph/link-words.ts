import type { TFunction } from 'i18next';
import type { LinkRelation, LinkView } from '@harbour/contract';

/**
 * A link as a sentence, from the one who acts: "Eni Rama controls Habtom Yonas", "Habtom Yonas
 * lives at 12 Commercial Road", or, for a mere mention, "… and … mentioned together". `a` is the
 * link's `from` end, `b` its `to`.
 */
export function linkSentence(t: TFunction, a: string, b: string, link: Pick<LinkView, 'relations' | 'direction'>): string {
  const relation = strongestRelation(link);
  const says = t(`graph.relation.${relation}`);
  if (relation === 'mentioned' || link.direction === 'none') return t('graph.link.together', { a, b, relation: says });
  if (link.direction === 'both') return t('graph.link.bothWays', { a, b, relation: says });
  return link.direction === 'forward' ? t('graph.link.sentence', { a, b, relation: says }) : t('graph.link.sentence', { a: b, b: a, relation: says });
}

/** An analyst's assertion as a sentence: from the one it is said of, unless it is only "linked". */
export function assertionSentence(t: TFunction, from: string, to: string, relation: LinkRelation): string {
  return linkSentence(t, from, to, { relations: [relation], direction: relation === 'mentioned' ? 'none' : 'forward' });
}

/** What a link is drawn and told as: the strongest thing its reports say (they come strongest first), or a mere mention. */
export function strongestRelation(link: Pick<LinkView, 'relations'>): LinkRelation {
  return link.relations[0] ?? 'mentioned';
}

/** Whether only analysts' assertions make a link (no report says it): drawn and keyed as such. */
export function onlyAsserted(link: Pick<LinkView, 'reports' | 'asserted'>): boolean {
  return link.asserted > 0 && link.asserted === link.reports;
}
