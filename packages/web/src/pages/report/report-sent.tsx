import type { ReportReceipt } from '@harbour/contract';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Helplines } from '../../components/layout/helplines';
import { SecretText } from '../../components/secret-text';
import { PhotoUpload } from './photo-upload';

/**
 * What a reporter sees once a report is sent (the full form or a self-check): the reference and
 * passphrase to come back with, a photo to add, and the helplines. The heading takes focus, so a
 * screen reader starts at the news that it was sent.
 */
export function ReportSent({ sent }: { sent: ReportReceipt }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title" ref={heading} tabIndex={-1}>
            {t('report.sent.title')}
          </h1>
          <div className="govuk-panel__body">
            {t('report.sent.reference')}
            <br />
            <strong data-testid="reference">{sent.reference}</strong>
          </div>
        </div>
        <p className="govuk-body">{t('report.sent.passphraseIntro')}</p>
        <p className="app-secret govuk-!-font-size-36" data-testid="passphrase">
          <SecretText value={sent.passphrase} />
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">{t('report.sent.keepSafe')}</strong>
        </div>
        <PhotoUpload reference={sent.reference} passphrase={sent.passphrase} />
        <p className="govuk-body">{t('report.sent.next')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/report/follow-up">
            {t('report.sent.followUpLink')}
          </Link>
        </p>
        <Helplines />
      </div>
    </div>
  );
}
