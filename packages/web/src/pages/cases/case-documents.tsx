import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument, CaseView } from '@harbour/contract';
import { api, upload } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { FileField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { dateLocale } from '../../i18n/locale';

/** What the file picker offers; the server decides from the bytes whatever the picker let through. */
const ACCEPT = '.pdf,.docx,.xlsx,.odt,.ods,.jpg,.jpeg,.png,.txt,.csv';

/**
 * A case's documents: each a download (never opened inside Harbour), with who added it and why it
 * is there; those who work the case add documents and take one off with a reason.
 */
export function CaseDocuments({ c, when }: { c: CaseView; when: (at: string) => string }) {
  const { t } = useTranslation();
  const kept = c.documents.filter((d) => d.removed === null);
  const removed = c.documents.filter((d) => d.removed !== null);
  return (
    <section aria-labelledby="case-documents">
      <h2 className="govuk-heading-m" id="case-documents">
        {t('pursue.documents.heading')}
      </h2>
      {kept.length === 0 && <p className="govuk-body">{t('pursue.documents.none')}</p>}
      <ul className="govuk-list" id="case-document-list">
        {kept.map((d) => (
          <DocumentItem key={d.id} c={c} d={d} when={when} />
        ))}
      </ul>
      {removed.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t('pursue.documents.removedCount', { count: removed.length })}</span>
          </summary>
          <ul className="govuk-details__text govuk-list">
            {removed.map((d) => (
              <li key={d.id}>
                {d.fileName} — {t('pursue.documents.removedBy', { name: d.removed!.by, when: when(d.removed!.at) })}
                <br />
                <span className="app-preserve-lines">{d.removed!.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {c.canWork && <AddDocument c={c} />}
    </section>
  );
}

function DocumentItem({ c, d, when }: { c: CaseView; d: CaseDocument; when: (at: string) => string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const remove = useMutation({
    mutationFn: () => api<CaseView>('POST', `/api/cases/${c.id}/documents/${d.id}/remove`, { reason }),
    onSuccess: (view) => client.setQueryData(['case', c.id], view),
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const size = new Intl.NumberFormat(dateLocale(i18n.language), {
    style: 'unit',
    unit: d.sizeBytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(d.sizeBytes >= 1024 * 1024 ? d.sizeBytes / (1024 * 1024) : Math.max(0.1, d.sizeBytes / 1024));
  const reasonId = `remove-${d.id}`;
  return (
    <li className="govuk-!-margin-bottom-4" data-document={d.id}>
      <a className="govuk-link" href={`/api/cases/${c.id}/documents/${d.id}`} download={d.fileName}>
        {d.fileName}
        <span className="govuk-visually-hidden"> ({t('pursue.documents.download')})</span>
      </a>{' '}
      <span className="govuk-body-s">
        ({t(`pursue.documents.kind.${d.kind}`)}, {size})
      </span>
      <br />
      <span className="govuk-body-s">{t('pursue.documents.addedBy', { name: d.uploadedBy, when: when(d.uploadedAt) })}</span>
      {d.description && <p className="govuk-body-s govuk-!-margin-bottom-1 app-preserve-lines">{d.description}</p>}
      {c.canWork && !removing && (
        <p className="govuk-body-s">
          <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => setRemoving(true)}>
            {t('pursue.documents.remove')}
            <span className="govuk-visually-hidden"> {d.fileName}</span>
          </button>
        </p>
      )}
      {removing && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate();
          }}
        >
          <ErrorSummary problems={problems.map((p) => (p.field === 'reason' ? { ...p, field: reasonId } : p))} />
          <TextAreaField
            id={reasonId}
            label={t('pursue.documents.removeReason', { name: d.fileName })}
            value={reason}
            onChange={setReason}
            rows={2}
            limit={2000}
            error={fieldError(problems, 'reason')}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" disabled={remove.isPending}>
              {t('pursue.documents.confirmRemove')}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setRemoving(false)}>
              {t('pursue.documents.keep')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function AddDocument({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [key, setKey] = useState(0);
  const send = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      return upload<CaseView>(`/api/cases/${c.id}/documents`, file, 'application/octet-stream', {
        'x-file-name': encodeURIComponent(file.name),
        ...(description.trim() ? { 'x-description': encodeURIComponent(description.trim()) } : {}),
      });
    },
    onSuccess: (view) => {
      client.setQueryData(['case', c.id], view);
      setFile(null);
      setDescription('');
      setProblems([]);
      // A new input: the browser keeps no trace of the file just sent.
      setKey((k) => k + 1);
    },
    onError: (error) => setProblems(problemsFrom(error, t, { 'x-description': t('pursue.documents.descriptionTooLong') })),
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return setProblems([{ field: 'document-file', message: t('pursue.documents.chooseFile') }]);
        send.mutate();
      }}
    >
      <h3 className="govuk-heading-s">{t('pursue.documents.add')}</h3>
      <ErrorSummary
        problems={problems.map((p) =>
          p.field === 'file' ? { ...p, field: 'document-file' } : p.field === 'x-description' ? { ...p, field: 'document-description' } : p,
        )}
      />
      <FileField
        key={key}
        id="document-file"
        label={t('pursue.documents.file')}
        hint={t('pursue.documents.fileHint')}
        accept={ACCEPT}
        error={fieldError(problems, 'file') ?? fieldError(problems, 'document-file')}
        onFile={setFile}
      />
      <TextField
        id="document-description"
        label={t('pursue.documents.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        limit={500}
        error={fieldError(problems, 'x-description')}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={send.isPending}>
        {t('pursue.documents.upload')}
      </button>
    </form>
  );
}
