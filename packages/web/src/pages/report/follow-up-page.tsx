import type { FollowUp } from '@harbour/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom, tooLongMessage } from '../../components/form/problems';
import { Helplines } from '../../components/layout/helplines';
import { usePageTitle } from '../../components/page-title';
import { LanguagePicker } from '../../components/language-picker';
import { PhotoUpload } from './photo-upload';
import { REPORT_LIMITS } from './report-limits';
import { dateLocale } from '../../i18n/locale';

/** Come back with the reference code and passphrase: read the team's questions, add information. */
export function FollowUpPage() {
  const { t, i18n } = useTranslation();
  const [reference, setReference] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [thread, setThread] = useState<FollowUp | null>(null);
  const [reply, setReply] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [added, setAdded] = useState(false);
  usePageTitle(t('report.followUp.title'), problems.length > 0);
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });

  const open = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FormProblem[] = [];
    if (!reference.trim()) missing.push({ field: 'reference', message: t('report.followUp.referenceRequired') });
    if (!passphrase.trim()) missing.push({ field: 'passphrase', message: t('report.followUp.passphraseRequired') });
    if (missing.length > 0) return setProblems(missing);
    try {
      setThread(await api<FollowUp>('POST', '/api/public/follow-up', { reference, passphrase }));
      setProblems([]);
    } catch (error) {
      setProblems(problemsFrom(error, t, { passphrase: t('report.followUp.wrong') }, { locked: t('report.followUp.locked') }));
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return setProblems([{ field: 'reply', message: t('report.followUp.replyRequired') }]);
    if (reply.length > REPORT_LIMITS.message) return setProblems([{ field: 'reply', message: tooLongMessage(REPORT_LIMITS.message, t) }]);
    try {
      setThread(await api<FollowUp>('POST', '/api/public/follow-up/messages', { reference, passphrase, body: reply }));
      setReply('');
      setAdded(true);
      setProblems([]);
    } catch (error) {
      // The server calls the message `body`; on this page it is the reply box.
      setProblems(problemsFrom(error, t).map((p) => (p.field === 'body' ? { ...p, field: 'reply' } : p)));
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">{t('report.followUp.title')}</h1>
        {!thread ? (
          <>
            <LanguagePicker />
            <p className="govuk-body">{t('report.followUp.lead')}</p>
            <form onSubmit={(e) => void open(e)} noValidate>
              <TextField
                id="reference"
                label={t('report.followUp.reference')}
                className="govuk-input--width-10"
                autoComplete="off"
                spellCheck={false}
                value={reference}
                onChange={(e) => setReference(e.target.value)}
                error={fieldError(problems, 'reference')}
              />
              <TextField
                id="passphrase"
                label={t('report.followUp.passphrase')}
                className="govuk-input--width-20"
                autoComplete="off"
                spellCheck={false}
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                error={fieldError(problems, 'passphrase')}
              />
              <button type="submit" className="govuk-button">
                {t('report.continue')}
              </button>
            </form>
          </>
        ) : (
          <>
            <p className="govuk-body">{t('report.followUp.yourReport', { reference: thread.reference, date: when.format(new Date(thread.receivedAt)) })}</p>
            <h2 className="govuk-heading-m">{t('report.followUp.messages')}</h2>
            {thread.messages.length === 0 ? (
              <p className="govuk-body">{t('report.followUp.noMessages')}</p>
            ) : (
              <ol className="govuk-list app-thread">
                {thread.messages.map((m) => (
                  <li key={m.id} className={`app-thread__message app-thread__message--${m.from}`}>
                    <p className="govuk-body-s govuk-!-margin-bottom-1">
                      <strong>{m.from === 'team' ? t('report.followUp.fromTeam') : t('report.followUp.fromYou')}</strong> · {when.format(new Date(m.at))}
                    </p>
                    <p className="govuk-body app-thread__body">{m.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {added && (
              <p className="govuk-body" role="status">
                {t('report.followUp.added')}
              </p>
            )}
            <form onSubmit={(e) => void send(e)} noValidate>
              <TextAreaField
                id="reply"
                label={t('report.followUp.reply')}
                rows={5}
                limit={REPORT_LIMITS.message}
                value={reply}
                onChange={setReply}
                error={fieldError(problems, 'reply')}
              />
              <button type="submit" className="govuk-button">
                {t('report.followUp.send')}
              </button>
            </form>
            <PhotoUpload reference={reference} passphrase={passphrase} />
          </>
        )}
        <Helplines />
      </div>
    </div>
  );
}
