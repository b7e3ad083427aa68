import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskList } from '@harbour/contract';
import { api } from '../../api/client';
import { dueDate } from './due-date';

/** Shown on the home page: the first of my open tasks, overdue first, and the way to all of them. */
const SHOWN = 5;

export function MyTasksSection() {
  const { t, i18n } = useTranslation();
  const mine = useQuery({ queryKey: ['tasks', 'mine'], queryFn: () => api<TaskList>('GET', '/api/tasks/mine') });
  if (!mine.data) return null;
  return (
    <section aria-labelledby="my-tasks-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="my-tasks-title">
        {t('tasks.mine')}
      </h2>
      {mine.data.overdue > 0 && <p className="govuk-body govuk-!-font-weight-bold">{t('tasks.overdueCount', { count: mine.data.overdue })}</p>}
      {mine.data.tasks.length === 0 ? (
        <p className="govuk-body">{t('tasks.none')}</p>
      ) : (
        <ul className="govuk-list" id="home-tasks">
          {mine.data.tasks.slice(0, SHOWN).map((task) => (
            <li key={task.id}>
              {task.title} ({task.caseReference}){' — '}
              {task.dueOn ? t('tasks.dueOn', { date: dueDate(task.dueOn, i18n.language) }) : t('tasks.noDue')}
              {task.overdue && <strong className="govuk-tag govuk-tag--red app-tag-gap">{t('tasks.overdue')}</strong>}
            </li>
          ))}
        </ul>
      )}
      <Link className="govuk-link" to="/tasks">
        {t('tasks.toAll')}
      </Link>
    </section>
  );
}
