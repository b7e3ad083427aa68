import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SentReferral, SentReferralDetail } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { TextAreaField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';

function useWhen() {
  const { i18n } = useTranslation();
  return (at: string) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(at));
}

/** Where a referral stands, and what became of it as far as the sender may know. */
function Standing({ r }: { r: SentReferral }) {
  const { t } = useTranslation();
  return (
    <>
      <strong className="govuk-tag govuk-tag--grey" data-stage={r.stage}>
        {t(`sentReferrals.stage.${r.stage}`)}
      </strong>
      {r.questions > 0 && <span className="govuk-body-s govuk-!-margin-left-2">{t('sentReferrals.questions', { count: r.questions })}</span>}
      {r.cases === null && r.stage === 'on_case' && <p className="govuk-body-s">{t('sentReferrals.noAgreement')}</p>}
      {r.cases && r.cases.length > 0 && (
        <ul className="govuk-list govuk-body-s">
          {r.cases.map((c, k) => (
            <li key={k}>
              {t('sentReferrals.caseStatus', { status: t(`pursue.status.${c.status}`) })}
              {c.sharedCaseId && (
                <>
                  {' '}
                  <Link className="govuk-link" to={`/shared/${c.sharedCaseId}`}>
                    {t('sentReferrals.openShared')}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The referrals the reader (a partner: their agency) sent, newest first, each with where it stands. */
export function SentReferralsPage() {
  const { t } = useTranslation();
  const when = useWhen();
  usePageTitle(t('sentReferrals.title'));
  const list = useQuery({ queryKey: ['sent-referrals'], queryFn: () => api<{ referrals: SentReferral[] }>('GET', '/api/referrals/sent') });
  return (
    <>
      <h1 className="govuk-heading-l">{t('sentReferrals.title')}</h1>
      <p className="govuk-body">{t('sentReferrals.lead')}</p>
      {list.data && list.data.referrals.length === 0 && <p className="govuk-body">{t('sentReferrals.none')}</p>}
      <ul className="govuk-list" id="sent-referrals">
        {list.data?.referrals.map((r) => (
          <li key={r.id} className="govuk-!-margin-bottom-5" data-referral={r.id}>
            <Link className="govuk-link govuk-!-font-weight-bold" to={`/referrals/sent/${r.id}`}>
              {r.reference}
            </Link>{' '}
            <span className="govuk-body-s">
              — {when(r.receivedAt)}, {r.sentBy}
            </span>
            <br />
            <Standing r={r} />
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" to="/referral">
          {t('sentReferrals.makeAnother')}
        </Link>
      </p>
    </>
  );
}

/** One referral the reader sent: what they said, where it stands, and the thread with the team. */
export function SentReferralPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const when = useWhen();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const found = useQuery({ queryKey: ['sent-referral', id], queryFn: () => api<SentReferralDetail>('GET', `/api/referrals/sent/${id}`), retry: false });
  const answer = useMutation({
    mutationFn: () => api<SentReferralDetail>('POST', `/api/referrals/sent/${id}/messages`, { body }),
    onSuccess: (view) => {
      client.setQueryData(['sent-referral', id], view);
      setBody('');
      setProblems([]);
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  usePageTitle(found.data ? t('sentReferrals.one', { reference: found.data.reference }) : t('sentReferrals.title'));
  if (found.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!found.data) return <ErrorSummary problems={found.error ? problemsFrom(found.error, t) : []} />;
  const r = found.data;
  return (
    <>
      <Link className="govuk-back-link" to="/referrals/sent">
        {t('sentReferrals.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('sentReferrals.one', { reference: r.reference })}</h1>
      <p className="govuk-body-s">
        {when(r.receivedAt)}, {r.sentBy}
      </p>
      <Standing r={r} />
      <h2 className="govuk-heading-m govuk-!-margin-top-6">{t('sentReferrals.whatYouSaid')}</h2>
      <p className="govuk-body app-preserve-lines">{r.summary}</p>
      <section aria-labelledby="thread">
        <h2 className="govuk-heading-m" id="thread">
          {t('sentReferrals.thread')}
        </h2>
        {r.messages.length === 0 && <p className="govuk-body">{t('sentReferrals.noMessages')}</p>}
        <ul className="govuk-list" id="referral-thread">
          {r.messages.map((m) => (
            <li key={m.id} className="govuk-!-margin-bottom-3" data-from={m.from}>
              <span className="govuk-body-s">
                {t(m.from === 'team' ? 'sentReferrals.fromTeam' : 'sentReferrals.fromYou')}, {when(m.at)}
              </span>
              <br />
              <span className="app-preserve-lines">{m.body}</span>
            </li>
          ))}
        </ul>
        <ErrorSummary problems={problems} />
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate();
          }}
        >
          <TextAreaField
            id="body"
            label={t('sentReferrals.answer')}
            value={body}
            onChange={setBody}
            rows={3}
            limit={5000}
            error={fieldError(problems, 'body')}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={answer.isPending}>
            {t('sentReferrals.send')}
          </button>
        </form>
      </section>
    </>
  );
}
