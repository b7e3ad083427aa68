import type { CourseImage } from '@harbour/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../../api/client';
import { FileField, TextField } from '../../components/form/fields';
import { problemsFrom } from '../../components/form/problems';

/**
 * Adds a picture to a module's text in one language: the file is sent, kept by Harbour with only
 * its pixels, and its Markdown put at the end of the text with the words it shows, for a reader
 * who cannot see it. The author moves the line where the picture belongs.
 */
export function AddPicture({ id, onAdded }: { id: string; onAdded: (markdown: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [error, setError] = useState<{ field: 'file' | 'alt'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);

  const add = async () => {
    setAdded(false);
    if (!file) return setError({ field: 'file', message: t('training.authoring.picture.fileRequired') });
    if (!alt.trim()) return setError({ field: 'alt', message: t('training.authoring.picture.altRequired') });
    setBusy(true);
    try {
      const image = await upload<CourseImage>('/api/training/images', file, file.type || 'application/octet-stream');
      onAdded(`![${alt.trim().replace(/[[\]]/g, '')}](${image.url})`);
      setError(null);
      setAlt('');
      setAdded(true);
    } catch (failure) {
      setError({ field: 'file', message: problemsFrom(failure, t)[0]?.message ?? t('training.authoring.picture.fileRequired') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('training.authoring.picture.title')}</span>
      </summary>
      <div className="govuk-details__text">
        <FileField
          id={`${id}-picture`}
          label={t('training.authoring.picture.file')}
          hint={t('training.authoring.picture.fileHint')}
          accept="image/jpeg,image/png,image/webp"
          onFile={setFile}
          {...(error?.field === 'file' ? { error: error.message } : {})}
        />
        <TextField
          id={`${id}-picture-alt`}
          label={t('training.authoring.picture.alt')}
          hint={t('training.authoring.picture.altHint')}
          value={alt}
          onChange={(e) => setAlt(e.target.value)}
          {...(error?.field === 'alt' ? { error: error.message } : {})}
        />
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => void add()}>
          {t('training.authoring.picture.add')}
        </button>
        <p className="govuk-body-s" aria-live="polite">
          {added ? t('training.authoring.picture.added') : ''}
        </p>
      </div>
    </details>
  );
}
