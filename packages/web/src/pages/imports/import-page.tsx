import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { RadiosField, SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { useSession } from '../../session/session';
import { SuccessBanner } from '../../components/success-banner';
import { IMPORT_FIELDS } from '@harbour/contract/vocabulary';
import type { DateOrder, ImportPreview, ImportSource, ImportSummary, QuarantinePage, QuarantinedRow, RowRetried } from '@harbour/contract';

/**
 * One import, as far as it has gone: choosing what each column holds, then a progress bar while
 * it runs, then what became of its rows, with the rows kept aside to put right one by one.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const summary = useQuery({
    queryKey: ['import', id],
    queryFn: () => api<ImportSummary>('GET', `/api/imports/${id}`),
    // A long import is read in the background: its progress is asked for every second.
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1_000 : false),
  });
  usePageTitle(summary.data ? `${t('imports.importTitle', { file: summary.data.fileName })}` : t('imports.title'));
  const problems = summary.error ? problemsFrom(summary.error, t) : [];

  return (
    <>
      <Link className="govuk-back-link" to="/imports">
        {t('imports.back')}
      </Link>
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      {summary.data && (
        <>
          <h1 className="govuk-heading-l">{t('imports.importTitle', { file: summary.data.fileName })}</h1>
          {summary.data.status === 'mapping' && <MappingForm summary={summary.data} />}
          {summary.data.status === 'running' && <Progress summary={summary.data} />}
          {(summary.data.status === 'done' || summary.data.status === 'failed') && <Outcome summary={summary.data} />}
        </>
      )}
    </>
  );
}

function MappingForm({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const preview = useQuery({ queryKey: ['import-preview', summary.id], queryFn: () => api<ImportPreview>('GET', `/api/imports/${summary.id}/preview`) });
  if (preview.error) return <ErrorSummary problems={problemsFrom(preview.error, t)} />;
  return preview.data ? <MappingChoices summary={summary} preview={preview.data} /> : null;
}

/** The choices start from the suggestion: the agency's last mapping, then the headings read. */
function MappingChoices({ summary, preview }: { summary: ImportSummary; preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const client = useQueryClient();
  const [columns, setColumns] = useState<string[]>(() => preview.suggested.map((f) => f ?? ''));
  const [dateOrder, setDateOrder] = useState<DateOrder>(preview.dateOrder);
  const [source, setSource] = useState<ImportSource>(preview.source);
  const [remember, setRemember] = useState(true);
  const start = useMutation({
    mutationFn: () => api<ImportSummary>('POST', `/api/imports/${summary.id}/start`, { columns: columns.map((c) => c || null), dateOrder, source, remember }),
    onSuccess: (started) => client.setQueryData(['import', summary.id], started),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  const problems = start.error ? problemsFrom(start.error, t) : [];
  const options = [{ value: '', label: t('imports.leaveOut') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.fields.${f}`) }))];

  return (
    <form onSubmit={submit} noValidate>
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      <h2 className="govuk-heading-m">{t('imports.mapTitle')}</h2>
      <p className="govuk-body">
        {t('imports.mapIntro', { rows: summary.rowsTotal.toLocaleString(i18n.language), encoding: t(`imports.encodings.${summary.encoding}`) })}
      </p>
      {summary.header.map((heading, at) => {
        const examples = preview.sample
          .map((row) => row[at] ?? '')
          .filter(Boolean)
          .slice(0, 3);
        return (
          <SelectField
            key={at}
            id={`columns.${at}`}
            label={heading}
            hint={examples.length > 0 ? t('imports.example', { values: examples.join(' · ') }) : t('imports.noExample')}
            error={fieldError(problems, `columns.${at}`)}
            options={options}
            value={columns[at] ?? ''}
            onChange={(value) => setColumns((c) => c.map((v, i) => (i === at ? value : v)))}
          />
        );
      })}
      <RadiosField
        name="dateOrder"
        legend={t('imports.dateOrder')}
        value={dateOrder}
        onChange={(v) => setDateOrder(v as DateOrder)}
        options={(['dmy', 'mdy', 'ymd'] as const).map((o) => [o, t(`imports.dateOrders.${o}`)])}
      />
      {/* Only a First Responder Organisation sends NRM referrals; others' rows are partner referrals. */}
      {session?.user.agencyFirstResponder && (
        <RadiosField
          name="source"
          legend={t('imports.source')}
          value={source}
          onChange={(v) => setSource(v as ImportSource)}
          options={(['partner', 'nrm'] as const).map((o) => [o, t(`imports.sources.${o}`)])}
        />
      )}
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="remember">
              {t('imports.remember')}
            </label>
          </div>
        </div>
      </div>
      <button type="submit" className="govuk-button" disabled={start.isPending}>
        {t('imports.start', { count: summary.rowsTotal, rows: summary.rowsTotal.toLocaleString(i18n.language) })}
      </button>
    </form>
  );
}

function Progress({ summary }: { summary: ImportSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor="import-progress">
        {t('imports.progressLabel')}
      </label>
      <progress id="import-progress" className="app-progress" max={summary.rowsTotal} value={summary.rowsDone} />
      <p className="govuk-body" aria-live="polite">
        {t('imports.progress', { done: summary.rowsDone.toLocaleString(i18n.language), total: summary.rowsTotal.toLocaleString(i18n.language) })}
      </p>
    </div>
  );
}

function Outcome({ summary }: { summary: ImportSummary }) {
  const { t, i18n } = useTranslation();
  const counts = (['accepted', 'already', 'empty', 'quarantined'] as const).map((k) => [k, summary[k]] as const);
  return (
    <>
      {summary.status === 'failed' && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">{t('imports.failed', { reason: summary.failure ?? '' })}</h2>
        </div>
      )}
      <h2 className="govuk-heading-m">{t('imports.doneTitle')}</h2>
      <dl className="govuk-summary-list" id="import-counts">
        {counts.map(([key, n]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{t(`imports.counts.${key}`)}</dt>
            <dd className="govuk-summary-list__value" data-count={key}>
              {n.toLocaleString(i18n.language)}
            </dd>
          </div>
        ))}
      </dl>
      <Quarantine summary={summary} />
    </>
  );
}

function Quarantine({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(1);
  const [message, setMessage] = useState('');
  const quarantine = useQuery({
    queryKey: ['import-quarantine', summary.id, shown],
    queryFn: async () => {
      const pages = await Promise.all(
        Array.from({ length: shown }, (_, page) => api<QuarantinePage>('GET', `/api/imports/${summary.id}/quarantine?offset=${page * 50}`)),
      );
      return { total: pages[0]?.total ?? 0, rows: pages.flatMap((p) => p.rows) };
    },
  });
  return (
    <>
      <h2 className="govuk-heading-m">{t('imports.quarantineTitle')}</h2>
      {message && <SuccessBanner message={message} />}
      {summary.quarantined === 0 && <p className="govuk-body">{t('imports.noneLeft')}</p>}
      {summary.quarantined > 0 && (
        <>
          <p className="govuk-body">{t('imports.quarantineIntro')}</p>
          <p className="govuk-body">
            <a className="govuk-link" href={`/api/imports/${summary.id}/quarantine.csv`} download>
              {t('imports.download')}
            </a>
          </p>
          {quarantine.data?.rows.map((row) => (
            <QuarantinedRowForm key={row.line} summary={summary} row={row} onDone={setMessage} />
          ))}
          {quarantine.data && quarantine.data.rows.length < quarantine.data.total && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setShown((s) => s + 1)}>
              {t('imports.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}

function QuarantinedRowForm({ summary, row, onDone }: { summary: ImportSummary; row: QuarantinedRow; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [cells, setCells] = useState(() => summary.header.map((_, at) => row.cells[at] ?? ''));
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['import', summary.id] });
    await client.invalidateQueries({ queryKey: ['import-quarantine', summary.id] });
  };
  const fix = useMutation({
    mutationFn: () => api<RowRetried>('POST', `/api/imports/${summary.id}/quarantine/${row.line}`, { cells }),
    onSuccess: async ({ reference, already }) => {
      onDone(t(already ? 'imports.fixedAlready' : 'imports.fixed', { line: row.line, reference }));
      await refresh();
    },
  });
  const discard = useMutation({
    mutationFn: () => api<undefined>('DELETE', `/api/imports/${summary.id}/quarantine/${row.line}`),
    onSuccess: async () => {
      onDone(t('imports.discarded', { line: row.line }));
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    fix.mutate();
  };
  // Every row's form is on the page at once: its fields' ids carry its line, so each is unique.
  const prefix = `line-${row.line}-`;
  const problems = (fix.error ? problemsFrom(fix.error, t) : discard.error ? problemsFrom(discard.error, t) : []).map((p) =>
    p.field ? { ...p, field: `${prefix}${p.field}` } : p,
  );
  const mapped = (summary.mapping?.columns ?? []).map((field, at) => ({ field, at })).filter((c) => c.field !== null);
  // The row's own problems by column until a re-submission answers with its own.
  const first = (at: number) =>
    fieldError(problems, `${prefix}cells.${at}`) ??
    (fix.error
      ? undefined
      : row.problems
          .filter((p) => p.column === summary.header[at])
          .map((p) => p.reason)
          .join('; ') || undefined);

  return (
    <details className="govuk-details" id={`line-${row.line}`} data-line={row.line}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {t('imports.line', { line: row.line })}: {row.problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; ')}
        </span>
      </summary>
      <div className="govuk-details__text">
        <form onSubmit={submit} noValidate>
          {problems.length > 0 && <ErrorSummary problems={problems} />}
          {row.cells.length === 0 && <p className="govuk-body">{t('imports.unreadable')}</p>}
          {mapped.map(({ field, at }) => (
            <TextField
              key={at}
              id={`${prefix}cells.${at}`}
              label={`${summary.header[at]} (${t(`imports.fields.${field!}`)})`}
              error={first(at)}
              value={cells[at] ?? ''}
              onChange={(e) => {
                const value = e.target.value;
                setCells((c) => c.map((v, i) => (i === at ? value : v)));
              }}
            />
          ))}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={fix.isPending}>
              {t('imports.fix')}
            </button>
            <button type="button" className="govuk-button govuk-button--warning" disabled={discard.isPending} onClick={() => discard.mutate()}>
              {t('imports.discard')}
            </button>
          </div>
        </form>
      </div>
    </details>
  );
}
