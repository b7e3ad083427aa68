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

export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  usePageTitle(t('secondFactor.title'), problems.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return setProblems([{ field: 'code', message: t('secondFactor.errors.codeRequired') }]);
    try {
      const session = await api<Session>('POST', '/api/session/second-factor', { code });
      setSession(session);
      await navigate('/home');
    } catch (error) {
      setProblems(problemsFrom(error, t));
      setCode('');
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">{t('secondFactor.title')}</h1>
        <p className="govuk-body">{t('secondFactor.lead')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            id="code"
            label={t('secondFactor.code')}
            hint={t('secondFactor.codeHint')}
            className="govuk-input--width-10"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError(problems, 'code')}
          />
          <button type="submit" className="govuk-button">
            {t('secondFactor.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
