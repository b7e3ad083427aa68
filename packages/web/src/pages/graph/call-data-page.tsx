import type { CallDataResult, CallDataView } from '@harbour/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { FileField, SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { TableScroll } from '../../components/table-scroll';
import { EXPLOITATION_TYPES } from '@harbour/contract/vocabulary';
import { Checkboxes } from './filter-fields';

/** The header row of a CSV file: its cells, unquoted. */
function headerOf(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
    .map((cell) =>
      cell
        .replace(/,$/, '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .replace(/""/g, '"'),
    )
    .filter((cell, i, all) => cell !== '' || i < all.length - 1);
}

/** A guess at which column holds what, from common call data headings. */
function guess(header: string[], words: RegExp): string {
  return header.find((h) => words.test(h)) ?? '';
}

/**
 * Import call data: a CSV of calls (caller, callee, and the time and duration if given) goes into
 * the picture as one graded piece of evidence; its numbers are matched to the phones already
 * known, and so to the people reported with them. Rows that cannot be read are listed by line.
 */
export function CallDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('callData.title'));
  const [name, setName] = useState('');
  const [csv, setCsv] = useState('');
  const [header, setHeader] = useState<string[]>([]);
  const [columns, setColumns] = useState({ from: '', to: '', at: '', duration: '' });
  const [grading, setGrading] = useState({ evaluation: '1', assessment: 'A', handling: 'P' });
  const [types, setTypes] = useState<string[] | undefined>();

  const send = useMutation({
    mutationFn: () =>
      api<CallDataResult>('POST', '/api/call-data', {
        name,
        csv,
        columns: { from: columns.from, to: columns.to, ...(columns.at ? { at: columns.at } : {}), ...(columns.duration ? { duration: columns.duration } : {}) },
        grading: `${grading.evaluation}${grading.assessment}${grading.handling}`,
        exploitationTypes: types ?? [],
      }),
  });
  const result = send.data;
  const view = useQuery({
    queryKey: ['call-data', result?.id],
    queryFn: () => api<CallDataView>('GET', `/api/call-data/${result!.id}`),
    enabled: !!result,
    // The picture takes the import in the background, within seconds.
    refetchInterval: (query) => (query.state.data?.pictured ? false : 1_500),
  });

  const choose = async (file: File | undefined) => {
    const text = file ? await file.text() : '';
    const cells = headerOf(text);
    setCsv(text);
    setHeader(cells);
    setColumns({
      from: guess(cells, /^(caller|calling|a[ _-]?(party|number)|from|originat)/i),
      to: guess(cells, /^(callee|called|b[ _-]?(party|number)|to|destination|dialled)/i),
      at: guess(cells, /(start|date|time|when)/i),
      duration: guess(cells, /(duration|length|seconds)/i),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const problems = send.error ? problemsFrom(send.error, t) : view.error ? problemsFrom(view.error, t) : [];
  const options = (optional: boolean) => [
    { value: '', label: t(optional ? 'callData.none' : 'callData.chooseColumn') },
    ...header.map((h) => ({ value: h, label: h })),
  ];
  const columnSelect = (key: keyof typeof columns, optional: boolean) => (
    <SelectField
      id={`columns.${key}`}
      label={t(`callData.columns.${key}`)}
      error={fieldError(problems, `columns.${key}`)}
      options={options(optional)}
      value={columns[key]}
      onChange={(value) => setColumns((c) => ({ ...c, [key]: value }))}
      disabled={header.length === 0}
    />
  );

  return (
    <>
      <Link className="govuk-back-link" to="/networks">
        {t('graph.chart.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('callData.title')}</h1>
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      {result && <SuccessBanner message={t('callData.imported', { reference: result.reference, calls: result.calls, numbers: result.numbers })} />}

      {!result && (
        <form onSubmit={submit} noValidate>
          <p className="govuk-body">{t('callData.intro')}</p>
          <TextField
            id="name"
            label={t('callData.name')}
            hint={t('callData.nameHint')}
            error={fieldError(problems, 'name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
          />
          <FileField
            id="csv"
            label={t('callData.file')}
            hint={t('callData.fileHint')}
            error={fieldError(problems, 'csv')}
            accept=".csv,text/csv"
            onFile={(file) => void choose(file ?? undefined)}
          />
          {columnSelect('from', false)}
          {columnSelect('to', false)}
          {columnSelect('at', true)}
          {columnSelect('duration', true)}
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('callData.grading')}</legend>
            <div className="app-filter-dates">
              {(
                [
                  ['evaluation', ['1', '2', '3']],
                  ['assessment', ['A', 'B', 'C', 'D', 'E']],
                  ['handling', ['P', 'C']],
                ] as const
              ).map(([part, values]) => (
                <div className="govuk-form-group" key={part}>
                  <label className="govuk-label" htmlFor={`grading-${part}`}>
                    {t(`callData.gradingParts.${part}`)}
                  </label>
                  <select
                    id={`grading-${part}`}
                    className="govuk-select"
                    value={grading[part]}
                    onChange={(e) => setGrading((g) => ({ ...g, [part]: e.target.value }))}
                  >
                    {values.map((v) => (
                      <option key={v} value={v}>
                        {t(`callData.gradingValues.${part}.${v}`)}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          <Checkboxes
            name="types"
            legend={t('callData.types')}
            options={EXPLOITATION_TYPES.map((x) => [x, t(`referral.types.${x}`)])}
            chosen={types}
            onChange={setTypes}
          />
          <button type="submit" className="govuk-button" disabled={send.isPending}>
            {t('callData.submit')}
          </button>
        </form>
      )}

      {result && (
        <>
          <p className="govuk-body">{t('callData.counts', { rows: result.rows, pairs: result.pairs, problems: result.problemCount })}</p>
          {result.problems.length > 0 && (
            <details className="govuk-details" open>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{t('callData.problemsTitle', { count: result.problemCount })}</span>
              </summary>
              <div className="govuk-details__text">
                <table className="govuk-table app-table--small">
                  <caption className="govuk-table__caption govuk-visually-hidden">{t('callData.problemsTitle', { count: result.problemCount })}</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t('callData.line')}
                      </th>
                      <th scope="col" className="govuk-table__header">
                        {t('callData.reason')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {result.problems.map((p) => (
                      <tr className="govuk-table__row" key={`${p.line}-${p.reason}`}>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{p.line}</td>
                        <td className="govuk-table__cell">{p.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
          <h2 className="govuk-heading-m">{t('callData.numbersTitle')}</h2>
          {!view.data?.pictured && (
            <p className="govuk-body" aria-live="polite">
              {t('callData.resolving')}
            </p>
          )}
          {view.data?.pictured && (
            <>
              <p className="govuk-body" aria-live="polite">
                {t('callData.known', { count: view.data.numbers.filter((n) => n.other_reports > 0).length, numbers: view.data.numbers.length })}
              </p>
              <Link className="govuk-button" to={`/chart?calls=${result.id}`}>
                {t('callData.chart')}
              </Link>
              <TableScroll label={t('callData.numbersTitle')}>
                <table className="govuk-table app-table--small">
                  <caption className="govuk-table__caption govuk-visually-hidden">{t('callData.numbersTitle')}</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        {t('callData.number')}
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t('callData.calls')}
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t('callData.otherReports')}
                      </th>
                      <th scope="col" className="govuk-table__header">
                        {t('callData.people')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {view.data.numbers.map((n) => (
                      <tr className="govuk-table__row" key={n.number}>
                        <td className="govuk-table__cell">
                          {n.entity_id ? (
                            <Link className="govuk-link" to={`/entities/${n.entity_id}`}>
                              {n.number}
                            </Link>
                          ) : (
                            n.number
                          )}
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{n.calls}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{n.other_reports}</td>
                        <td className="govuk-table__cell">
                          {n.people.map((p, i) => (
                            <span key={p.id}>
                              {i > 0 && ', '}
                              <Link className="govuk-link" to={`/entities/${p.id}`}>
                                {p.label}
                              </Link>
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )}
        </>
      )}
    </>
  );
}
