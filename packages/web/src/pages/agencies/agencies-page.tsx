import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Agency, AgencyList, Session } from '@harbour/contract';
import { AGENCY_KINDS } from '@harbour/contract/vocabulary';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { hasPermission } from '../../session/session';

export function AgenciesPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  usePageTitle(t('agencies.title'));
  const client = useQueryClient();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<AgencyList>('GET', '/api/agencies') });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('local_authority');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api<Agency>('POST', '/api/agencies', { name, kind }),
    onSuccess: async (agency) => {
      setAdded(agency.name);
      setProblems([]);
      setName('');
      await client.invalidateQueries({ queryKey: ['agencies'] });
    },
    onError: (error) => {
      setAdded(null);
      setProblems(problemsFrom(error, t));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const [changeProblems, setChangeProblems] = useState<FormProblem[]>([]);
  const setFirstResponder = useMutation({
    mutationFn: (change: { id: string; firstResponder: boolean }) =>
      api<Agency>('PUT', `/api/agencies/${change.id}/first-responder`, { firstResponder: change.firstResponder }),
    onSuccess: async () => {
      setChangeProblems([]);
      await client.invalidateQueries({ queryKey: ['agencies'] });
    },
    onError: (error) => setChangeProblems(problemsFrom(error, t)),
  });
  const manages = hasPermission(session, 'agencies:manage');

  return (
    <>
      <h1 className="govuk-heading-l">{t('agencies.title')}</h1>
      <p className="govuk-body">{t('agencies.firstResponderHint')}</p>
      <ErrorSummary problems={changeProblems} />
      {agencies.data && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t('agencies.title')}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t('agencies.name')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('agencies.kind')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('agencies.firstResponder')}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {t('agencies.users')}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {agencies.data.agencies.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <th scope="row" className="govuk-table__header">
                  {a.name}
                </th>
                <td className="govuk-table__cell">{t(`agencies.kinds.${a.kind}`)}</td>
                <td className="govuk-table__cell" data-testid={`first-responder-${a.id}`}>
                  {a.firstResponder ? t('agencies.yes') : t('agencies.no')}
                  {manages && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
                        disabled={setFirstResponder.isPending}
                        onClick={() => setFirstResponder.mutate({ id: a.id, firstResponder: !a.firstResponder })}
                      >
                        {t(a.firstResponder ? 'agencies.unmarkFirstResponder' : 'agencies.markFirstResponder', { name: a.name })}
                      </button>
                    </>
                  )}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{a.users}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manages && (
        <section aria-labelledby="add-agency">
          <h2 className="govuk-heading-m" id="add-agency">
            {t('agencies.addTitle')}
          </h2>
          {added && <SuccessBanner message={t('agencies.added', { name: added })} />}
          <ErrorSummary problems={problems} />
          <form onSubmit={submit} noValidate className="govuk-!-width-two-thirds">
            <TextField id="name" label={t('agencies.name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(problems, 'name')} />
            <SelectField
              id="kind"
              label={t('agencies.kind')}
              value={kind}
              onChange={setKind}
              options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencies.kinds.${k}`) }))}
              error={fieldError(problems, 'kind')}
            />
            <button type="submit" className="govuk-button" disabled={add.isPending}>
              {t('agencies.submit')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
