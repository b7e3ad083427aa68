import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';

/**
 * A form folded under a link (GOV.UK details), as a case page holds several per person: it opens
 * when asked, says its problems at its own top, and closes once its change is saved.
 */
export function DisclosedForm({
  summary,
  open,
  onOpen,
  problems,
  onSubmit,
  submitLabel,
  busy,
  children,
}: {
  summary: string;
  open: boolean;
  onOpen: (open: boolean) => void;
  problems: FormProblem[];
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <details className="govuk-details" open={open} onToggle={(e) => onOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary problems={problems} level={5} />
        <form onSubmit={submit} noValidate>
          {children}
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
            {submitLabel}
          </button>
        </form>
      </div>
    </details>
  );
}
