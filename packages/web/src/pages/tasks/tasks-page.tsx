import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session, TaskList } from '@harbour/contract';
import { api } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { hasPermission } from '../../session/session';
import { TaskCard } from './task-card';

/** My tasks (and my agency's, for a partner), overdue first; a supervisor also sees every open task by owner. */
export function TasksPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  usePageTitle(t('tasks.title'));
  const oversees = hasPermission(session, 'tasks:oversee');
  const mine = useQuery({ queryKey: ['tasks', 'mine'], queryFn: () => api<TaskList>('GET', '/api/tasks/mine') });
  const all = useQuery({ queryKey: ['tasks', 'all'], queryFn: () => api<TaskList>('GET', '/api/tasks'), enabled: oversees });
  const byOwner = new Map<string, TaskList['tasks']>();
  for (const task of all.data?.tasks ?? []) byOwner.set(task.owner.name, [...(byOwner.get(task.owner.name) ?? []), task]);

  return (
    <>
      <h1 className="govuk-heading-l">{t('tasks.title')}</h1>
      <h2 className="govuk-heading-m">{t('tasks.mine')}</h2>
      {mine.data && mine.data.overdue > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">{t('tasks.overdueCount', { count: mine.data.overdue })}</strong>
        </div>
      )}
      {mine.data?.tasks.length === 0 && <p className="govuk-body">{t('tasks.none')}</p>}
      <div id="my-tasks">
        {mine.data?.tasks.map((task) => (
          <TaskCard task={task} key={task.id} />
        ))}
      </div>
      {oversees && (
        <section aria-labelledby="all-tasks">
          <h2 className="govuk-heading-m" id="all-tasks">
            {t('tasks.allOpen')}
          </h2>
          {all.data?.tasks.length === 0 && <p className="govuk-body">{t('tasks.noneOpen')}</p>}
          {[...byOwner.entries()].map(([owner, tasks]) => (
            <div key={owner} data-owner={owner}>
              <h3 className="govuk-heading-s">{t('tasks.ownerHeading', { owner, count: tasks.length })}</h3>
              <ul className="govuk-list govuk-list--bullet">
                {tasks.map((task) => (
                  <li key={task.id}>
                    {task.title} ({task.caseReference}){task.overdue && <strong className="govuk-tag govuk-tag--red app-tag-gap">{t('tasks.overdue')}</strong>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
