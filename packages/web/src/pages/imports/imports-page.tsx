import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, upload } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { FileField, SelectField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { TableScroll } from '../../components/table-scroll';
import type { ImportList, ImportSummary } from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';

const ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;

/**
 * Import a spreadsheet of referrals (CSV): upload it here, then choose what each column holds on
 * the import's own page. The agency's earlier imports are listed with what became of their rows.
 */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('imports.title'));
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string>('auto');
  const imports = useQuery({ queryKey: ['imports'], queryFn: () => api<ImportList>('GET', '/api/imports') });
  const send = useMutation({
    mutationFn: (chosen: File) => upload<ImportSummary>(`/api/imports?${new URLSearchParams({ name: chosen.name, encoding }).toString()}`, chosen, 'text/csv'),
    onSuccess: (summary) => void navigate(`/imports/${summary.id}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) send.mutate(file);
  };
  const problems = send.error ? problemsFrom(send.error, t) : imports.error ? problemsFrom(imports.error, t) : [];
  const fileError = fieldError(problems, 'file');
  const number = (n: number) => n.toLocaleString(i18n.language);

  return (
    <>
      <h1 className="govuk-heading-l">{t('imports.title')}</h1>
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      <p className="govuk-body">{t('imports.intro')}</p>
      <form onSubmit={submit} noValidate>
        <FileField id="file" label={t('imports.file')} hint={t('imports.fileHint')} error={fileError} accept=".csv,text/csv,.txt" onFile={setFile} />
        <SelectField
          id="encoding"
          label={t('imports.encoding')}
          hint={t('imports.encodingHint')}
          options={ENCODINGS.map((e) => ({ value: e, label: t(`imports.encodings.${e}`) }))}
          value={encoding}
          onChange={setEncoding}
        />
        <button type="submit" className="govuk-button" disabled={!file || send.isPending}>
          {t('imports.upload')}
        </button>
      </form>

      <h2 className="govuk-heading-m">{t('imports.previousTitle')}</h2>
      {imports.data && imports.data.imports.length === 0 && <p className="govuk-body">{t('imports.none')}</p>}
      {imports.data && imports.data.imports.length > 0 && (
        <TableScroll label={t('imports.previousTitle')}>
          <table className="govuk-table" id="imports">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('imports.columns.file')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('imports.columns.uploaded')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('imports.columns.status')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('imports.columns.rows')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('imports.columns.accepted')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('imports.columns.already')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('imports.columns.quarantined')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {imports.data.imports.map((i) => (
                <tr className="govuk-table__row" key={i.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/imports/${i.id}`}>
                      {i.fileName}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{new Date(i.createdAt).toLocaleString(dateLocale(i18n.language))}</td>
                  <td className="govuk-table__cell">{t(`imports.status.${i.status}`)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number(i.rowsTotal)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number(i.accepted)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number(i.already)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number(i.quarantined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
