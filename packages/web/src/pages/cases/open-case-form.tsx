import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseKind, CaseView, NewCaseRequest } from '@harbour/contract';
import { CASE_KINDS } from '@harbour/contract/vocabulary';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { RadiosField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';

/** Opens a case from a report: the report and its people, as the picture resolved them, are linked. */
export function OpenCaseForm({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<CaseKind>('investigation');
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const open = useMutation({
    mutationFn: () => api<CaseView>('POST', '/api/cases', { kind, title, fromReportId: reportId } satisfies NewCaseRequest),
    onSuccess: (opened) => void navigate(`/cases/${opened.id}`),
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  return (
    <section aria-labelledby="open-case">
      <h2 className="govuk-heading-m" id="open-case">
        {t('pursue.open.title')}
      </h2>
      <p className="govuk-body-s">{t('pursue.open.lead')}</p>
      <ErrorSummary problems={problems} />
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          open.mutate();
        }}
        noValidate
      >
        <RadiosField
          name="kind"
          legend={t('pursue.case.kind')}
          value={kind}
          onChange={(v) => setKind(v as CaseKind)}
          options={CASE_KINDS.map((k) => [k, t(`pursue.kind.${k}`)])}
          inline
        />
        <TextField
          id="title"
          label={t('pursue.open.caseTitle')}
          hint={t('pursue.open.caseTitleHint')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldError(problems, 'title')}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={open.isPending}>
          {t('pursue.open.submit')}
        </button>
      </form>
    </section>
  );
}
