import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntityView } from '@harbour/contract';
import { Grading } from '../../components/grading';
import { TableScroll } from '../../components/table-scroll';
import { assertionSentence } from '../graph/link-words';

/**
 * An entity's links that analysts asserted by hand, apart from the reports' links: what each says,
 * who asserted it and when, its grading, and what it rests on. An entity added by hand has these
 * and no records: this is where it came from.
 */
export function AssertedLinks({ entity, when }: { entity: EntityView; when: Intl.DateTimeFormat }) {
  const { t } = useTranslation();
  if (entity.asserted.length === 0) return null;
  const labelOf = (id: string) => (id === entity.id ? entity.label : (entity.asserted.find((a) => a.other.id === id)?.other.label ?? ''));
  return (
    <>
      <h2 className="govuk-heading-m">{t('picture.entity.asserted')}</h2>
      <p className="govuk-body">{t('picture.entity.assertedHint')}</p>
      <TableScroll label={t('picture.entity.asserted')}>
        <table className="govuk-table" data-testid="asserted-links">
          <caption className="govuk-table__caption govuk-visually-hidden">{t('picture.entity.asserted')}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t('picture.entity.linkedEntity')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.link.says')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.assert.by')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.link.grading')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.assert.restsOn')}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {entity.asserted.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <th scope="row" className="govuk-table__header">
                  <span className="app-table-hint">{t(`picture.kind.${a.other.kind}`)}</span>
                  <Link className="govuk-link" to={`/entities/${a.other.id}`}>
                    {a.other.label}
                  </Link>
                </th>
                <td className="govuk-table__cell">{assertionSentence(t, labelOf(a.from), labelOf(a.to), a.relation)}</td>
                <td className="govuk-table__cell">{t('graph.assert.byWhen', { name: a.assertedBy, date: when.format(new Date(a.assertedAt)) })}</td>
                <td className="govuk-table__cell">
                  <Grading code={a.grading} />
                </td>
                <td className="govuk-table__cell app-preserve-lines">{a.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
