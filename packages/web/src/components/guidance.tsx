import type { Triage as TriageResult } from '@harbour/contract';
import { Trans, useTranslation } from 'react-i18next';
import { PHONE_MARKUP } from './phone-number';

/** What the guidance shows of a triage: its score, band, reasons and steps. */
export type Triage = Pick<TriageResult, 'score' | 'band' | 'contributions' | 'guidance'>;

/** Whether the first thing to do cannot wait: a call to 999 or safeguarding a child. */
function isUrgent(triage: Triage): boolean {
  return triage.guidance.includes('call_999_now') || triage.guidance.includes('safeguard_child_now');
}

/** The explained score and the steps to take, in order. */
export function Guidance({ triage }: { triage: Triage }) {
  const { t } = useTranslation();
  const urgent = isUrgent(triage);
  return (
    <section className={`app-guidance${urgent ? ' app-guidance--urgent' : ''}`} aria-labelledby="guidance-title" aria-live="polite">
      <h2 className="govuk-heading-m" id="guidance-title">
        {t('referral.guidanceTitle')}
      </h2>
      <ol className="govuk-list govuk-list--number" data-testid="guidance">
        {triage.guidance.map((g) => (
          <li key={g}>
            <Trans i18nKey={`referral.guidance.${g}`} components={PHONE_MARKUP} />
          </li>
        ))}
      </ol>
      <p className="govuk-body govuk-!-font-weight-bold">{t('referral.score', { score: triage.score, band: t(`referral.bands.${triage.band}`) })}</p>
      {triage.contributions.some((c) => c.kind === 'fact') && (
        <p className="govuk-body-s">
          {t('referral.because')}:{' '}
          {triage.contributions
            .filter((c) => c.kind === 'fact')
            .map((c) => `${t(`referral.facts.${c.id}`)} (${t('referral.points', { count: c.points })})`)
            .join('; ')}
        </p>
      )}
    </section>
  );
}

/**
 * On a phone the full guidance sits below the form; this bar stays at the foot of the screen while
 * the officer fills it in, with the priority and the first step, and a link to all of them.
 */
export function GuidanceBar({ triage }: { triage: Triage }) {
  const { t } = useTranslation();
  const urgent = isUrgent(triage);
  const first = triage.guidance[0];
  return (
    <aside className={`app-guidance-bar${urgent ? ' app-guidance-bar--urgent' : ''}`} aria-label={t('referral.guidanceBar')} data-testid="guidance-bar">
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        <strong>{t(`referral.bands.${triage.band}`)}</strong>
        {first && (
          <>
            {' · '}
            <Trans i18nKey={`referral.guidance.${first}`} components={PHONE_MARKUP} />
          </>
        )}
      </p>
      <a className="govuk-link govuk-body-s" href="#guidance-title">
        {t('referral.allSteps')}
      </a>
    </aside>
  );
}
