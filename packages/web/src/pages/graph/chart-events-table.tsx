import type { ChartEvent } from '@harbour/contract';
import { useTranslation } from 'react-i18next';
import { Grading } from '../../components/grading';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';
import { ReportLink } from '../picture/report-link';

interface Props {
  events: readonly ChartEvent[];
  labelOf: (id: string) => string;
  /** Selects the report's event on the chart (its details show beside it). */
  onSelect: (reportId: string) => void;
}

/** The reports drawn as events, newest first, for the keyboard and the screen reader as well as the eye: each opens, or is chosen on the chart. */
export function ChartEventsTable({ events, labelOf, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  return (
    <TableScroll label={t('graph.event.tableTitle')}>
      <table className="govuk-table" data-testid="chart-events">
        <caption className="govuk-table__caption govuk-table__caption--s">{t('graph.event.tableTitle')}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t('picture.kind.report')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('graph.event.received')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('graph.event.grading')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('graph.event.names')}
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">{t('graph.chart.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((e) => (
            <tr key={e.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <ReportLink id={e.id} reference={e.reference} />
              </th>
              <td className="govuk-table__cell">{when.format(new Date(e.receivedAt))}</td>
              <td className="govuk-table__cell">
                <Grading code={e.grading} />
              </td>
              <td className="govuk-table__cell">{e.entities.map(labelOf).join('; ')}</td>
              <td className="govuk-table__cell">
                <button type="button" className="app-link-button" onClick={() => onSelect(e.id)}>
                  {t('graph.event.select')}
                  <span className="govuk-visually-hidden"> {e.reference}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
