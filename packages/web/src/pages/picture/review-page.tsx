import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/table-scroll';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { Grading } from '../../components/grading';
import { usePageTitle } from '../../components/page-title';
import { levelKey } from './level-key';
import { ReportLink } from './report-link';
import type { Agreement, ReviewView } from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';

type Decision = 'accept' | 'reject' | 'skip';

const KEYS: Record<string, Decision> = { a: 'accept', r: 'reject', s: 'skip' };
// Colour is never the only sign: every cell also says in words (and a symbol) how the fields compare.
const TAG: Record<Agreement, string> = { agree: 'govuk-tag--green', close: 'govuk-tag--yellow', differ: 'govuk-tag--red', missing: 'govuk-tag--grey' };
const SYMBOL: Record<Agreement, string> = { agree: '✓', close: '≈', differ: '✗', missing: '–' };

/**
 * The review queue: two records the model could not decide on, side by side, each field's
 * agreement in colour and words, the model's evidence, and accept / reject / skip by button or by
 * the keys A, R and S. Each decision brings the next pair.
 */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('picture.review.title'));
  const client = useQueryClient();
  const review = useQuery({ queryKey: ['review'], queryFn: () => api<ReviewView>('GET', '/api/review'), retry: false });
  const heading = useRef<HTMLHeadingElement>(null);
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: Decision }) => api<ReviewView>('POST', `/api/review/${id}`, { decision }),
    onSuccess: (next) => {
      client.setQueryData(['review'], next);
      void client.invalidateQueries({ queryKey: ['entity'] });
      // Screen-reader and keyboard users land on the next pair.
      heading.current?.focus();
    },
  });
  const pair = review.data?.pair ?? null;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!pair || decide.isPending || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const decision = KEYS[event.key.toLowerCase()];
      if (!decision) return;
      event.preventDefault();
      decide.mutate({ id: pair.id, decision });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pair, decide]);

  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const percent = new Intl.NumberFormat(dateLocale(i18n.language), { style: 'percent', maximumFractionDigits: 0 });
  const error = decide.error ?? review.error;

  return (
    <>
      <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
        {t('picture.review.title')}
      </h1>
      {error && <ErrorSummary problems={problemsFrom(error, t)} />}
      {review.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {review.data && (
        <p className="govuk-body" aria-live="polite">
          {review.data.moreThanCounted
            ? t('picture.review.openMore', { n: review.data.open.toLocaleString(i18n.language) })
            : t('picture.review.open', { count: review.data.open })}
        </p>
      )}
      {review.data && !pair && <p className="govuk-body">{t('picture.review.empty')}</p>}
      {pair && (
        <>
          <p className="govuk-body-l">
            {t('picture.review.probability', { p: percent.format(pair.probability) })}
            {pair.skipped && <strong className="govuk-tag govuk-tag--grey app-tag-gap">{t('picture.review.skipped')}</strong>}
          </p>
          <p className="govuk-body">{t('picture.review.lead')}</p>
          <TableScroll label={t('picture.review.title')}>
            <table className="govuk-table app-review">
              <caption className="govuk-table__caption govuk-table__caption--m">{t('picture.review.compare')}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t('picture.review.field')}
                  </th>
                  {(['a', 'b'] as const).map((side) => (
                    <th scope="col" className="govuk-table__header" key={side}>
                      {t(`picture.review.${side}`)}
                      <span className="app-table-hint">
                        <ReportLink id={pair[side].report.id} reference={pair[side].report.reference} />, {when.format(new Date(pair[side].report.receivedAt))}{' '}
                        <Grading code={pair[side].report.grading} />
                      </span>
                      {pair[side].entityId && pair[side].entityRecords > 1 && (
                        <span className="app-table-hint">
                          <Link className="govuk-link" to={`/entities/${pair[side].entityId}`}>
                            {t('picture.review.partOf', { label: pair[side].entityLabel, count: pair[side].entityRecords })}
                          </Link>
                        </span>
                      )}
                    </th>
                  ))}
                  <th scope="col" className="govuk-table__header">
                    {t('picture.review.agreement')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('picture.review.weight')}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {pair.fields.map((f) => (
                  <tr className="govuk-table__row" key={f.field}>
                    <th scope="row" className="govuk-table__header">
                      {t(`picture.review.fields.${f.field}`, { defaultValue: f.field })}
                    </th>
                    <td className="govuk-table__cell">{f.a || <span className="app-table-hint">{t('picture.review.notRecorded')}</span>}</td>
                    <td className="govuk-table__cell">{f.b || <span className="app-table-hint">{t('picture.review.notRecorded')}</span>}</td>
                    <td className="govuk-table__cell">
                      <strong className={`govuk-tag ${TAG[f.agreement]}`}>
                        <span aria-hidden="true">{SYMBOL[f.agreement]} </span>
                        {t(`picture.review.agreements.${f.agreement}`)}
                      </strong>
                      {f.level !== 'missing' && (
                        <span className="app-table-hint">{t(`picture.review.levels.${levelKey(f.level)}`, { defaultValue: f.level })}</span>
                      )}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{f.level === 'missing' ? '' : signed(f.weight)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {pair.sharedMentions.length > 0 && (
            <>
              <h2 className="govuk-heading-s">{t('picture.review.sharedMentions')}</h2>
              <ul className="govuk-list govuk-list--bullet">
                {pair.sharedMentions.map((m) => (
                  <li key={m.id}>
                    <span className="app-table-hint">{t(`picture.kind.${m.kind}`, { defaultValue: m.kind })}:</span>{' '}
                    <Link className="govuk-link" to={`/entities/${m.id}`}>
                      {m.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t('picture.review.reports')}</span>
            </summary>
            <div className="govuk-details__text">
              {(['a', 'b'] as const).map((side) => (
                <p className="govuk-body" key={side}>
                  <strong>{pair[side].report.reference}:</strong> {pair[side].report.summary}
                </p>
              ))}
            </div>
          </details>
          <p className="govuk-body" id="shortcuts">
            {t('picture.review.shortcuts')}
          </p>
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button"
              aria-keyshortcuts="A"
              aria-describedby="shortcuts"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: pair.id, decision: 'accept' })}
            >
              {t('picture.review.accept')}
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              aria-keyshortcuts="R"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: pair.id, decision: 'reject' })}
            >
              {t('picture.review.reject')}
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              aria-keyshortcuts="S"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: pair.id, decision: 'skip' })}
            >
              {t('picture.review.skip')}
            </button>
          </div>
        </>
      )}
    </>
  );
}

function signed(weight: number): string {
  return `${weight > 0 ? '+' : ''}${weight.toFixed(1)}`;
}
