import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseEntityRole, CaseKind, CaseView, NewCaseRequest } from '@harbour/contract';
import { CASE_ENTITY_ROLES, CASE_KINDS } from '@harbour/contract/vocabulary';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { RadiosField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';

/** What a case is opened from: a report (its people come with it), one entity of the picture in a role, or the network an entity is in. */
export type CaseSource = { readonly reportId: string } | { readonly entityId: string; readonly person: boolean } | { readonly networkOf: string };

function sourceFields(from: CaseSource, role: CaseEntityRole): Partial<NewCaseRequest> {
  if ('reportId' in from) return { fromReportId: from.reportId };
  if ('networkOf' in from) return { fromNetworkOf: from.networkOf };
  return { entities: [{ entityId: from.entityId, role: from.person ? role : 'associated' }] };
}

/**
 * Opens a case from a report (the report and its people, as the picture resolved them, are
 * linked) or from an entity (linked in the role chosen; a thing is always "associated").
 */
export function OpenCaseForm({ from }: { from: CaseSource }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<CaseKind>('investigation');
  const [role, setRole] = useState<CaseEntityRole>('suspect');
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const open = useMutation({
    mutationFn: () =>
      api<CaseView>('POST', '/api/cases', {
        kind,
        title,
        ...sourceFields(from, role),
      } satisfies NewCaseRequest),
    onSuccess: (opened) => void navigate(`/cases/${opened.id}`),
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  return (
    <section aria-labelledby="open-case">
      <h2 className="govuk-heading-m" id="open-case">
        {t('pursue.open.title')}
      </h2>
      <p className="govuk-body-s">{t('reportId' in from ? 'pursue.open.lead' : 'networkOf' in from ? 'pursue.open.leadNetwork' : 'pursue.open.leadEntity')}</p>
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
        {'entityId' in from && from.person && (
          <RadiosField
            name="role"
            legend={t('pursue.open.role')}
            value={role}
            onChange={(v) => setRole(v as CaseEntityRole)}
            options={CASE_ENTITY_ROLES.map((r) => [r, t(`pursue.roleOne.${r}`)])}
          />
        )}
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
