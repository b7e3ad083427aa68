import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RetentionView, Session } from '@harbour/contract';
import { DELETION_REASONS, type DeletionReason } from '@harbour/contract/vocabulary';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { NO_DATE, isoDate, type DateParts } from '../../components/form/date-parts';
import { DateField, RadiosField, TextAreaField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { hasPermission } from '../../session/session';
import { dueDate } from '../tasks/due-date';

type Due = RetentionView['due'][number];

/**
 * Records management: reports on no case and closed cases whose review under the retention
 * schedule is due, each kept with a reason and a next review, or deleted whole. What has been
 * deleted is counted here, as the figures no longer count it.
 */
export function RetentionPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  usePageTitle(t('retention.title'));
  const view = useQuery({ queryKey: ['retention'], queryFn: () => api<RetentionView>('GET', '/api/retention') });
  const data = view.data;
  return (
    <>
      <h1 className="govuk-heading-l">{t('retention.title')}</h1>
      <p className="govuk-body">{t('retention.lead')}</p>
      {data && (
        <>
          <h2 className="govuk-heading-m">{t('retention.scheduleTitle')}</h2>
          <dl className="govuk-summary-list" id="retention-schedule">
            {(['report', 'case', 'case_convicted'] as const).map((type) => (
              <div className="govuk-summary-list__row" key={type}>
                <dt className="govuk-summary-list__key">{t(`retention.type.${type}`)}</dt>
                <dd className="govuk-summary-list__value">{t('retention.years', { count: data.schedule[type] })}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-inset-text" id="retention-deleted">
            {t('retention.deletedSoFar', { reports: data.deleted.reports, cases: data.deleted.cases, victims: data.deleted.potentialVictims })}
          </p>
          <h2 className="govuk-heading-m">{t('retention.dueTitle', { count: data.due.length })}</h2>
          {data.due.length === 0 && <p className="govuk-body">{t('retention.noneDue')}</p>}
          {data.due.map((d) => (
            <DueRecord d={d} session={session} key={`${d.recordType}-${d.id}`} />
          ))}
        </>
      )}
    </>
  );
}

function DueRecord({ d, session }: { d: Due; session: Session }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<'' | 'retain' | 'delete'>('');
  const [reason, setReason] = useState('');
  const [nextReview, setNextReview] = useState<DateParts>(NO_DATE);
  const [deletion, setDeletion] = useState<DeletionReason | ''>('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const kind = d.recordType === 'report' ? 'report' : 'case';
  const prefix = `r-${d.id.slice(0, 8)}`;
  const decide = useMutation({
    mutationFn: (body: object) => api<{ ok: true }>('POST', `/api/retention/${kind}/${d.id}/${choice}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['retention'] }),
    onError: (error) => setProblems(problemsFrom(error, t).map((p) => ({ ...p, field: p.field ? `${prefix}-${p.field}` : p.field }))),
  });
  const on = (iso: string) => dueDate(iso, i18n.language);
  // Those who may read the record can open it before deciding; an administrator decides on its dates alone.
  const readable = kind === 'case' ? hasPermission(session, 'cases:read') : hasPermission(session, 'reports:read');
  return (
    <section className="app-card govuk-!-margin-bottom-6" aria-labelledby={`${prefix}-title`} data-record={d.id}>
      <h3 className="govuk-heading-s" id={`${prefix}-title`}>
        {readable ? (
          <Link className="govuk-link" to={kind === 'case' ? `/cases/${d.id}` : `/triage/${d.id}`}>
            {d.reference}
          </Link>
        ) : (
          d.reference
        )}{' '}
        <span className="govuk-body-s">({t(`retention.type.${d.recordType}`)})</span>
      </h3>
      <p className="govuk-body-s">
        {t(kind === 'case' ? 'retention.closedOn' : 'retention.receivedOn', { date: on(d.startedOn) })} · {t('retention.dueOn', { date: on(d.dueOn) })}
      </p>
      {d.lastReview && (
        <p className="govuk-body-s">
          {t('retention.lastKept', { name: d.lastReview.by, date: on(d.lastReview.at.slice(0, 10)) })}:{' '}
          <span className="app-preserve-lines">{d.lastReview.reason}</span>
        </p>
      )}
      <ErrorSummary problems={problems} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setProblems([]);
          if (!choice) return setProblems([{ field: `${prefix}-choice`, message: t('retention.chooseDecision') }]);
          if (choice === 'delete') {
            if (!deletion) return setProblems([{ field: `${prefix}-deletion`, message: t('retention.chooseReason') }]);
            return decide.mutate({ reason: deletion });
          }
          const next = isoDate(nextReview);
          if (!next) return setProblems([{ field: `${prefix}-nextReviewOn`, message: t('tasks.badDate') }]);
          decide.mutate({ reason, nextReviewOn: next });
        }}
      >
        <RadiosField
          name={`${prefix}-choice`}
          legend={t('retention.decision')}
          value={choice}
          onChange={(v) => setChoice(v as 'retain' | 'delete')}
          options={[
            ['retain', t('retention.retain')],
            ['delete', t('retention.delete')],
          ]}
          error={fieldError(problems, `${prefix}-choice`)}
        />
        {choice === 'retain' && (
          <>
            <TextAreaField
              id={`${prefix}-reason`}
              label={t('retention.whyKept')}
              value={reason}
              onChange={setReason}
              rows={2}
              limit={2000}
              error={fieldError(problems, `${prefix}-reason`)}
            />
            <DateField
              id={`${prefix}-nextReviewOn`}
              legend={t('retention.nextReview')}
              hint={t('retention.nextReviewHint')}
              value={nextReview}
              onChange={setNextReview}
              error={fieldError(problems, `${prefix}-nextReviewOn`)}
            />
          </>
        )}
        {choice === 'delete' && (
          <>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t('common.warning')}</span>
                {t(kind === 'case' ? 'retention.deleteCaseWarning' : 'retention.deleteReportWarning')}
              </strong>
            </div>
            <RadiosField
              name={`${prefix}-deletion`}
              legend={t('retention.whyDeleted')}
              value={deletion}
              onChange={(v) => setDeletion(v as DeletionReason)}
              options={DELETION_REASONS.map((r) => [r, t(`retention.reasons.${r}`)])}
              error={fieldError(problems, `${prefix}-deletion`)}
            />
          </>
        )}
        <button type="submit" className={`govuk-button${choice === 'delete' ? ' govuk-button--warning' : ''}`} disabled={decide.isPending}>
          {t(choice === 'delete' ? 'retention.confirmDelete' : 'retention.save')}
          <span className="govuk-visually-hidden"> {d.reference}</span>
        </button>
      </form>
    </section>
  );
}
