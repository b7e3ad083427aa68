import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AuthoredProfile, ProfileSummary } from '@harbour/contract';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { ErrorSummary } from '../../components/form/error-summary';
import { TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import type { FormProblem } from '../../components/form/error-summary';
import { usePageTitle } from '../../components/page-title';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';
import { hasPermission, useSession } from '../../session/session';
import { ProfileScopeFields } from './profile-scope-fields';

/** Written problem profiles: the list, drafts and issued, and (for those who write them) a new one started from a period and area. */
export function WrittenProfilesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('figures.written.title'));
  const { data: session } = useSession();
  const forceAreas = useForceAreas();
  const list = useQuery({ queryKey: ['profiles'], queryFn: () => api<ProfileSummary[]>('GET', '/api/profiles'), retry: false });
  const locale = dateLocale(i18n.language);
  const month = (m: string) => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  const when = (at: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(at));

  return (
    <>
      <Link className="govuk-back-link" to="/figures/profile">
        {t('figures.behind.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('figures.written.title')}</h1>
      <p className="govuk-body">{t('figures.written.intro')}</p>
      {list.error && <ErrorSummary problems={problemsFrom(list.error, t)} />}
      {list.data && list.data.length === 0 && <p className="govuk-body">{t('figures.written.none')}</p>}
      {list.data && list.data.length > 0 && (
        <TableScroll label={t('figures.written.listCaption')}>
          <table className="govuk-table app-table--small">
            <caption className="govuk-table__caption govuk-table__caption--s">{t('figures.written.listCaption')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {(['title', 'period', 'area', 'status', 'author', 'changed'] as const).map((h) => (
                  <th key={h} scope="col" className="govuk-table__header">
                    {t(`figures.written.headings.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.data.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/figures/profiles/${p.id}`}>
                      {p.title}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{t('figures.written.periodValue', { from: month(p.from), to: month(p.to) })}</td>
                  <td className="govuk-table__cell">{p.area ? (forceAreas.shown(p.area) ?? '') : t('figures.profile.wholeForce')}</td>
                  <td className="govuk-table__cell">
                    <ProfileStatusTag status={p.status} />
                  </td>
                  <td className="govuk-table__cell">{p.author}</td>
                  <td className="govuk-table__cell">{when(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {hasPermission(session, 'figures:export') && <StartProfileForm />}
    </>
  );
}

export function ProfileStatusTag({ status }: { status: ProfileSummary['status'] }) {
  const { t } = useTranslation();
  return <strong className={`govuk-tag ${status === 'issued' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>{t(`figures.written.status.${status}`)}</strong>;
}

/** Starts a profile: title, period, area, audience and language, filled from the profile page's choice when it came from there. */
function StartProfileForm() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState({
    title: '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    area: params.get('area') ?? '',
    audience: params.get('audience') ?? 'internal',
    language: params.get('language') ?? (i18n.language === 'cy' ? 'cy' : 'en'),
  });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const set = (name: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const start = useMutation({
    mutationFn: () =>
      api<AuthoredProfile>('POST', '/api/profiles', {
        title: draft.title,
        from: draft.from,
        to: draft.to,
        ...(draft.area ? { area: draft.area } : {}),
        audience: draft.audience,
        language: draft.language,
      }),
    onSuccess: (created) => {
      client.setQueryData(['written-profile', created.id], created);
      void client.invalidateQueries({ queryKey: ['profiles'] });
      void navigate(`/figures/profiles/${created.id}`);
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="start-profile">
      <h2 className="govuk-heading-m" id="start-profile">
        {t('figures.written.start')}
      </h2>
      <p className="govuk-body">{t('figures.written.startHint')}</p>
      <ErrorSummary problems={problems} />
      <TextField
        id="title"
        label={t('figures.written.profileTitle')}
        value={draft.title}
        onChange={(e) => set('title')(e.target.value)}
        limit={200}
        error={fieldError(problems, 'title')}
      />
      <ProfileScopeFields scope={draft} onChange={set} />
      <button type="submit" className="govuk-button" disabled={start.isPending}>
        {t('figures.written.startButton')}
      </button>
    </form>
  );
}
