import type { HtcdsImported, HtcdsPartners } from '@harbour/contract';
import { SHARING_CATEGORIES } from '@harbour/contract/vocabulary';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { SelectField } from '../../components/form/fields';
import { MonthRangeFields } from '../figures/filter-form';
import { usePageTitle } from '../../components/page-title';

/**
 * Cases exchanged with other systems in the Human Trafficking Case Data Standard (HTCDS) v2.0:
 * download the reports of a span of months, or import a file, checked against the standard before
 * anything is stored; a file it refuses is explained field by field.
 */
export function HtcdsPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.htcds.title'));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [audience, setAudience] = useState('');
  const partners = useQuery({ queryKey: ['htcds-partners'], queryFn: () => api<HtcdsPartners>('GET', '/api/cases/htcds/partners') });
  const partner = partners.data?.partners.find((p) => p.id === audience);
  const [unreadable, setUnreadable] = useState(false);
  const upload = useMutation({
    mutationFn: async (chosen: File) => api<HtcdsImported>('POST', '/api/cases/htcds', JSON.parse(await chosen.text()) as unknown),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUnreadable(false);
    if (!file) return;
    upload.mutate(file, { onError: (error) => setUnreadable(error instanceof SyntaxError) });
  };
  const query = new URLSearchParams(Object.entries({ from, to, for: audience }).filter(([, v]) => v !== '')).toString();
  const allows = partner
    ? SHARING_CATEGORIES.filter((c) => partner.categories.includes(c))
        .map((c) => t(`cases.htcds.allows.${c}`))
        .join(', ') || t('cases.htcds.allowsNothingMore')
    : '';
  const refused = upload.error instanceof ApiError ? upload.error : null;

  return (
    <>
      <h1 className="govuk-heading-l">{t('cases.htcds.title')}</h1>
      <p className="govuk-body">{t('cases.htcds.intro')}</p>

      <h2 className="govuk-heading-m">{t('cases.htcds.exportTitle')}</h2>
      <div className="govuk-grid-row">
        <MonthRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} />
      </div>
      <SelectField
        id="htcds-for"
        label={t('cases.htcds.for')}
        hint={t('cases.htcds.forHint')}
        value={audience}
        onChange={setAudience}
        options={[
          { value: '', label: t('cases.htcds.forOwn') },
          ...(partners.data?.partners ?? []).map((p) => ({ value: p.id, label: t('cases.htcds.forPartner', { name: p.name, count: p.shared }) })),
        ]}
      />
      {partner && <p className="govuk-body">{t('cases.htcds.partnerTerms', { name: partner.name, allows })}</p>}
      <a className="govuk-button govuk-button--secondary" href={`/api/cases/htcds${query ? `?${query}` : ''}`} download>
        {t('cases.htcds.download')}
      </a>

      <h2 className="govuk-heading-m">{t('cases.htcds.importTitle')}</h2>
      {(refused ?? unreadable) && (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <h3 className="govuk-error-summary__title">{t('cases.htcds.refused')}</h3>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list" id="import-problems">
              {unreadable && <li>{t('cases.htcds.notJson')}</li>}
              {refused && refused.fields.length === 0 && <li>{refused.message}</li>}
              {refused?.fields.map((f) => (
                <li key={f.path}>{t('cases.htcds.fieldProblem', { path: f.path, message: f.message })}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {upload.data && (
        <div className="govuk-panel govuk-panel--confirmation" id="import-done">
          <h3 className="govuk-panel__title">{t('cases.htcds.imported', { count: upload.data.references.length })}</h3>
          {upload.data.already.length > 0 && (
            <div className="govuk-panel__body govuk-!-font-size-19">{t('cases.htcds.already', { count: upload.data.already.length })}</div>
          )}
        </div>
      )}
      {upload.data && (
        <ul className="govuk-list">
          {upload.data.references.map((reference) => (
            <li key={reference}>{reference}</li>
          ))}
          {upload.data.already.map((reference) => (
            <li key={reference}>{t('cases.htcds.alreadyOne', { reference })}</li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="htcds-file">
            {t('cases.htcds.file')}
          </label>
          <div id="htcds-file-hint" className="govuk-hint">
            {t('cases.htcds.fileHint')}
          </div>
          <input
            className="govuk-file-upload"
            id="htcds-file"
            name="htcds-file"
            type="file"
            accept="application/json,.json"
            aria-describedby="htcds-file-hint"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="govuk-button" disabled={!file || upload.isPending}>
          {t('cases.htcds.import')}
        </button>
      </form>
      <p className="govuk-body-s">
        {t('cases.htcds.attribution')}{' '}
        <Link className="govuk-link" to="/figures">
          {t('figures.behind.back')}
        </Link>
      </p>
    </>
  );
}
