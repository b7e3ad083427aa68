import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FinishTaskRequest, TaskView } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { RadiosField, TextAreaField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { hasPermission, useSession } from '../../session/session';
import { dueDate } from './due-date';

/**
 * One task: what, for whom, by when, and how it ended; an open one can be finished here with a
 * record of what was done. The case is linked for those who read cases; a partner sees its reference.
 */
export function TaskCard({ task, headingLevel = 3 }: { task: TaskView; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    // Named by its title and its case: two tasks of the same title (a visit on each of two cases) stay two landmarks.
    <section className="govuk-summary-card" aria-labelledby={`task-${task.id} task-${task.id}-case`} data-task={task.id}>
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title" id={`task-${task.id}`}>
          {task.title} {task.overdue && <strong className="govuk-tag govuk-tag--red">{t('tasks.overdue')}</strong>}
          {task.status !== 'open' && <strong className="govuk-tag govuk-tag--grey">{t(`tasks.status.${task.status}`)}</strong>}
        </Heading>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('tasks.case')}</dt>
            <dd className="govuk-summary-list__value" id={`task-${task.id}-case`}>
              {hasPermission(session, 'cases:read') ? (
                <Link className="govuk-link" to={`/cases/${task.caseId}`}>
                  {task.caseReference}
                </Link>
              ) : (
                task.caseReference
              )}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('tasks.owner')}</dt>
            <dd className="govuk-summary-list__value">{task.owner.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('tasks.due')}</dt>
            <dd className="govuk-summary-list__value">{task.dueOn ? dueDate(task.dueOn, i18n.language) : t('tasks.noDue')}</dd>
          </div>
          {task.details && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t('tasks.details')}</dt>
              <dd className="govuk-summary-list__value app-preserve-lines">{task.details}</dd>
            </div>
          )}
          {task.outcome && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t('tasks.outcome')}</dt>
              <dd className="govuk-summary-list__value app-preserve-lines">
                {task.outcome}
                {task.finishedBy && <span className="govuk-body-s"> ({task.finishedBy})</span>}
              </dd>
            </div>
          )}
        </dl>
        {task.status === 'open' && hasPermission(session, 'tasks:work') && <FinishTask task={task} />}
      </div>
    </section>
  );
}

function FinishTask({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<FinishTaskRequest['status']>('done');
  const [outcome, setOutcome] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const idOf = (field: string) => `${field}-${task.id}`;
  const finish = useMutation({
    mutationFn: () => api<TaskView>('POST', `/api/tasks/${task.id}/finish`, { status, outcome } satisfies FinishTaskRequest),
    onSuccess: async () => {
      setProblems([]);
      await client.invalidateQueries({ queryKey: ['tasks'] });
      await client.invalidateQueries({ queryKey: ['case', task.caseId] });
      await client.invalidateQueries({ queryKey: ['shared-case', task.caseId] });
    },
    // Each card's fields have ids of their own: the summary links to this card's box.
    onError: (error) => setProblems(problemsFrom(error, t).map((p) => ({ ...p, field: p.field ? idOf(p.field) : p.field }))),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        finish.mutate();
      }}
      noValidate
    >
      <ErrorSummary problems={problems} />
      <RadiosField
        name={idOf('status')}
        legend={t('tasks.finish')}
        value={status}
        onChange={(v) => setStatus(v as FinishTaskRequest['status'])}
        options={[
          ['done', t('tasks.status.done')],
          ['cancelled', t('tasks.status.cancelled')],
        ]}
        inline
      />
      <TextAreaField
        id={idOf('outcome')}
        label={t('tasks.whatWasDone')}
        value={outcome}
        onChange={setOutcome}
        rows={3}
        limit={5000}
        error={fieldError(problems, idOf('outcome'))}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={finish.isPending}>
        {t('tasks.save')}
      </button>
    </form>
  );
}
