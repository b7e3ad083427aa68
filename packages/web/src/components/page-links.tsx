import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Previous and next page links with where the reader is ("Page 2 of 7"); nothing when there is one page. */
export function PageLinks({ label, page, pages, href }: { label: string; page: number; pages: number; href: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" rel="prev" to={href(page - 1)}>
            <span className="govuk-pagination__link-title">{t('common.previousPage')}</span>
          </Link>
        </div>
      )}
      <p className="govuk-body govuk-!-margin-bottom-0">{t('common.pageOf', { page, pages })}</p>
      {page < pages && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" rel="next" to={href(page + 1)}>
            <span className="govuk-pagination__link-title">{t('common.nextPage')}</span>
          </Link>
        </div>
      )}
    </nav>
  );
}
