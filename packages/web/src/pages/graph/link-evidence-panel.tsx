import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { Grading } from '../../components/grading';
import { dateLocale } from '../../i18n/locale';
import { ReportLink } from '../picture/report-link';
import { linkSentence } from './link-words';
import { linkFilterParams } from '@harbour/contract/vocabulary';
import type { LinkEvidence, LinkFilter } from '@harbour/contract';

/**
 * A link opened: what it says, and every report behind it under the filter (newest first), each
 * with its date, grading and what it says of the two. Focus moves to its heading when it opens, so
 * a keyboard or screen-reader user lands on it.
 */
export function LinkEvidencePanel({ from, to, filter, onClose }: { from: string; to: string; filter: LinkFilter; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const evidence = useQuery({
    queryKey: ['link-evidence', from, to, filter],
    queryFn: () => api<LinkEvidence>('GET', `/api/graph/links?${new URLSearchParams({ a: from, b: to, ...linkFilterParams(filter) }).toString()}`),
    retry: false,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const data = evidence.data;
  useEffect(() => {
    if (data) heading.current?.focus();
  }, [data]);
  const sentence = data?.link ? linkSentence(t, data.from.label, data.to.label, data.link) : data ? `${data.from.label} — ${data.to.label}` : '';
  const labelOf = (id: string | null) => (id === data?.from.id ? data.from.label : id === data?.to.id ? data.to.label : null);

  return (
    <section className="app-link-evidence" aria-labelledby="link-evidence-heading">
      {evidence.error && <ErrorSummary problems={problemsFrom(evidence.error, t)} />}
      {evidence.isPending && <p className="govuk-body">{t('common.loading')}</p>}
      {data && (
        <>
          <h2 className="govuk-heading-m" id="link-evidence-heading" tabIndex={-1} ref={heading}>
            {t('graph.link.title', { sentence })}
          </h2>
          <p className="govuk-body">
            {data.link
              ? t('graph.link.counted', {
                  count: data.link.reports,
                  first: when.format(new Date(data.link.firstSeen)),
                  last: when.format(new Date(data.link.lastSeen)),
                })
              : t('graph.link.notUnderFilter')}
            {data.link && data.link.calls > 0 && ` ${t('graph.link.calls', { count: data.link.calls })}`}
          </p>
          {data.sources.length > 0 && (
            <table className="govuk-table app-table--small">
              <caption className="govuk-table__caption govuk-visually-hidden">{t('graph.link.title', { sentence })}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t('graph.link.report')}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t('graph.link.received')}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t('graph.link.grading')}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t('graph.link.says')}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.sources.map((s) => {
                  const actor = labelOf(s.actor);
                  const other = actor === data.from.label ? data.to.label : data.from.label;
                  return (
                    <tr className="govuk-table__row" key={`${s.id}|${s.relation}|${s.actor ?? ''}`}>
                      <td className="govuk-table__cell">
                        <ReportLink id={s.id} reference={s.reference} />
                      </td>
                      <td className="govuk-table__cell">{when.format(new Date(s.receivedAt))}</td>
                      <td className="govuk-table__cell">
                        <Grading code={s.grading} />
                      </td>
                      <td className="govuk-table__cell">
                        {actor
                          ? linkSentence(t, actor, other, { relations: [s.relation], direction: 'forward' })
                          : linkSentence(t, data.from.label, data.to.label, { relations: [s.relation], direction: 'none' })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
        {t('graph.link.close')}
      </button>
    </section>
  );
}
