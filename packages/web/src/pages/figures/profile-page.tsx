import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import type { FiguresParams, ProblemProfile } from '@harbour/contract';
import { queryOf } from './filter-params';
import { ProfileArticle } from './profile-article';
import { ProfileScopeFields } from './profile-scope-fields';

// The profile's language is `language` in the page's address: `lang` there switches the whole site.
const PARAMS = ['from', 'to', 'area', 'audience', 'language'] as const;
type ProfileParams = FiguresParams & { audience?: string; language?: string };

/**
 * The problem profile: chosen period, area, audience and language; shown here as a page (to read
 * or print) and offered as a PDF to download. For the public, small numbers are suppressed.
 */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('figures.profile.title'));
  const [params, setParams] = useSearchParams();
  const chosen: ProfileParams = {};
  for (const name of PARAMS) {
    const value = params.get(name);
    if (value) chosen[name] = value;
  }
  const { language, ...rest } = chosen;
  const query = queryOf(rest, language ? { lang: language } : {});
  const asked = params.has('audience');
  const profile = useQuery({
    queryKey: ['profile', query],
    queryFn: () => api<ProblemProfile>('GET', `/api/figures/profile?${query}`),
    enabled: asked,
    retry: false,
  });
  const p = profile.data;

  return (
    <>
      <Link className="govuk-back-link" to={`/figures?${queryOf({ from: chosen.from, to: chosen.to, area: chosen.area })}`}>
        {t('figures.behind.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('figures.profile.title')}</h1>
      <p className="govuk-body">{t('figures.profile.intro')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/figures/profiles?${queryOf(chosen)}`}>
          {t('figures.written.link')}
        </Link>
      </p>
      <ProfileForm key={queryOf(chosen)} chosen={chosen} welsh={i18n.language === 'cy'} onApply={(next) => setParams(new URLSearchParams(queryOf(next)))} />
      {profile.error && <ErrorSummary problems={problemsFrom(profile.error, t)} />}
      {profile.isLoading && asked && <p className="govuk-body">{t('common.loading')}</p>}
      {p && <ProfileArticle profile={p} pdfHref={`/api/figures/profile.pdf?${query}`} />}
    </>
  );
}

function ProfileForm({ chosen, welsh, onApply }: { chosen: ProfileParams; welsh: boolean; onApply: (next: ProfileParams) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProfileParams>({ audience: 'internal', language: welsh ? 'cy' : 'en', ...chosen });
  const set = (name: keyof ProfileParams) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label={t('figures.profile.choose')}>
      <ProfileScopeFields
        scope={draft}
        onChange={set}
        after={
          <button type="submit" className="govuk-button app-filter__apply">
            {t('figures.profile.produce')}
          </button>
        }
      />
    </form>
  );
}
