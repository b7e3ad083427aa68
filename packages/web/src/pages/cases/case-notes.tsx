import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { TextAreaField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';

/**
 * A case's notes, each with who and when, and (for those who may write) a note to add — as the
 * team reads its case and as a partner agency reads the notes it has added to a shared one.
 */
export function CaseNotes({
  heading,
  notes,
  when,
  send,
}: {
  heading: string;
  notes: readonly { id: string; body: string; by: string; at: string; agency?: string | null }[];
  when: (at: string) => string;
  /** Sends a new note; absent when the reader may not write. */
  send?: ((body: string) => Promise<unknown>) | undefined;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const add = useMutation({
    mutationFn: () => send!(body),
    onSuccess: () => {
      setBody('');
      setProblems([]);
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  return (
    <section aria-labelledby="notes">
      <h2 className="govuk-heading-m" id="notes">
        {heading}
      </h2>
      {notes.length === 0 && <p className="govuk-body">{t('pursue.case.noNotes')}</p>}
      <ul className="govuk-list" id="case-notes">
        {notes.map((n) => (
          <li key={n.id} className="govuk-!-margin-bottom-3">
            <span className="govuk-body-s">
              {n.agency ? `${n.by} (${n.agency})` : n.by}, {when(n.at)}
            </span>
            <br />
            <span className="app-preserve-lines">{n.body}</span>
          </li>
        ))}
      </ul>
      {send && (
        <>
          <ErrorSummary problems={problems} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate();
            }}
            noValidate
          >
            <TextAreaField
              id="body"
              label={t('pursue.case.addNote')}
              value={body}
              onChange={setBody}
              rows={3}
              limit={10000}
              error={fieldError(problems, 'body')}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={add.isPending}>
              {t('pursue.case.saveNote')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
