import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { Grading } from '../../components/grading';
import { dateLocale } from '../../i18n/locale';
import { ReportLink } from '../picture/report-link';
import { assertionSentence, linkSentence } from './link-words';
import { linkFilterParams } from '@harbour/contract/vocabulary';
import type { LinkAssertion, LinkEvidence, LinkFilter } from '@harbour/contract';

/**
 * A link opened: what it says, and every report behind it under the filter (newest first), each
 * with its date, grading and what it says of the two. Focus moves to its heading when it opens, so
 * a keyboard or screen-reader user lands on it.
 */
export function LinkEvidencePanel({
  from,
  to,
  filter,
  onClose,
  onWithdrawn,
}: {
  from: string;
  to: string;
  filter: LinkFilter;
  onClose: () => void;
  /** Given to those who may withdraw an assertion: what to do once one is withdrawn. */
  onWithdrawn?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [withdrawError, setWithdrawError] = useState<unknown>(null);
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
  const withdraw = async (id: string) => {
    setWithdrawError(null);
    try {
      await api('POST', `/api/graph/assertions/${id}/withdraw`);
      await evidence.refetch();
      onWithdrawn?.();
    } catch (error) {
      setWithdrawError(error);
    }
  };
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
            {data.link && data.link.reports > data.link.asserted
              ? t('graph.link.counted', {
                  count: data.link.reports - data.link.asserted,
                  first: when.format(new Date(data.link.firstSeen)),
                  last: when.format(new Date(data.link.lastSeen)),
                })
              : t('graph.link.notUnderFilter')}
            {data.link && data.link.calls > 0 && ` ${t('graph.link.calls', { count: data.link.calls })}`}
          </p>
          {withdrawError !== null && <ErrorSummary problems={problemsFrom(withdrawError, t)} />}
          {data.assertions.length > 0 && (
            <AssertionsTable
              assertions={data.assertions}
              sentence={(a) => assertionSentence(t, labelOf(a.from) ?? '', labelOf(a.to) ?? '', a.relation)}
              when={when}
              {...(onWithdrawn ? { onWithdraw: (id: string) => void withdraw(id) } : {})}
            />
          )}
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

/** The analysts' assertions of a link, each told apart from the reports: who said it, when, how graded, on what. */
function AssertionsTable({
  assertions,
  sentence,
  when,
  onWithdraw,
}: {
  assertions: readonly LinkAssertion[];
  sentence: (a: LinkAssertion) => string;
  when: Intl.DateTimeFormat;
  onWithdraw?: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="govuk-table app-table--small" data-testid="link-assertions">
      <caption className="govuk-table__caption govuk-table__caption--s">{t('graph.assert.listCaption', { count: assertions.length })}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {t('graph.assert.by')}
          </th>
          <th scope="col" className="govuk-table__header">
            {t('graph.link.grading')}
          </th>
          <th scope="col" className="govuk-table__header">
            {t('graph.link.says')}
          </th>
          <th scope="col" className="govuk-table__header">
            {t('graph.assert.restsOn')}
          </th>
          {onWithdraw && (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">{t('graph.assert.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {assertions.map((a) => (
          <tr className="govuk-table__row" key={a.id}>
            <td className="govuk-table__cell">{t('graph.assert.byWhen', { name: a.assertedBy, date: when.format(new Date(a.assertedAt)) })}</td>
            <td className="govuk-table__cell">
              <Grading code={a.grading} />
            </td>
            <td className="govuk-table__cell">{sentence(a)}</td>
            <td className="govuk-table__cell app-preserve-lines">{a.note}</td>
            {onWithdraw && (
              <td className="govuk-table__cell">
                <button type="button" className="app-link-button" onClick={() => onWithdraw(a.id)}>
                  {t('graph.assert.withdraw')}
                  <span className="govuk-visually-hidden"> {sentence(a)}</span>
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
