import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../../components/form/fields';
import { MonthRangeFields } from './filter-form';
import { usePageTitle } from '../../components/page-title';
import { queryOf } from './filter-params';

/**
 * The research export: de-identified rows, one per potential victim, k-anonymous. The form only
 * builds the download's address; the server checks the choice and names any field it refuses.
 */
export function ResearchExportPage() {
  const { t } = useTranslation();
  usePageTitle(t('figures.research.title'));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [k, setK] = useState('11');
  const query = queryOf({ from, to }, { k });
  return (
    <>
      <Link className="govuk-back-link" to="/figures">
        {t('figures.behind.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('figures.research.title')}</h1>
      <p className="govuk-body">{t('figures.research.intro')}</p>
      <ul className="govuk-list govuk-list--bullet">
        {(['rows', 'fields', 'anonymity', 'audit'] as const).map((point) => (
          <li key={point}>{t(`figures.research.points.${point}`)}</li>
        ))}
      </ul>
      <div className="govuk-grid-row">
        <MonthRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <div className="govuk-grid-column-one-half">
          <TextField
            id="k"
            type="number"
            inputMode="numeric"
            min={2}
            className="govuk-input--width-4"
            label={t('figures.research.k')}
            hint={t('figures.research.kHint')}
            value={k}
            onChange={(e) => setK(e.target.value)}
          />
        </div>
      </div>
      <p className="govuk-body">{t('figures.research.marking')}</p>
      <a className="govuk-button" href={`/api/figures/research-export.csv?${query}`} download>
        {t('figures.research.download')}
      </a>
    </>
  );
}
