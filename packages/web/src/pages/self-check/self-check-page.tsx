import { AWARENESS_SETTINGS, REPORT_LANGUAGES, SIGNS_BY_SETTING } from '@harbour/contract/vocabulary';
import type { AwarenessSetting, PublicReportRequest, ReportReceipt } from '@harbour/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { CheckboxesField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { LanguagePicker } from '../../components/language-picker';
import { Helplines } from '../../components/layout/helplines';
import { usePageTitle } from '../../components/page-title';
import { NotFoundPage } from '../not-found/not-found-page';
import { signKey } from '../report/report-languages';
import { REPORT_LIMITS as LIMIT } from '../report/report-limits';
import { ReportSent } from '../report/report-sent';
import { usePublicForm } from '../report/public-form';

/** The setting an address names: `/check/car-wash` is the car wash's page. */
function settingOf(slug: string | undefined): AwarenessSetting | undefined {
  return AWARENESS_SETTINGS.find((s) => s === slug?.replace(/-/g, '_'));
}

/**
 * A self-check for a place (in the manner of the Safe Car Wash approach): someone who has been
 * to a car wash or nail bar ticks what they noticed there, in their language, and may add a word
 * and where it was. It arrives as a public report with the place and the signs filled in; the
 * reference and passphrase let them come back, as from the full form.
 */
export function SelfCheckPage() {
  const setting = settingOf(useParams().setting);
  return setting ? <SelfCheck setting={setting} /> : <NotFoundPage />;
}

function SelfCheck({ setting }: { setting: AwarenessSetting }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t(`selfCheck.places.${setting}`));
  const location = useLocation();
  const { campaign, formToken, renewToken } = usePublicForm();
  const [signs, setSigns] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [business, setBusiness] = useState('');
  const [town, setTown] = useState('');
  const [postcode, setPostcode] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [sent, setSent] = useState<ReportReceipt | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signs.length === 0 && !note.trim()) return setProblems([{ field: 'signs', message: t('selfCheck.nothingTicked') }]);
    void send();
  };

  const send = async () => {
    setBusy(true);
    try {
      const body: PublicReportRequest = {
        formToken: formToken(),
        language: REPORT_LANGUAGES.find((l) => l === i18n.language) ?? 'en',
        description: note,
        setting,
        signs: SIGNS_BY_SETTING[setting].filter((sign) => signs.includes(sign)),
        town,
        postcode,
        businesses: business.trim() ? [{ name: business, address: [town, postcode].filter((p) => p.trim()).join(', ') }] : [],
        campaign,
      };
      setSent(await api<ReportReceipt>('POST', '/api/public/reports', body));
    } catch (error) {
      const found = problemsFrom(error, t, { formToken: t('report.errors.expired'), description: t('selfCheck.nothingTicked') }).map((p) =>
        p.field === 'description' ? { ...p, field: 'signs' } : p,
      );
      setProblems(found);
      // A fresh token; nothing ticked or written is lost.
      if (error instanceof ApiError && found.some((p) => p.field === 'formToken')) await renewToken();
    } finally {
      setBusy(false);
    }
  };

  if (sent) return <ReportSent sent={sent} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <LanguagePicker />
        <form onSubmit={submit} noValidate>
          <ErrorSummary problems={problems} />
          <span className="govuk-caption-l">{t(`selfCheck.places.${setting}`)}</span>
          <h1 className="govuk-heading-l">{t('selfCheck.title')}</h1>
          <p className="govuk-body">{t('selfCheck.intro')}</p>
          <CheckboxesField
            name="signs"
            legend={t('selfCheck.signsLegend')}
            values={signs}
            onChange={setSigns}
            options={SIGNS_BY_SETTING[setting].map((sign) => [sign, t(signKey(sign))])}
            error={fieldError(problems, 'signs')}
          />
          <TextAreaField
            id="note"
            label={t('selfCheck.note')}
            hint={t('selfCheck.noteHint')}
            value={note}
            onChange={setNote}
            rows={4}
            limit={LIMIT.description}
            error={fieldError(problems, 'note')}
          />
          <h2 className="govuk-heading-m">{t('selfCheck.where')}</h2>
          <TextField id="business" label={t('report.steps.who.business')} value={business} onChange={(e) => setBusiness(e.target.value)} limit={200} />
          <TextField
            id="town"
            label={t('report.steps.where.town')}
            value={town}
            onChange={(e) => setTown(e.target.value)}
            limit={100}
            error={fieldError(problems, 'town')}
          />
          <TextField
            id="postcode"
            label={t('report.steps.where.postcode')}
            hint={t('report.steps.where.postcodeHint')}
            className="govuk-input--width-10"
            value={postcode}
            onChange={(e) => setPostcode(e.target.value)}
            error={fieldError(problems, 'postcode')}
          />
          <button type="submit" className="govuk-button" disabled={busy}>
            {t('report.send')}
          </button>
        </form>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/report${location.search}`}>
            {t('selfCheck.fullForm')}
          </Link>
        </p>
        <Helplines />
      </div>
    </div>
  );
}
