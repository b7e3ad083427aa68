import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import type { PeopleComparison, PictureSettingsView } from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';

/** The team's two thresholds, and the match model: where it was learnt, and retraining it. */
export function PictureSettingsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('picture.settings.title'));
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['picture-settings'], queryFn: () => api<PictureSettingsView>('GET', '/api/picture/settings'), retry: false });
  // What the analyst is typing; until they type, the saved values.
  const [typed, setDraft] = useState<{ autoMerge: string; review: string }>();
  const draft = typed ?? { autoMerge: String(settings.data?.autoMerge ?? ''), review: String(settings.data?.review ?? '') };
  const [done, setDone] = useState<string>();
  const onSaved = (message: string) => (data: PictureSettingsView) => {
    client.setQueryData(['picture-settings'], data);
    setDone(message);
  };
  const save = useMutation({
    mutationFn: () => api<PictureSettingsView>('PUT', '/api/picture/settings', { autoMerge: Number(draft.autoMerge), review: Number(draft.review) }),
    onSuccess: onSaved(t('picture.settings.saved')),
  });
  const train = useMutation({ mutationFn: () => api<PictureSettingsView>('POST', '/api/picture/model'), onSuccess: onSaved(t('picture.settings.trained')) });
  const compare = useMutation({
    mutationFn: () => api<PeopleComparison>('POST', '/api/picture/people-comparison'),
    onSuccess: (result) => setDone(t('picture.settings.compared', result)),
  });
  const error = save.error ?? train.error ?? compare.error ?? settings.error;
  const problems = error ? problemsFrom(error, t) : [];
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const model = settings.data?.model;

  return (
    <>
      <h1 className="govuk-heading-l">{t('picture.settings.title')}</h1>
      {done && <SuccessBanner message={done} />}
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      <p className="govuk-body">{t('picture.settings.lead')}</p>
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setDone(undefined);
          save.mutate();
        }}
      >
        <TextField
          id="autoMerge"
          label={t('picture.settings.autoMerge')}
          hint={t('picture.settings.autoMergeHint')}
          inputMode="decimal"
          className="govuk-input--width-5"
          value={draft.autoMerge}
          onChange={(e) => setDraft({ ...draft, autoMerge: e.target.value })}
          error={fieldError(problems, 'autoMerge')}
        />
        <TextField
          id="review"
          label={t('picture.settings.review')}
          hint={t('picture.settings.reviewHint')}
          inputMode="decimal"
          className="govuk-input--width-5"
          value={draft.review}
          onChange={(e) => setDraft({ ...draft, review: e.target.value })}
          error={fieldError(problems, 'review')}
        />
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          {t('picture.settings.save')}
        </button>
      </form>
      <h2 className="govuk-heading-m">{t('picture.settings.model')}</h2>
      {model && (
        <p className="govuk-body">
          {model.source === 'store' && model.trainedAt
            ? t('picture.settings.modelStore', {
                version: model.version,
                records: model.records,
                decisions: model.decisions,
                date: when.format(new Date(model.trainedAt)),
              })
            : t('picture.settings.modelSynthetic')}
        </p>
      )}
      <p className="govuk-body">{t('picture.settings.trainHint')}</p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        disabled={train.isPending}
        onClick={() => {
          setDone(undefined);
          train.mutate();
        }}
      >
        {train.isPending ? t('picture.settings.training') : t('picture.settings.train')}
      </button>
      <h2 className="govuk-heading-m">{t('picture.settings.compareTitle')}</h2>
      <p className="govuk-body">{t('picture.settings.compareHint')}</p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        disabled={compare.isPending}
        onClick={() => {
          setDone(undefined);
          compare.mutate();
        }}
      >
        {compare.isPending ? t('picture.settings.comparing') : t('picture.settings.compare')}
      </button>
    </>
  );
}
