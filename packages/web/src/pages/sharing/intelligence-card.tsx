import { useTranslation } from 'react-i18next';
import type { SharedCaseView } from '@harbour/contract';
import { REDACTED_MARK } from '@harbour/contract/vocabulary';
import { Grading } from '../../components/grading';
import { dateLocale } from '../../i18n/locale';

type Item = SharedCaseView['intelligence'][number];

/** A day the server names (YYYY-MM-DD), as the reader writes it. */
export function useDay(): (on: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeZone: 'UTC' });
  return (on) => format.format(new Date(on));
}

/**
 * One graded report as a partner agency reads it: its grade, the handling conditions it comes
 * with (graded C), and what it says with whatever the agreement withholds marked in the reader's language.
 */
export function IntelligenceCard({ item, title }: { item: Item; title: string }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-summary-card" data-grading={item.grading}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {title} <Grading code={item.grading} />
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        {item.handlingConditions && (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t('common.warning')} </span>
              {t('sharing.case.handling')} <span className="app-preserve-lines">{item.handlingConditions}</span>
            </strong>
          </div>
        )}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('reportView.types')}</dt>
            <dd className="govuk-summary-list__value">{item.exploitationTypes.map((x) => t(`referral.types.${x}`)).join(', ') || '–'}</dd>
          </div>
          {item.town && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t('sharing.case.town')}</dt>
              <dd className="govuk-summary-list__value">{item.town}</dd>
            </div>
          )}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('sharing.case.summary')}</dt>
            <dd className="govuk-summary-list__value app-preserve-lines">{item.summary.replaceAll(REDACTED_MARK, t('sharing.case.withheld'))}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

/** The people and places of a shared record, named only where the agreement allows ("Potential victim 1" otherwise). */
export function SharedPartyList({ parties }: { parties: SharedCaseView['parties'] }) {
  const { t } = useTranslation();
  return (
    <ul className="govuk-list" id="shared-parties">
      {parties.map((p) => (
        <li key={`${p.kind}-${p.role}-${p.n}`} data-party-role={p.role}>
          <strong>{p.label ?? t(`sharing.case.hidden.${p.kind === 'address' ? 'address' : p.role}`, { n: p.n })}</strong>{' '}
          <span className="govuk-body-s">({p.kind === 'address' ? t('picture.kind.address') : t(`pursue.role.${p.role}`)})</span>
        </li>
      ))}
    </ul>
  );
}
