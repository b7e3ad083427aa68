import type { CourseSummary } from '@harbour/contract';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../../i18n/locale';

const TAG_COLOUR: Record<CourseSummary['standing'], string> = {
  never: 'govuk-tag--grey',
  current: 'govuk-tag--green',
  due_soon: 'govuk-tag--yellow',
  overdue: 'govuk-tag--red',
};

export function StandingTag({ standing }: { standing: CourseSummary['standing'] }) {
  const { t } = useTranslation();
  return <strong className={`govuk-tag ${TAG_COLOUR[standing]}`}>{t(`training.standing.${standing}`)}</strong>;
}

/** A day the server names (YYYY-MM-DD) as the reader writes dates. */
export function useDay(): (day: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'long', timeZone: 'UTC' });
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}

/** When the colleague completed the course and when they take it again, in words. */
export function StandingWords({ course }: { course: Pick<CourseSummary, 'completedOn' | 'refresherDue' | 'standing'> }) {
  const { t } = useTranslation();
  const day = useDay();
  if (!course.completedOn || !course.refresherDue) return <>{t('training.notYetTaken')}</>;
  return (
    <>
      {t('training.completedOn', { day: day(course.completedOn) })}{' '}
      {t(course.standing === 'overdue' ? 'training.refresherWasDue' : 'training.refresherDue', { day: day(course.refresherDue) })}
    </>
  );
}
