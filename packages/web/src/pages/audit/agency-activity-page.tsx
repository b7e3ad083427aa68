import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AgencyActivity } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { TableScroll } from '../../components/table-scroll';
import { LogPages } from '../../components/log-pages';
import { dateLocale } from '../../i18n/locale';

type Filters = Record<'actorId' | 'from' | 'to', string>;
const EMPTY: Filters = { actorId: '', from: '', to: '' };

/**
 * A partner agency's administrator reads what the agency's own accounts did in Harbour: which
 * shared cases they opened, which tasks they recorded, what they referred and imported, when
 * they signed in. Filters live in the address so a view can be kept and sent on.
 */
export function AgencyActivityPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied: Filters = { actorId: params.get('actorId') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const before = params.get('before') ?? '';
  const [draft, setDraft] = useState<Filters>(applied);
  const query = new URLSearchParams(Object.entries({ ...applied, before }).filter(([, v]) => v !== ''));
  const log = useQuery({
    queryKey: ['agency-activity', query.toString()],
    queryFn: () => api<AgencyActivity>('GET', `/api/agency/activity?${query.toString()}`),
    retry: false,
  });
  const problems = log.error ? problemsFrom(log.error, t).map((p) => ({ ...p, field: p.field?.replace(/^querystring\./, '') })) : [];
  usePageTitle(t('agencyActivity.title'), problems.length > 0);
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
  const entries = log.data?.entries ?? [];
  const oldest = entries[entries.length - 1];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(Object.entries(draft).filter(([, v]) => v.trim() !== '')));
  };
  const actionWords = (action: string) => t(`agencyActivity.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });

  return (
    <>
      <h1 className="govuk-heading-l">{t('agencyActivity.title')}</h1>
      <p className="govuk-body">{t('agencyActivity.lead')}</p>
      <ErrorSummary problems={problems} />
      <form onSubmit={apply} noValidate aria-labelledby="activity-filters">
        <h2 className="govuk-heading-s" id="activity-filters">
          {t('agencyActivity.filters')}
        </h2>
        <SelectField
          id="actorId"
          label={t('agencyActivity.who')}
          value={draft.actorId}
          onChange={(v) => setDraft({ ...draft, actorId: v })}
          options={[
            { value: '', label: t('agencyActivity.everyone') },
            ...(log.data?.staff ?? []).map((s) => ({ value: s.id, label: s.disabled ? t('agencyActivity.disabledAccount', { name: s.name }) : s.name })),
          ]}
        />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextField
              id="from"
              label={t('audit.from')}
              hint={t('audit.dateHint')}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              error={fieldError(problems, 'from')}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextField
              id="to"
              label={t('audit.to')}
              hint={t('audit.dateHint')}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              error={fieldError(problems, 'to')}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            {t('common.apply')}
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              setDraft(EMPTY);
              setParams(new URLSearchParams());
            }}
          >
            {t('common.clear')}
          </button>
        </div>
      </form>
      {log.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {log.data && entries.length === 0 && <p className="govuk-body">{t('agencyActivity.empty')}</p>}
      {entries.length > 0 && (
        <TableScroll label={t('agencyActivity.title')}>
          <table className="govuk-table" id="agency-activity">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('agencyActivity.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('audit.when')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('agencyActivity.who')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('agencyActivity.what')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('agencyActivity.record')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entries.map((e) => (
                <tr className="govuk-table__row" key={e.seq} data-action={e.action}>
                  <td className="govuk-table__cell">{when.format(new Date(e.at))}</td>
                  <td className="govuk-table__cell">{e.actorName}</td>
                  <td className="govuk-table__cell">{actionWords(e.action)}</td>
                  <td className="govuk-table__cell">
                    {e.subjectType === 'case' && e.subjectId ? (
                      <Link className="govuk-link" to={`/shared/${e.subjectId}`}>
                        {t('agencyActivity.sharedCase', { id: e.subjectId.slice(0, 8) })}
                      </Link>
                    ) : e.subjectType ? (
                      `${e.subjectType} ${(e.subjectId ?? '').slice(0, 8)}`
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LogPages label={t('agencyActivity.pages')} oldestSeq={oldest?.seq} full={entries.length === 50} />
    </>
  );
}
