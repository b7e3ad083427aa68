import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FOUR_P, PROFILE_TEXT_LIMIT } from '@harbour/contract/vocabulary';
import type { AuthoredProfile, ProfileWriting } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { useUnsavedWarning } from '../../components/unsaved-warning';
import { dateLocale } from '../../i18n/locale';
import { hasPermission, useSession } from '../../session/session';
import { ProfileArticle } from './profile-article';
import { ProfileStatusTag } from './written-profiles-page';

/**
 * One written problem profile: its writer's words (while a draft, for those who write profiles)
 * above the document they make with the figures, as it will print.
 */
export function WrittenProfilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const found = useQuery({ queryKey: ['written-profile', id], queryFn: () => api<AuthoredProfile>('GET', `/api/profiles/${id}`), retry: false });
  // Kept here: the form starts afresh from each version saved, and says the save was made.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  usePageTitle(found.data?.title ?? t('figures.written.title'));
  if (found.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!found.data) return <ErrorSummary problems={found.error ? problemsFrom(found.error, t) : []} />;
  const p = found.data;
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(
    new Date(p.updatedAt),
  );
  const writable = p.status === 'draft' && hasPermission(session, 'figures:export');
  return (
    <>
      <Link className="govuk-back-link" to="/figures/profiles">
        {t('figures.written.back')}
      </Link>
      <h1 className="govuk-heading-l">
        {p.title} <ProfileStatusTag status={p.status} />
      </h1>
      <p className="govuk-body-s">{t('figures.written.changedBy', { name: p.updatedBy, when })}</p>
      {p.status === 'issued' && <div className="govuk-inset-text">{t('figures.written.issued')}</div>}
      {/* Keyed by version: what was saved (here or by a colleague) is what the form starts from again. */}
      {writable && <ProfileWritingForm key={p.version} profile={p} justSaved={savedVersion === p.version} onSaved={setSavedVersion} />}
      <ProfileArticle profile={p.document} pdfHref={`/api/profiles/${p.id}/pdf`} />
    </>
  );
}

function ProfileWritingForm({ profile, justSaved, onSaved }: { profile: AuthoredProfile; justSaved: boolean; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stored = {
    title: profile.title,
    keyJudgements: profile.keyJudgements,
    intelligenceGaps: profile.intelligenceGaps,
    recommendations: profile.recommendations,
  };
  const [words, setWords] = useState(stored);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const dirty = JSON.stringify(words) !== JSON.stringify(stored);
  useUnsavedWarning(dirty);

  const save = () => api<AuthoredProfile>('PUT', `/api/profiles/${profile.id}`, { version: profile.version, ...words } satisfies ProfileWriting);
  const kept = (next: AuthoredProfile) => {
    client.setQueryData(['written-profile', profile.id], next);
    void client.invalidateQueries({ queryKey: ['profiles'] });
  };
  const write = useMutation({
    mutationFn: save,
    onSuccess: (next) => {
      setProblems([]);
      onSaved(next.version);
      kept(next);
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  // Issues what is on the screen: saved first when changed, then issued at the version that made.
  const issue = useMutation({
    mutationFn: async () => {
      const version = dirty ? (await save()).version : profile.version;
      return api<AuthoredProfile>('POST', `/api/profiles/${profile.id}/issue`, { version });
    },
    onSuccess: kept,
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate();
  };
  const recommendation = (strand: (typeof FOUR_P)[number]) => (value: string) =>
    setWords((w) => ({ ...w, recommendations: { ...w.recommendations, [strand]: value } }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="write-profile" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="write-profile">
        {t('figures.written.write')}
      </h2>
      <ErrorSummary problems={problems} />
      {justSaved && !dirty && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t('figures.written.saved')}</p>
          </div>
        </div>
      )}
      <TextField
        id="title"
        label={t('figures.written.profileTitle')}
        value={words.title}
        onChange={(e) => setWords((w) => ({ ...w, title: e.target.value }))}
        limit={200}
        error={fieldError(problems, 'title')}
      />
      <TextAreaField
        id="keyJudgements"
        label={t('figures.written.keyJudgements')}
        hint={t('figures.written.keyJudgementsHint')}
        value={words.keyJudgements}
        onChange={(value) => setWords((w) => ({ ...w, keyJudgements: value }))}
        rows={8}
        limit={PROFILE_TEXT_LIMIT}
        error={fieldError(problems, 'keyJudgements')}
      />
      <TextAreaField
        id="intelligenceGaps"
        label={t('figures.written.intelligenceGaps')}
        hint={t('figures.written.intelligenceGapsHint')}
        value={words.intelligenceGaps}
        onChange={(value) => setWords((w) => ({ ...w, intelligenceGaps: value }))}
        rows={5}
        limit={PROFILE_TEXT_LIMIT}
        error={fieldError(problems, 'intelligenceGaps')}
      />
      <fieldset className="govuk-fieldset" aria-describedby="recommendations-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('figures.written.recommendations')}</legend>
        <div className="govuk-hint" id="recommendations-hint">
          {t('figures.written.recommendationsHint')}
        </div>
        {FOUR_P.map((strand) => (
          <TextAreaField
            key={strand}
            id={`recommendations.${strand}`}
            label={t(`figures.fourP.${strand}`)}
            value={words.recommendations[strand]}
            onChange={recommendation(strand)}
            rows={4}
            limit={PROFILE_TEXT_LIMIT}
            error={fieldError(problems, `recommendations.${strand}`)}
          />
        ))}
      </fieldset>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={write.isPending || issue.isPending}>
          {t('figures.written.save')}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={write.isPending || issue.isPending} onClick={() => issue.mutate()}>
          {t('figures.written.issue')}
        </button>
      </div>
      <p className="govuk-hint">{t('figures.written.issueHint')}</p>
    </form>
  );
}
