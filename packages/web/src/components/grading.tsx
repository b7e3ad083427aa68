import { useTranslation } from 'react-i18next';
import { gradeChoice, gradeOf } from './grade';

/**
 * A report's 3x5x2 grading as a tag ("2BP"), with each part spelt out for screen readers and on
 * hover; "not graded" when the team has not graded it yet.
 */
export function Grading({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const grade = gradeOf(code);
  if (gradeChoice(grade).kind !== 'complete') return <span className="app-quiet">{t('reportView.notGraded')}</span>;
  const { source, assessment, handling } = grade;
  const spelt = [t(`reportView.sourceOptions.${source}`), t(`reportView.assessmentOptions.${assessment}`), t(`reportView.handlingOptions.${handling}`)].join(
    '; ',
  );
  return (
    <strong className="govuk-tag govuk-tag--blue" title={spelt}>
      {code}
      <span className="govuk-visually-hidden"> ({spelt})</span>
    </strong>
  );
}
