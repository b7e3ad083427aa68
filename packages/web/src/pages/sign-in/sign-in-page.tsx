import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Session } from '@harbour/contract';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { useSetSession } from '../../session/session';

/** Where a session goes next, by how far it has got through signing in. */
export function nextPathFor(session: Session): string {
  if (session.stage === 'second-factor') return '/sign-in/code';
  if (session.stage === 'enrol-second-factor') return '/sign-in/set-up';
  return '/home';
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('signIn.title'), problems.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FormProblem[] = [];
    if (!email.trim()) missing.push({ field: 'email', message: t('signIn.errors.emailRequired') });
    if (!password) missing.push({ field: 'password', message: t('signIn.errors.passwordRequired') });
    if (missing.length > 0) return setProblems(missing);
    setBusy(true);
    try {
      const session = await api<Session>('POST', '/api/session', { email, password });
      setSession(session);
      await navigate(nextPathFor(session));
    } catch (error) {
      setProblems(problemsFrom(error, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">{t('signIn.title')}</h1>
        <p className="govuk-body">{t('signIn.lead')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            id="email"
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError(problems, 'email')}
          />
          <TextField
            id="password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError(problems, 'password')}
          />
          <button type="submit" className="govuk-button" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </form>
        <p className="govuk-body">{t('signIn.noAccount')}</p>
      </div>
    </div>
  );
}
