import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AccessGrant, AccessGrantList, Account } from '@harbour/contract';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { SuccessBanner } from '../../components/success-banner';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';

const PURPOSE_LIMIT = 500;

/**
 * A researcher works on de-identified and aggregate data; a supervisor grants named access
 * (reports and the picture, read only) for a stated purpose and a number of days, and may end it.
 */
export function NamedAccess({ accounts }: { accounts: readonly Account[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const grants = useQuery({ queryKey: ['access-grants'], queryFn: () => api<AccessGrantList>('GET', '/api/access-grants') });
  const researchers = accounts.filter((a) => a.role === 'researcher' && !a.disabled);
  const [userId, setUserId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [days, setDays] = useState('30');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['access-grants'] });
  const grant = useMutation({
    mutationFn: () => api<AccessGrant>('POST', '/api/access-grants', { userId, purpose, days: Number(days) }),
    onSuccess: async (g) => {
      setProblems([]);
      setPurpose('');
      setDone(t('namedAccess.granted', { name: g.userName }));
      await refresh();
    },
    onError: (error) => {
      setDone(null);
      setProblems(
        problemsFrom(error, t, {
          userId: t('namedAccess.chooseResearcher'),
          purpose: t('namedAccess.purposeNeeded'),
          days: t('namedAccess.daysRange', { most: grants.data?.mostDays ?? 90 }),
        }),
      );
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<AccessGrant>('POST', `/api/access-grants/${id}/revoke`),
    onSuccess: async (g) => {
      setDone(t('namedAccess.ended', { name: g.userName }));
      await refresh();
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!wholeDaysUpTo(days, grants.data?.mostDays ?? 90)) {
      setProblems([{ field: 'days', message: t('namedAccess.daysRange', { most: grants.data?.mostDays ?? 90 }) }]);
      return;
    }
    grant.mutate();
  };
  const date = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div>
      <h2 className="govuk-heading-m" id="named-access">
        {t('namedAccess.title')}
      </h2>
      <p className="govuk-body">{t('namedAccess.lead')}</p>
      {done && <SuccessBanner message={done} />}
      <ErrorSummary problems={problems} />
      {grants.data && grants.data.grants.length > 0 && (
        <TableScroll label={t('namedAccess.title')}>
          <table className="govuk-table" data-testid="access-grants">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('namedAccess.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {(['researcher', 'purpose', 'grantedBy', 'until', 'status'] as const).map((c) => (
                  <th scope="col" className="govuk-table__header" key={c}>
                    {t(`namedAccess.${c}`)}
                  </th>
                ))}
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">{t('namedAccess.end')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {grants.data.grants.map((g) => (
                <tr className="govuk-table__row" key={g.id}>
                  <th scope="row" className="govuk-table__header">
                    {g.userName}
                  </th>
                  <td className="govuk-table__cell">{g.purpose}</td>
                  <td className="govuk-table__cell">{g.grantedBy}</td>
                  <td className="govuk-table__cell">{date.format(new Date(g.revokedAt ?? g.expiresAt))}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${g.inForce ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
                      {g.inForce ? t('namedAccess.inForce') : g.revokedAt ? t('namedAccess.endedEarly') : t('namedAccess.ranOut')}
                    </strong>
                  </td>
                  <td className="govuk-table__cell">
                    {g.inForce && (
                      <button
                        type="button"
                        className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(g.id)}
                      >
                        {t('namedAccess.end')}
                        <span className="govuk-visually-hidden"> {g.userName}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {researchers.length === 0 ? (
        <p className="govuk-body">{t('namedAccess.noResearchers')}</p>
      ) : (
        <form onSubmit={submit} noValidate className="govuk-!-width-two-thirds">
          <h3 className="govuk-heading-s">{t('namedAccess.grantTitle')}</h3>
          <SelectField
            id="userId"
            label={t('namedAccess.researcher')}
            value={userId}
            onChange={setUserId}
            options={[{ value: '', label: t('namedAccess.chooseResearcher') }, ...researchers.map((r) => ({ value: r.id, label: r.displayName }))]}
            error={fieldError(problems, 'userId')}
          />
          <TextAreaField
            id="purpose"
            label={t('namedAccess.purpose')}
            hint={t('namedAccess.purposeHint')}
            rows={3}
            limit={PURPOSE_LIMIT}
            value={purpose}
            onChange={setPurpose}
            error={fieldError(problems, 'purpose')}
          />
          <TextField
            id="days"
            label={t('namedAccess.days')}
            hint={t('namedAccess.daysHint', { most: grants.data?.mostDays ?? 90 })}
            inputMode="numeric"
            className="govuk-input--width-3"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={fieldError(problems, 'days')}
          />
          <button type="submit" className="govuk-button" disabled={grant.isPending}>
            {t('namedAccess.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

/** A whole number of days from 1 to `most`, as typed. */
function wholeDaysUpTo(typed: string, most: number): boolean {
  const days = /^\d+$/.test(typed.trim()) ? Number(typed) : 0;
  return days === Math.min(Math.max(days, 1), most);
}
