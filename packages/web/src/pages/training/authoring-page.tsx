import type { AuthoredCourseList } from '@harbour/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { TableScroll } from '../../components/table-scroll';
import { inLanguage } from './in-language';

/** The team's courses as their authors see them: each one's newest version, draft or published. */
export function AuthoringPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('training.authoring.title'));
  const list = useAuthoredCourses();
  return (
    <>
      <Link className="govuk-back-link" to="/training">
        {t('training.backToCourses')}
      </Link>
      <h1 className="govuk-heading-l">{t('training.authoring.title')}</h1>
      <p className="govuk-body">{t('training.authoring.lead')}</p>
      <Link className="govuk-button" to="/training/authoring/new" role="button" draggable={false}>
        {t('training.authoring.new')}
      </Link>
      {list.error && <ErrorSummary problems={problemsFrom(list.error, t)} />}
      {list.data && (
        <TableScroll label={t('training.authoring.listCaption')}>
          <table className="govuk-table app-table--small" data-testid="authored-courses">
            <caption className="govuk-table__caption govuk-table__caption--s">{t('training.authoring.listCaption')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('training.authoring.headings.title')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('training.authoring.headings.version')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('training.authoring.headings.status')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.data.courses.map((c) => (
                <tr className="govuk-table__row" key={c.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/training/authoring/${c.id}`}>
                      {inLanguage(c.content.title, i18n.language)}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{c.version}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${c.published ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
                      {t(c.published ? 'training.authoring.published' : 'training.authoring.draft')}
                    </strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/** The courses as their authors see them, shared by the list and the editor (which updates it on saving). */
export function useAuthoredCourses(enabled = true) {
  return useQuery({ queryKey: ['training-authoring'], queryFn: () => api<AuthoredCourseList>('GET', '/api/training/authoring'), enabled, retry: false });
}
