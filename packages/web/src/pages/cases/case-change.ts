import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@harbour/contract';
import { api } from '../../api/client';
import type { FormProblem } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';

/**
 * A change to a case from one of its forms: sends it, puts the case the server returns in place,
 * and keeps the refusal's problems under this form's own field ids (`prefix-field`), as a page
 * holds one such form per person.
 */
export function useCaseChange(caseId: string, prefix: string, onDone?: () => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const change = useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown }) =>
      api<CaseView>(method, `/api/cases/${caseId}${path}`, body),
    onSuccess: (data) => {
      client.setQueryData(['case', caseId], data);
      setProblems([]);
      onDone?.();
    },
    onError: (error) => setProblems(problemsFrom(error, t).map((p) => (p.field ? { ...p, field: `${prefix}-${p.field}` } : p))),
  });
  return { change, problems, setProblems };
}

/** Today in the force's area, as YYYY-MM-DD. */
export function todayInUk(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
