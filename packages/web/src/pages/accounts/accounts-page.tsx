import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/table-scroll';
import { api } from '../../api/client';
import { ROLES } from '@harbour/contract/vocabulary';
import type { Account, AccountList, AgencyList, Role, Session } from '@harbour/contract';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { hasPermission } from '../../session/session';
import { dateLocale } from '../../i18n/locale';
import { NamedAccess } from './named-access';

type AccountAction = 'disable' | 'enable' | 'unlock-second-factor';

/** The words that confirm each action (users.actions.done.*). */
const DONE: Record<AccountAction, string> = { disable: 'disabled', enable: 'enabled', 'unlock-second-factor': 'unlocked' };

export function AccountsPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('users.title'));
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<AccountList>('GET', '/api/users') });
  const manage = hasPermission(session, 'users:manage');
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: AccountAction }) => api<Account>('POST', `/api/users/${id}/actions`, { action }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  const date = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  return (
    <>
      <h1 className="govuk-heading-l">{t('users.title')}</h1>
      {users.error && <ErrorSummary problems={problemsFrom(users.error, t)} />}
      {act.error && <ErrorSummary problems={problemsFrom(act.error, t)} />}
      {act.isSuccess && (
        <SuccessBanner
          message={t(`users.actions.done.${DONE[act.variables.action]}`, {
            name: act.data.displayName,
          })}
        />
      )}
      {users.data && (
        <TableScroll label={t('users.title')}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('users.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {(['name', 'email', 'role', 'agency', 'secondFactor', 'status'] as const).map((c) => (
                  <th scope="col" className="govuk-table__header" key={c}>
                    {t(`users.${c}`)}
                  </th>
                ))}
                {manage && (
                  <th scope="col" className="govuk-table__header">
                    {t('users.actions.title')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {users.data.users.map((u) => (
                <tr className="govuk-table__row" key={u.id}>
                  <th scope="row" className="govuk-table__header">
                    {u.displayName}
                    <span className="app-table-hint">{date.format(new Date(u.createdAt))}</span>
                  </th>
                  <td className="govuk-table__cell">{u.email}</td>
                  <td className="govuk-table__cell">{t(`roles.${u.role}`)}</td>
                  <td className="govuk-table__cell">{u.agencyName}</td>
                  <td className="govuk-table__cell">{u.secondFactor ? t('users.set') : t('users.notSet')}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${u.disabled ? 'govuk-tag--grey' : u.locked ? 'govuk-tag--red' : 'govuk-tag--green'}`}>
                      {u.disabled ? t('users.disabled') : u.locked ? t('users.locked') : t('users.active')}
                    </strong>
                  </td>
                  {manage && (
                    <td className="govuk-table__cell">
                      {u.id !== session.user.id && (
                        <div className="govuk-button-group govuk-!-margin-bottom-0">
                          {(u.disabled ? (['enable'] as const) : (['disable'] as const)).map((action) => (
                            <button
                              key={action}
                              type="button"
                              className={`govuk-button govuk-button--secondary govuk-!-margin-bottom-0${action === 'disable' ? ' govuk-button--warning' : ''}`}
                              disabled={act.isPending}
                              onClick={() => act.mutate({ id: u.id, action })}
                            >
                              {t(`users.actions.${action}`)}
                              <span className="govuk-visually-hidden"> {u.displayName}</span>
                            </button>
                          ))}
                          {u.locked && (
                            <button
                              type="button"
                              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                              disabled={act.isPending}
                              onClick={() => act.mutate({ id: u.id, action: 'unlock-second-factor' })}
                            >
                              {t('users.actions.unlock')}
                              <span className="govuk-visually-hidden"> {u.displayName}</span>
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {hasPermission(session, 'users:manage') && <AddAccountForm />}
      {hasPermission(session, 'access:grant') && users.data && <NamedAccess accounts={users.data.users} />}
    </>
  );
}

function AddAccountForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<AgencyList>('GET', '/api/agencies') });
  const [form, setForm] = useState({ displayName: '', email: '', role: 'officer' as Role, agencyId: '', password: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api<Account>('POST', '/api/users', form),
    onSuccess: async (account) => {
      setAdded(account.email);
      setProblems([]);
      setForm({ displayName: '', email: '', role: 'officer', agencyId: '', password: '' });
      await client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => {
      setAdded(null);
      setProblems(problemsFrom(error, t, { agencyId: t('users.chooseAgency') }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <section aria-labelledby="add-account">
      <h2 className="govuk-heading-m" id="add-account">
        {t('users.addTitle')}
      </h2>
      {added && <SuccessBanner message={t('users.added', { email: added })} />}
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate className="govuk-!-width-two-thirds">
        <TextField
          id="displayName"
          label={t('users.name')}
          value={form.displayName}
          onChange={(e) => set('displayName')(e.target.value)}
          error={fieldError(problems, 'displayName')}
        />
        <TextField
          id="email"
          label={t('users.email')}
          type="email"
          spellCheck={false}
          value={form.email}
          onChange={(e) => set('email')(e.target.value)}
          error={fieldError(problems, 'email')}
        />
        <SelectField
          id="role"
          label={t('users.role')}
          hint={t('users.roleHint')}
          value={form.role}
          onChange={set('role')}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={fieldError(problems, 'role')}
        />
        <SelectField
          id="agencyId"
          label={t('users.agency')}
          value={form.agencyId}
          onChange={set('agencyId')}
          options={[{ value: '', label: t('users.chooseAgency') }, ...(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))]}
          error={fieldError(problems, 'agencyId')}
        />
        <TextField
          id="password"
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => set('password')(e.target.value)}
          error={fieldError(problems, 'password')}
        />
        <button type="submit" className="govuk-button" disabled={add.isPending}>
          {t('users.submit')}
        </button>
      </form>
    </section>
  );
}
