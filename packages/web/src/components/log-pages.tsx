import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** Newest and older pages of a log read newest first, paged by the last entry's number (`before` in the address). */
export function LogPages({ label, oldestSeq, full }: { label: string; oldestSeq: number | undefined; full: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {params.get('before') && (
        <div className="govuk-pagination__prev">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              params.delete('before');
              setParams(params);
            }}
          >
            {t('audit.newest')}
          </button>
        </div>
      )}
      {oldestSeq !== undefined && full && (
        <div className="govuk-pagination__next">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              params.set('before', String(oldestSeq));
              setParams(params);
            }}
          >
            {t('audit.older')}
          </button>
        </div>
      )}
    </nav>
  );
}
