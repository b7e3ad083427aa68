import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChartAnalysis, LinkAsserted, LinkView } from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';
import type { ChartNode } from './chart-canvas';
import { EntityActions } from './entity-actions';
import { EntityMarksForm } from './chart-marks';
import { LinkAssertionForm } from './link-assertion-form';
import { linkSentence } from './link-words';

/** Links listed beside the chart, most reports first; the table of links under it has them all. */
const LISTED = 8;

interface Props {
  node: ChartNode;
  /** The chart's links that touch it. */
  links: readonly LinkView[];
  labelOf: (id: string) => string;
  /** Its figures, when the analysis is drawn. */
  figures: ChartAnalysis['entities'][number] | undefined;
  keyRank: number | undefined;
  busy: boolean;
  onOpenLink: (from: string, to: string) => void;
  onExpand: () => void;
  onChange: (part: Partial<ChartNode>) => void;
  onRemove: () => void;
  /** The chart's entities, and what to do once a link is asserted from this one: given only to those who may assert links. */
  assert?: { others: readonly ChartNode[]; onAsserted: (made: LinkAsserted) => void };
}

/**
 * The entity selected on the chart: what it is, its links on the chart (each opens its evidence),
 * its figures when the analysis is drawn, and what can be done with it. Focus stays where it was:
 * an analyst choosing entities in the table by keyboard goes on choosing.
 */
export function EntityDetailsPanel({ node, links, labelOf, figures, keyRank, busy, onOpenLink, onExpand, onChange, onRemove, assert }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(dateLocale(i18n.language), { maximumFractionDigits: 1 });
  const strongest = [...links].sort((a, b) => b.reports - a.reports).slice(0, LISTED);
  const unlisted = links.length - strongest.length;
  return (
    <section aria-labelledby="entity-details-heading" className="app-chart-details" data-entity={node.id}>
      <span className="govuk-caption-s">{t(`picture.kind.${node.kind}`)}</span>
      <h2 className="govuk-heading-s" id="entity-details-heading">
        {node.label}
      </h2>
      <dl className="govuk-summary-list govuk-summary-list--no-border app-summary-list--small">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('graph.details.links')}</dt>
          <dd className="govuk-summary-list__value">{links.length}</dd>
        </div>
        {figures && (
          <>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t('graph.analysis.betweenness')}</dt>
              <dd className="govuk-summary-list__value">{number.format(figures.betweenness)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t('graph.analysis.community')}</dt>
              <dd className="govuk-summary-list__value">{figures.community + 1}</dd>
            </div>
            {keyRank !== undefined && (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t('graph.details.keyPlayer')}</dt>
                <dd className="govuk-summary-list__value">{t('graph.details.rank', { rank: keyRank })}</dd>
              </div>
            )}
          </>
        )}
      </dl>
      {links.length > 0 && (
        <ul className="govuk-list govuk-body-s" data-testid="entity-links">
          {strongest.map((l) => (
            <li key={`${l.from}|${l.to}`}>
              <button type="button" className="app-link-button" onClick={() => onOpenLink(l.from, l.to)}>
                {linkSentence(t, labelOf(l.from), labelOf(l.to), l)}
              </button>{' '}
              ({t('graph.chart.linkCaption', { count: l.reports })})
            </li>
          ))}
          {unlisted !== 0 && <li>{t('graph.details.more', { count: unlisted })}</li>}
        </ul>
      )}
      <div className="app-row-actions govuk-!-margin-bottom-4">
        <Link className="govuk-link" to={`/entities/${node.id}`}>
          {t('graph.details.open')}
          <span className="govuk-visually-hidden"> {node.label}</span>
        </Link>
        <EntityActions node={node} busy={busy} onExpand={onExpand} onChange={onChange} onRemove={onRemove} />
        <EntityMarksForm key={node.id} node={node} onChange={onChange} />
      </div>
      {assert && <LinkAssertionForm key={node.id} node={node} others={assert.others} onAsserted={assert.onAsserted} />}
    </section>
  );
}
