import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseStatus, CaseView } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { RadiosField, TextAreaField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';
import { ReportLink } from '../picture/report-link';
import { CaseStatusTag } from './case-status-tag';
import { GiveTaskForm } from '../tasks/give-task-form';
import { TaskCard } from '../tasks/task-card';
import { SuspectOutcomes } from './suspect-outcomes';
import { CaseSharing } from '../sharing/case-sharing';
import { CaseNotes } from './case-notes';
import { CaseDocuments } from './case-documents';
import { CaseLinks, UnlinkEntity } from './case-links';
import { VictimNrm } from './victim-nrm';
import { VictimSafeguarding } from './victim-safeguarding';

/** One case whole: where it stands and why, its people and reports, notes, and what the reader may do next. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const found = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseView>('GET', `/api/cases/${id}`), retry: false });
  usePageTitle(found.data ? t('pursue.case.title', { reference: found.data.reference }) : t('pursue.list.title'));
  if (found.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!found.data) return <ErrorSummary problems={found.error ? problemsFrom(found.error, t) : []} />;
  return <CaseDetail c={found.data} />;
}

function CaseDetail({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const when = (at: string) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(at));
  const victims = c.entities.filter((e) => e.role === 'potential_victim');
  const suspects = c.entities.filter((e) => e.role === 'suspect');
  const others = c.entities.filter((e) => e.role === 'associated');

  return (
    <>
      <Link className="govuk-back-link" to="/cases">
        {t('pursue.case.back')}
      </Link>
      <span className="govuk-caption-l">{c.reference}</span>
      <h1 className="govuk-heading-l">
        {c.title} <CaseStatusTag status={c.status} />
      </h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('pursue.case.kind')}</dt>
          <dd className="govuk-summary-list__value">{t(`pursue.kind.${c.kind}`)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('pursue.officer')}</dt>
          <dd className="govuk-summary-list__value">{c.officerInCharge ?? t('pursue.noOfficer')}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('pursue.case.opened')}</dt>
          <dd className="govuk-summary-list__value">{when(c.openedAt)}</dd>
        </div>
        {c.summary && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('pursue.case.summary')}</dt>
            <dd className="govuk-summary-list__value app-preserve-lines">{c.summary}</dd>
          </div>
        )}
      </dl>

      {c.closeRequest && <ClosingRequest c={c} when={when} />}
      {c.canWork && c.nextStatuses.length > 0 && <MoveOn c={c} />}

      <h2 className="govuk-heading-m">{t('pursue.case.people')}</h2>
      {c.entities.length === 0 && <p className="govuk-body">{t('pursue.case.noPeople')}</p>}
      {(
        [
          ['potential_victim', victims],
          ['suspect', suspects],
          ['associated', others],
        ] as const
      )
        .filter(([, list]) => list.length > 0)
        .map(([role, list]) => (
          <section key={role} aria-labelledby={`role-${role}`}>
            <h3 className="govuk-heading-s" id={`role-${role}`}>
              {t(`pursue.role.${role}`)}
            </h3>
            <ul className="govuk-list" data-role={role}>
              {list.map((e, k) => (
                <li key={`${e.entityId}-${e.role}`} data-person={e.kind === 'person' ? e.entityId : undefined} className="app-case-person">
                  <Link className="govuk-link" to={`/entities/${e.entityId}`} id={`${role}-${k}-name`}>
                    {e.label}
                  </Link>{' '}
                  <span className="govuk-body-s">({t(`picture.kind.${e.kind}`)})</span>
                  {c.canWork && <UnlinkEntity c={c} entityId={e.linkedId} role={e.role} label={e.label} />}
                  {e.kind === 'person' && role === 'potential_victim' && (
                    <>
                      <VictimNrm c={c} entityId={e.entityId} prefix={`v${k}-nrm`} whose={`${role}-${k}-name`} />
                      <VictimSafeguarding c={c} entityId={e.entityId} prefix={`v${k}-plan`} whose={`${role}-${k}-name`} />
                    </>
                  )}
                  {e.kind === 'person' && role === 'suspect' && (
                    <SuspectOutcomes c={c} entityId={e.entityId} prefix={`s${k}-outcome`} whose={`${role}-${k}-name`} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}

      <h2 className="govuk-heading-m">{t('pursue.case.reports')}</h2>
      {c.reportsLinked.length === 0 ? (
        <p className="govuk-body">{t('pursue.case.noReports')}</p>
      ) : (
        <ul className="govuk-list">
          {c.reportsLinked.map((r) => (
            <li key={r.id}>
              <ReportLink id={r.id} reference={r.reference} /> — {when(r.receivedAt)}
              {r.summary && <p className="govuk-body-s govuk-!-margin-bottom-2">{r.summary}</p>}
            </li>
          ))}
        </ul>
      )}

      {c.canWork && <CaseLinks c={c} />}

      <section aria-labelledby="case-tasks">
        <h2 className="govuk-heading-m" id="case-tasks">
          {t('tasks.ofCase')}
        </h2>
        {c.tasks.length === 0 && <p className="govuk-body">{t('tasks.noneOnCase')}</p>}
        {c.tasks.map((task) => (
          <TaskCard task={task} key={task.id} />
        ))}
        {c.canWork && c.status !== 'closed' && <GiveTaskForm caseId={c.id} />}
      </section>

      <CaseDocuments c={c} when={when} />

      <CaseSharing c={c} />

      <CaseNotes
        heading={t('pursue.case.notes')}
        notes={c.notes}
        when={when}
        send={c.canWork ? async (body) => client.setQueryData(['case', c.id], await api<CaseView>('POST', `/api/cases/${c.id}/notes`, { body })) : undefined}
      />

      <h2 className="govuk-heading-m">{t('pursue.case.history')}</h2>
      <ol className="govuk-list" id="case-history">
        {c.history.map((h, k) => (
          <li key={k} className="govuk-!-margin-bottom-3">
            <strong>
              {h.from ? t('pursue.case.moved', { from: t(`pursue.status.${h.from}`), to: t(`pursue.status.${h.to}`) }) : t('pursue.case.openedBy')}
            </strong>
            {' — '}
            {h.by}, {when(h.at)}
            {h.requestedBy && <> ({t('pursue.case.askedBy', { name: h.requestedBy })})</>}
            <br />
            <span className="app-preserve-lines">{h.reason}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Moves the case on, with the reason: the choices are those the server says this reader may make. */
function MoveOn({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const move = useMutation({
    mutationFn: () => api<CaseView>('POST', `/api/cases/${c.id}/status`, { to, reason }),
    onSuccess: (data) => {
      client.setQueryData(['case', c.id], data);
      setTo('');
      setReason('');
      setProblems([]);
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!to) return setProblems([{ field: 'to', message: t('pursue.case.chooseStatus') }]);
    move.mutate();
  };
  const label = (s: CaseStatus) => (s === 'closed' && !c.canApprove ? t('pursue.case.askToClose') : t(`pursue.status.${s}`));
  return (
    <section aria-labelledby="move-on">
      <h2 className="govuk-heading-m" id="move-on">
        {t('pursue.case.moveOn')}
      </h2>
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate>
        <RadiosField
          name="to"
          legend={t('pursue.case.to')}
          value={to}
          onChange={(v) => setTo(v as CaseStatus)}
          options={c.nextStatuses.map((s) => [s, label(s)])}
          error={fieldError(problems, 'to')}
        />
        <TextAreaField
          id="reason"
          label={t('pursue.case.reason')}
          hint={t('pursue.case.reasonHint')}
          value={reason}
          onChange={setReason}
          rows={3}
          limit={2000}
          error={fieldError(problems, 'reason')}
        />
        <button type="submit" className="govuk-button" disabled={move.isPending}>
          {t('pursue.case.save')}
        </button>
      </form>
    </section>
  );
}

/** A request to close, waiting: a supervisor approves or declines it, with a reason; others see that it waits. */
function ClosingRequest({ c, when }: { c: CaseView; when: (at: string) => string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'decline') => api<CaseView>('POST', `/api/cases/${c.id}/closing`, { decision, reason }),
    onSuccess: (data) => {
      client.setQueryData(['case', c.id], data);
      setReason('');
      setProblems([]);
    },
    // Its reason box is not the move-on form's "reason": the summary links to this one.
    onError: (error) => setProblems(problemsFrom(error, t).map((p) => (p.field === 'reason' ? { ...p, field: 'closing-reason' } : p))),
  });
  const request = c.closeRequest!;
  return (
    <div className="govuk-inset-text" id="close-request">
      <h2 className="govuk-heading-s">{t('pursue.case.closeRequested', { name: request.by, when: when(request.at) })}</h2>
      <p className="govuk-body app-preserve-lines">{request.reason}</p>
      {c.canApprove && (
        <>
          <ErrorSummary problems={problems} />
          <form onSubmit={(e) => e.preventDefault()} noValidate>
            <TextAreaField
              id="closing-reason"
              label={t('pursue.case.decisionReason')}
              value={reason}
              onChange={setReason}
              rows={2}
              limit={2000}
              error={fieldError(problems, 'closing-reason')}
            />
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
                {t('pursue.case.approveClose')}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" disabled={decide.isPending} onClick={() => decide.mutate('decline')}>
                {t('pursue.case.declineClose')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
