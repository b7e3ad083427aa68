import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextWithPhones } from '../phone-number';

export interface FormProblem {
  /** The id of the input the problem is about, or undefined for the form as a whole. */
  field?: string;
  message: string;
}

/** GOV.UK error summary: takes focus when it appears, links each problem to its field. */
export function ErrorSummary({ problems }: { problems: FormProblem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t('common.errorSummaryTitle')}</h2>
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
