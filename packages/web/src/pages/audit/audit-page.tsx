import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/table-scroll';
import { LogPages } from '../../components/log-pages';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { AuditPage } from '@harbour/contract';
import { ErrorSummary } from '../../components/form/error-summary';
import { SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';

type Filters = Record<'action' | 'from' | 'to' | 'actorId', string>;

/** Filters live in the address, so a filtered view can be bookmarked and shared between admins. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied: Filters = {
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    actorId: params.get('actorId') ?? '',
  };
  const before = params.get('before') ?? '';
  const [draft, setDraft] = useState<Filters>(applied);
  const query = new URLSearchParams(Object.entries({ ...applied, before }).filter(([, v]) => v !== ''));
  query.set('limit', '50');
  const log = useQuery({
    queryKey: ['audit', query.toString()],
    queryFn: () => api<AuditPage>('GET', `/api/audit?${query.toString()}`),
    retry: false,
  });
  const problems = log.error ? problemsFrom(log.error, t, {}).map((p) => ({ ...p, field: p.field?.replace(/^querystring\./, '') })) : [];
  usePageTitle(t('audit.title'), problems.length > 0);
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(Object.entries(draft).filter(([, v]) => v.trim() !== '')));
  };
  const entries = log.data?.entries ?? [];
  const oldest = entries[entries.length - 1];

  return (
    <>
      <h1 className="govuk-heading-l">{t('audit.title')}</h1>
      <p className="govuk-body">{t('audit.lead')}</p>
      <ErrorSummary problems={problems} />
      <form onSubmit={apply} noValidate aria-labelledby="audit-filters">
        <h2 className="govuk-heading-s" id="audit-filters">
          {t('audit.filters')}
        </h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <SelectField
              id="action"
              label={t('audit.action')}
              value={draft.action}
              onChange={(v) => setDraft({ ...draft, action: v })}
              options={[{ value: '', label: t('audit.allActions') }, ...(log.data?.actions ?? []).map((a) => ({ value: a, label: a }))]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField
              id="from"
              label={t('audit.from')}
              hint={t('audit.dateHint')}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              error={fieldError(problems, 'from')}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField
              id="to"
              label={t('audit.to')}
              hint={t('audit.dateHint')}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              error={fieldError(problems, 'to')}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField
              id="actorId"
              label={t('audit.actor')}
              spellCheck={false}
              value={draft.actorId}
              onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}
              error={fieldError(problems, 'actorId')}
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
              setDraft({ action: '', from: '', to: '', actorId: '' });
              setParams(new URLSearchParams());
            }}
          >
            {t('common.clear')}
          </button>
        </div>
      </form>
      {log.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {log.data && entries.length === 0 && <p className="govuk-body">{t('audit.empty')}</p>}
      {entries.length > 0 && (
        <TableScroll label={t('audit.title')}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('audit.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  #
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('audit.when')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('audit.who')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('audit.action')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('audit.subject')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('audit.details')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entries.map((e) => (
                <tr className="govuk-table__row" key={e.seq}>
                  <td className="govuk-table__cell">{e.seq}</td>
                  <td className="govuk-table__cell">{when.format(new Date(e.at))}</td>
                  <td className="govuk-table__cell">{e.actorId ? `${t(`roles.${e.actorRole ?? 'officer'}`)} ${e.actorId.slice(0, 8)}` : t('audit.system')}</td>
                  <td className="govuk-table__cell">
                    <code>{e.action}</code>
                  </td>
                  <td className="govuk-table__cell">{e.subjectType ? `${e.subjectType} ${(e.subjectId ?? '').slice(0, 8)}` : ''}</td>
                  <td className="govuk-table__cell app-details-cell">{Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LogPages label={t('audit.title')} oldestSeq={oldest?.seq} full={entries.length === 50} />
    </>
  );
}
