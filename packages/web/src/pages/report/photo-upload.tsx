import { useState } from 'react';
import { FileField } from '../../components/form/fields';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { problemsFrom } from '../../components/form/problems';

const MAX_BYTES = 8 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** Adds a photo to a report with its reference and passphrase; the server strips its metadata. */
export function PhotoUpload({ reference, passphrase }: { reference: string; passphrase: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    if (!file) return;
    if (!TYPES.includes(file.type)) return setError(t('report.photoWrongType'));
    if (file.size > MAX_BYTES) return setError(t('report.photoTooLarge'));
    setBusy(true);
    try {
      const response = await fetch('/api/public/follow-up/photos', {
        method: 'POST',
        headers: { 'content-type': file.type, 'x-reference': reference, 'x-passphrase': passphrase },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { photos?: number; error?: { code: string; message: string } };
      if (!response.ok) throw new ApiError(response.status, body.error?.code ?? 'unknown', body.error?.message ?? '');
      setCount(body.photos ?? null);
      setError(null);
      setFile(null);
    } catch (e) {
      const message = (error: ApiError) =>
        error.status === 413
          ? t('report.photoTooLarge')
          : error.status === 400
            ? t('report.photoWrongType')
            : problemsFrom(error, t, {}, { locked: t('report.followUp.locked') })[0]!.message;
      setError(e instanceof ApiError ? message(e) : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FileField
      id="photo"
      label={t('report.photoLabel')}
      hint={t('report.photoHint')}
      error={error ?? undefined}
      accept="image/jpeg,image/png,image/webp"
      onFile={setFile}
    >
      <div className="govuk-!-margin-top-3">
        <button type="button" className="govuk-button govuk-button--secondary" disabled={!file || busy} onClick={() => void upload()}>
          {t('report.photoUpload')}
        </button>
      </div>
      {count !== null && (
        <p className="govuk-body" role="status">
          {t('report.photoAdded', { count })}
        </p>
      )}
    </FileField>
  );
}
