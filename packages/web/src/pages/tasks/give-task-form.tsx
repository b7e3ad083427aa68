import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewTaskRequest, TaskOwners, TaskView } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { NO_DATE, isoDate, type DateParts } from '../../components/form/date-parts';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { SuccessBanner } from '../../components/success-banner';

/** Gives a task on the case to someone of the team or to a partner agency, with a due date. */
export function GiveTaskForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const owners = useQuery({ queryKey: ['task-owners'], queryFn: () => api<TaskOwners>('GET', '/api/cases/task-owners') });
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<DateParts>(NO_DATE);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [given, setGiven] = useState<string | null>(null);
  const give = useMutation({
    mutationFn: () => {
      const [kind, id] = owner.split(':');
      const body: NewTaskRequest = {
        title,
        details,
        ...(kind === 'user' ? { ownerUserId: id } : kind === 'agency' ? { ownerAgencyId: id } : {}),
        dueOn: isoDate(due) ?? '',
      };
      return api<TaskView>('POST', `/api/cases/${caseId}/tasks`, body);
    },
    onSuccess: async (task) => {
      setGiven(task.title);
      setTitle('');
      setDetails('');
      setOwner('');
      setDue(NO_DATE);
      setProblems([]);
      await client.invalidateQueries({ queryKey: ['case', caseId] });
    },
    onError: (error) => {
      setGiven(null);
      setProblems(problemsFrom(error, t).map((p) => (p.field === 'ownerUserId' || p.field === 'ownerAgencyId' ? { ...p, field: 'owner' } : p)));
    },
  });
  return (
    <section aria-labelledby="give-task">
      <h3 className="govuk-heading-s" id="give-task">
        {t('tasks.give')}
      </h3>
      {given && <SuccessBanner message={t('tasks.given', { title: given })} />}
      <ErrorSummary problems={problems} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (isoDate(due) === null) return setProblems([{ field: 'dueOn', message: t('tasks.badDate') }]);
          give.mutate();
        }}
        noValidate
      >
        <TextField id="title" label={t('tasks.taskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(problems, 'title')} />
        <TextAreaField
          id="details"
          label={t('tasks.details')}
          value={details}
          onChange={setDetails}
          rows={3}
          limit={5000}
          error={fieldError(problems, 'details')}
        />
        <SelectField
          id="owner"
          label={t('tasks.owner')}
          value={owner}
          onChange={setOwner}
          error={fieldError(problems, 'owner')}
          options={[
            { value: '', label: t('tasks.chooseOwner') },
            ...(owners.data?.users ?? []).map((u) => ({ value: `user:${u.id}`, label: u.name })),
            ...(owners.data?.agencies ?? []).map((a) => ({ value: `agency:${a.id}`, label: a.name })),
          ]}
        />
        <DateField id="dueOn" legend={t('tasks.due')} hint={t('tasks.dueHint')} value={due} onChange={setDue} error={fieldError(problems, 'dueOn')} />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={give.isPending}>
          {t('tasks.giveSubmit')}
        </button>
      </form>
    </section>
  );
}
