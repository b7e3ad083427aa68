import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AccountActivity, Session } from '@harbour/contract';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { dateLocale } from '../../i18n/locale';

/** Events the holder should notice: someone may be guessing. */
const WARNING_EVENTS = new Set(['session.sign-in-failed', 'session.second-factor-failed', 'session.second-factor-locked']);

/** "session.second-factor-failed" → "secondFactorFailed", the key of its words. */
function eventKey(action: string): string {
  return action.replace(/^(session|user)\./, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

export function AccountPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('account.title'));
  const activity = useQuery({
    queryKey: ['account-activity'],
    queryFn: () => api<AccountActivity>('GET', '/api/session/activity'),
    retry: false,
  });
  const at = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const change = useMutation({
    mutationFn: () => api('POST', '/api/session/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setProblems([]);
      setCurrent('');
      setNew('');
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const rows: [string, string][] = [
    [t('users.name'), session.user.displayName],
    [t('users.email'), session.user.email],
    [t('users.role'), t(`roles.${session.user.role}`)],
    [t('users.agency'), session.user.agencyName],
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('account.title')}</h1>
        <h2 className="govuk-heading-m">{t('account.details')}</h2>
        <dl className="govuk-summary-list">
          {rows.map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>
        <h2 className="govuk-heading-m">{t('account.changePassword')}</h2>
        {change.isSuccess && <SuccessBanner message={t('account.changed')} />}
        <ErrorSummary problems={problems} />
        <form onSubmit={submit} noValidate>
          <TextField
            id="currentPassword"
            label={t('account.current')}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
            error={fieldError(problems, 'currentPassword')}
          />
          <TextField
            id="newPassword"
            label={t('account.new')}
            hint={t('account.newHint')}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
            error={fieldError(problems, 'newPassword')}
          />
          <button type="submit" className="govuk-button" disabled={change.isPending}>
            {t('account.submit')}
          </button>
        </form>
        <h2 className="govuk-heading-m">{t('account.activity.title')}</h2>
        <p className="govuk-body">{t('account.activity.lead')}</p>
        {activity.data && (
          <table className="govuk-table" data-testid="account-activity">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('account.activity.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('account.activity.when')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('account.activity.what')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {activity.data.events.map((e, i) => (
                <tr className="govuk-table__row" key={`${e.at}-${i}`}>
                  <td className="govuk-table__cell">{at.format(new Date(e.at))}</td>
                  <td className="govuk-table__cell">
                    {WARNING_EVENTS.has(e.action) ? (
                      <strong>{t(`account.activity.events.${eventKey(e.action)}`)}</strong>
                    ) : (
                      t(`account.activity.events.${eventKey(e.action)}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
