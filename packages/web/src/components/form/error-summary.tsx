import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextWithPhones } from '../phone-number';

export interface FormProblem {
  /** The id of the input the problem is about, or undefined for the form as a whole. */
  field?: string;
  message: string;
}

/**
 * GOV.UK error summary: takes focus when it appears, links each problem to its field. A form deep
 * in a page (one per person on a case) gives its heading level, so headings still step down in order.
 */
export function ErrorSummary({ problems, level = 2 }: { problems: FormProblem[]; level?: 2 | 3 | 4 | 5 }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  const Heading = `h${level}` as const;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <Heading className="govuk-error-summary__title">{t('common.errorSummaryTitle')}</Heading>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((p, i) => (
              <li key={`${p.field ?? 'form'}-${i}`}>{p.field ? <a href={`#${p.field}`}>{p.message}</a> : <TextWithPhones text={p.message} />}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
