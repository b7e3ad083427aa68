import { useTranslation } from 'react-i18next';
import type { LinkView } from '@harbour/contract';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';
import { linkSentence } from './link-words';

interface Props {
  links: readonly LinkView[];
  labelOf: (id: string) => string;
  onOpenLink: (from: string, to: string) => void;
}

const DAY = 86_400_000;

/**
 * The chart's links on a timeline, as an analyst reads a network's history: earliest first,
 * grouped by the month each was first reported, each with the days it was first and last
 * reported and a bar for that span across the whole chart's time; each opens its evidence.
 */
export function ChartTimeline({ links, labelOf, onOpenLink }: Props) {
  const { t, i18n } = useTranslation();
  const locale = dateLocale(i18n.language);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/London' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const ordered = [...links]
    .map((l) => ({ link: l, first: Date.parse(l.firstSeen), last: Date.parse(l.lastSeen) }))
    .sort((a, b) => a.first - b.first || a.last - b.last);
  if (ordered.length === 0) return null;
  const start = ordered[0]!.first;
  const end = Math.max(...ordered.map((o) => o.last), start + DAY);
  const at = (ms: number) => ((ms - start) / (end - start)) * 100;
  const months = new Map<string, typeof ordered>();
  for (const o of ordered) {
    const name = month.format(new Date(o.first));
    const rows = months.get(name);
    if (rows) rows.push(o);
    else months.set(name, [o]);
  }
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {t('graph.timeline.title')} ({links.length})
        </span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body-s">{t('graph.timeline.hint', { from: day.format(new Date(start)), to: day.format(new Date(end)) })}</p>
        <TableScroll label={t('graph.timeline.caption')}>
          <table className="govuk-table app-table--small" data-testid="timeline">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('graph.timeline.caption')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('graph.link.link')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('graph.timeline.seen')}
                </th>
                <th scope="col" className="govuk-table__header app-timeline__span">
                  {t('graph.timeline.span')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('graph.link.reports')}
                </th>
              </tr>
            </thead>
            {[...months].map(([name, rows]) => (
              <tbody className="govuk-table__body" key={name}>
                <tr className="govuk-table__row">
                  <th scope="rowgroup" colSpan={4} className="govuk-table__header">
                    {name}
                  </th>
                </tr>
                {rows.map(({ link, first, last }) => {
                  const sentence = linkSentence(t, labelOf(link.from), labelOf(link.to), link);
                  const [from, to] = [day.format(new Date(first)), day.format(new Date(last))];
                  return (
                    <tr className="govuk-table__row" key={`${link.from}|${link.to}`} data-first-seen={link.firstSeen}>
                      <td className="govuk-table__cell">
                        <button
                          type="button"
                          className="app-link-button"
                          aria-label={t('graph.link.openFor', { sentence })}
                          onClick={() => onOpenLink(link.from, link.to)}
                        >
                          {sentence}
                        </button>
                      </td>
                      <td className="govuk-table__cell">{from === to ? from : t('graph.timeline.fromTo', { from, to })}</td>
                      <td className="govuk-table__cell app-timeline__span">
                        <svg viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="10" aria-hidden="true">
                          <rect x="0" y="4" width="100" height="2" fill="#b1b4b6" />
                          <rect x={Math.min(99, at(first))} y="0" width={Math.max(1, at(last) - at(first))} height="10" fill="#0b0c0c" />
                        </svg>
                      </td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{link.reports}</td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </TableScroll>
      </div>
    </details>
  );
}
