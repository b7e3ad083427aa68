import { Trans, useTranslation } from 'react-i18next';
import { PHONE_MARKUP } from '../phone-number';

const LINES = ['emergency', 'police', 'crimestoppers', 'helpline'] as const;

/** The numbers a person in danger needs, shown on every page. */
export function Helplines({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="app-helplines" aria-labelledby="helplines-title">
      <Heading className="govuk-heading-m" id="helplines-title">
        {t('helplines.title')}
      </Heading>
      {LINES.map((line) => (
        <p className="govuk-body" key={line}>
          <Trans i18nKey={`helplines.${line}`} components={PHONE_MARKUP} />
        </p>
      ))}
    </section>
  );
}
