import { EXPLOITATION_TYPES, REPORT_SOURCES } from '@harbour/contract/vocabulary';
import type { TriageList } from '@harbour/contract';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/table-scroll';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { BandTag } from '../../components/band-tag';
import { ErrorSummary } from '../../components/form/error-summary';
import { SelectField, TextField } from '../../components/form/fields';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';

/** The team's queue: filters live in the address so a view can be shared. */
export function TriagePage() {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  usePageTitle(t('triage.title'));
  const [params, setParams] = useSearchParams();
  const keys = ['area', 'type', 'source', 'child', 'status', 'reference'] as const;
  const applied = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof keys)[number], string>;
  const [draft, setDraft] = useState(applied);
  const query = new URLSearchParams(Object.entries(applied).filter(([, v]) => v));
  const queue = useQuery({
    queryKey: ['triage', query.toString()],
    queryFn: () => api<TriageList>('GET', `/api/triage?${query.toString()}`),
    retry: false,
  });
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const areaName = (code: string | null) => forceAreas.nameOf(code) ?? '';

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(Object.entries(draft).filter(([, v]) => v)));
  };

  return (
    <>
      <h1 className="govuk-heading-l">{t('triage.title')}</h1>
      <p className="govuk-body">{t('triage.lead')}</p>
      {queue.error && <ErrorSummary problems={problemsFrom(queue.error, t)} />}
      <form onSubmit={apply} noValidate aria-labelledby="triage-filters">
        <h2 className="govuk-heading-s" id="triage-filters">
          {t('triage.filters')}
        </h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <SelectField
              id="area"
              label={t('triage.area')}
              value={draft.area}
              onChange={(v) => setDraft({ ...draft, area: v })}
              options={[{ value: '', label: t('triage.anyArea') }, ...forceAreas.options]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <SelectField
              id="type"
              label={t('triage.type')}
              value={draft.type}
              onChange={(v) => setDraft({ ...draft, type: v })}
              options={[{ value: '', label: t('triage.anyType') }, ...EXPLOITATION_TYPES.map((x) => ({ value: x, label: t(`referral.types.${x}`) }))]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <SelectField
              id="source"
              label={t('triage.source')}
              value={draft.source}
              onChange={(v) => setDraft({ ...draft, source: v })}
              options={[{ value: '', label: t('triage.anySource') }, ...REPORT_SOURCES.map((x) => ({ value: x, label: t(`sources.${x}`) }))]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <SelectField
              id="child"
              label={t('triage.child')}
              value={draft.child}
              onChange={(v) => setDraft({ ...draft, child: v })}
              options={[
                { value: '', label: t('triage.anyChild') },
                { value: 'yes', label: t('common.yes') },
                { value: 'no', label: t('common.no') },
              ]}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <SelectField
              id="status"
              label={t('triage.status')}
              value={draft.status}
              onChange={(v) => setDraft({ ...draft, status: v })}
              options={(['new', 'triaged', 'closed'] as const).map((x) => ({ value: x === 'new' ? '' : x, label: t(`reportView.statuses.${x}`) }))}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextField
              id="reference"
              label={t('triage.findReference')}
              hint={t('triage.findReferenceHint')}
              autoComplete="off"
              spellCheck={false}
              className="govuk-input--width-20"
              value={draft.reference}
              onChange={(e) => setDraft({ ...draft, reference: e.target.value })}
            />
          </div>
        </div>
        <button type="submit" className="govuk-button">
          {t('common.apply')}
        </button>
      </form>
      {queue.data && queue.data.items.length === 0 && <p className="govuk-body">{t('triage.empty')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <TableScroll label={t('triage.title')}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('triage.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('triage.reference')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('triage.score')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('triage.received')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('triage.area')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('triage.summary')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queue.data.items.map((item) => (
                <tr className="govuk-table__row" key={item.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/triage/${item.id}`}>
                      {item.reference}
                    </Link>
                    <span className="app-table-hint">{t(`sources.${item.source}`)}</span>
                  </th>
                  <td className="govuk-table__cell">
                    <BandTag band={item.triageBand} score={item.triageScore} />
                    {item.involvesChild && <strong className="govuk-tag govuk-tag--purple app-tag-gap">{t('triage.childTag')}</strong>}
                  </td>
                  <td className="govuk-table__cell">{when.format(new Date(item.receivedAt))}</td>
                  <td className="govuk-table__cell">{[areaName(item.localAuthority), item.town].filter(Boolean).join(', ')}</td>
                  <td className="govuk-table__cell">{item.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
