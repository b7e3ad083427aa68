import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CaseList } from '@harbour/contract';
import { CASE_STATUSES } from '@harbour/contract/vocabulary';
import { api } from '../../api/client';
import { SelectField } from '../../components/form/fields';
import { usePageTitle } from '../../components/page-title';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';
import { CaseStatusTag } from './case-status-tag';

/** The force's cases: open ones by default, most recently changed first; the filter lives in the address. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('pursue.list.title'));
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const mine = params.get('mine') === 'true';
  const query = new URLSearchParams({ ...(status !== 'all' ? { status } : {}), ...(mine ? { mine: 'true' } : {}) });
  const cases = useQuery({ queryKey: ['cases', query.toString()], queryFn: () => api<CaseList>('GET', `/api/cases?${query.toString()}`) });
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeZone: 'Europe/London' });
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next);
  };

  return (
    <>
      <h1 className="govuk-heading-l">{t('pursue.list.title')}</h1>
      <p className="govuk-body">{t('pursue.list.lead')}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SelectField
            id="status"
            label={t('pursue.list.status')}
            value={status}
            onChange={(v) => set('status', v)}
            options={[
              { value: 'open', label: t('pursue.list.open') },
              { value: 'all', label: t('pursue.list.all') },
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`pursue.status.${s}`) })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="mine"
                  type="checkbox"
                  checked={mine}
                  onChange={(e) => set('mine', e.target.checked ? 'true' : null)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="mine">
                  {t('pursue.list.mine')}
                </label>
              </div>
            </div>
          </div>
        </div>
      </div>
      {cases.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {cases.data && cases.data.cases.length === 0 && <p className="govuk-body">{t('pursue.list.none')}</p>}
      {cases.data && cases.data.cases.length > 0 && (
        <TableScroll label={t('pursue.list.title')}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('pursue.list.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('pursue.list.case')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('pursue.list.status')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('pursue.officer')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('pursue.list.victims')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('pursue.list.suspects')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('pursue.list.updated')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {cases.data.cases.map((c) => (
                <tr className="govuk-table__row" key={c.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/cases/${c.id}`}>
                      {c.reference}
                    </Link>
                    <br />
                    {c.title}
                  </td>
                  <td className="govuk-table__cell">
                    <CaseStatusTag status={c.status} />
                    {c.closeRequested && <strong className="govuk-tag govuk-tag--yellow app-tag-gap">{t('pursue.closeRequestedTag')}</strong>}
                  </td>
                  <td className="govuk-table__cell">{c.officerInCharge ?? t('pursue.noOfficer')}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.victims.toLocaleString(dateLocale(i18n.language))}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.suspects.toLocaleString(dateLocale(i18n.language))}</td>
                  <td className="govuk-table__cell">{when.format(new Date(c.updatedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
