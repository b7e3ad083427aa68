import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, ReportSharing } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { SelectField, TextAreaField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { dateLocale } from '../../i18n/locale';

/** Who the case is shared with and whether they read it now; a supervisor shares and withdraws here. */
export function CaseSharing({ c }: { c: CaseView }) {
  const client = useQueryClient();
  return (
    <RecordSharing<CaseView>
      sharing={c.sharing}
      path={`/api/cases/${c.id}/shares`}
      notShared="sharing.case.notShared"
      onChange={(data) => client.setQueryData(['case', c.id], data)}
    />
  );
}

/** The same for one report (a referral) shared on its own. */
export function ReportSharingSection({ reportId, sharing }: { reportId: string; sharing: ReportSharing }) {
  const client = useQueryClient();
  return (
    <RecordSharing<ReportSharing>
      sharing={sharing}
      path={`/api/reports/${reportId}/shares`}
      notShared="sharing.report.notShared"
      onChange={(data) => client.setQueryData(['report-sharing', reportId], data)}
    />
  );
}

/** A record's shares and the form to share it: what a share answers with is the caller's to keep. */
function RecordSharing<T>({ sharing, path, notShared, onChange }: { sharing: ReportSharing; path: string; notShared: string; onChange: (data: T) => void }) {
  const { t, i18n } = useTranslation();
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const done = (data: T) => {
    onChange(data);
    setAgencyId('');
    setReason('');
    setProblems([]);
  };
  const share = useMutation({
    mutationFn: () => api<T>('POST', path, { agencyId, reason }),
    onSuccess: done,
    // The reason box here is not the move-on form's "reason".
    onError: (error) =>
      setProblems(
        problemsFrom(error, t).map((p) =>
          p.field === 'reason' ? { ...p, field: 'share-reason' } : p.field === 'agencyId' ? { ...p, field: 'share-agency' } : p,
        ),
      ),
  });
  const withdraw = useMutation({ mutationFn: (agency: string) => api<T>('DELETE', `${path}/${agency}`), onSuccess: done });
  const when = (at: string) => new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeZone: 'Europe/London' }).format(new Date(at));
  const current = sharing.shares.filter((s) => s.revokedAt === null);
  if (!sharing.canShare && current.length === 0) return null;
  return (
    <section aria-labelledby="case-sharing">
      <h2 className="govuk-heading-m" id="case-sharing">
        {t('sharing.case.title')}
      </h2>
      {current.length === 0 ? (
        <p className="govuk-body">{t(notShared)}</p>
      ) : (
        <ul className="govuk-list" id="case-shares">
          {current.map((s) => (
            <li key={s.agencyId} className="govuk-!-margin-bottom-3" data-share={s.agencyId}>
              <strong>{s.agency}</strong> {!s.reading && <strong className="govuk-tag govuk-tag--grey">{t('sharing.case.noAgreement')}</strong>}
              <br />
              <span className="govuk-body-s">{t('sharing.case.sharedBy', { name: s.sharedBy, date: when(s.sharedAt) })}</span> — {s.reason}
              {sharing.canShare && (
                <>
                  <br />
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                    onClick={() => withdraw.mutate(s.agencyId)}
                    disabled={withdraw.isPending}
                  >
                    {t('sharing.case.withdraw', { agency: s.agency })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {sharing.canShare && (
        <>
          <ErrorSummary problems={problems} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!agencyId) return setProblems([{ field: 'share-agency', message: t('sharing.case.chooseAgency') }]);
              share.mutate();
            }}
            noValidate
          >
            <SelectField
              id="share-agency"
              label={t('sharing.case.agency')}
              hint={t('sharing.case.agencyHint')}
              value={agencyId}
              onChange={setAgencyId}
              error={fieldError(problems, 'share-agency')}
              options={[{ value: '', label: t('sharing.case.chooseAgency') }, ...sharing.shareable.map((a) => ({ value: a.id, label: a.name }))]}
            />
            <TextAreaField
              id="share-reason"
              label={t('sharing.case.reason')}
              value={reason}
              onChange={setReason}
              rows={2}
              limit={2000}
              error={fieldError(problems, 'share-reason')}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={share.isPending}>
              {t('sharing.case.share')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
