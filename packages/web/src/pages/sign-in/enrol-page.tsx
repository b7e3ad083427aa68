import type { Enrolment, EnrolmentConfirmed } from '@harbour/contract';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Session } from '@harbour/contract';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { useSetSession } from '../../session/session';
import { SecretText } from '../../components/secret-text';

export function EnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [recovery, setRecovery] = useState<{ codes: string[]; session: Session } | null>(null);
  const start = useMutation({ mutationFn: () => api<Enrolment>('POST', '/api/session/second-factor/enrolment') });
  usePageTitle(recovery ? t('enrol.recoveryTitle') : t('enrol.title'), problems.length > 0);

  // Start once per visit: each start issues a new secret.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setProblems([{ field: 'code', message: t('enrol.errors.codeRequired') }]);
    try {
      const result = await api<EnrolmentConfirmed>('POST', '/api/session/second-factor/enrolment/confirm', { code: code.trim() });
      setRecovery({ codes: result.recoveryCodes, session: result.session });
      setProblems([]);
    } catch (error) {
      setProblems(problemsFrom(error, t));
    }
  };

  if (recovery) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t('enrol.recoveryTitle')}</h1>
          <p className="govuk-body">{t('enrol.recoveryLead')}</p>
          <ul className="govuk-list app-recovery-codes" aria-label={t('enrol.recoveryTitle')}>
            {recovery.codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <button
            type="button"
            className="govuk-button"
            onClick={() => {
              setSession(recovery.session);
              void navigate('/home');
            }}
          >
            {t('enrol.recoveryDone')}
          </button>
        </div>
      </div>
    );
  }

  const enrolment = start.data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={start.error ? problemsFrom(start.error, t) : problems} />
        <h1 className="govuk-heading-l">{t('enrol.title')}</h1>
        <p className="govuk-body">{t('enrol.lead')}</p>
        {!enrolment ? (
          <p className="govuk-body">{t('common.loading')}</p>
        ) : (
          <>
            <ol className="govuk-list govuk-list--number">
              <li>
                {t('enrol.step1')}
                <img className="app-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('enrol.qrAlt')} />
              </li>
              <li>
                {t('enrol.step2')}
                <p className="app-secret" data-testid="totp-secret">
                  <SecretText value={enrolment.secret} />
                </p>
              </li>
              <li>{t('enrol.step3')}</li>
            </ol>
            <form onSubmit={(e) => void submit(e)} noValidate>
              <TextField
                id="code"
                label={t('enrol.code')}
                className="govuk-input--width-5"
                inputMode="numeric"
                autoComplete="one-time-code"
                spellCheck={false}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={fieldError(problems, 'code')}
              />
              <button type="submit" className="govuk-button">
                {t('enrol.submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
