import type { ChartEvent } from '@harbour/contract';
import { useTranslation } from 'react-i18next';
import { Grading } from '../../components/grading';
import { dateLocale } from '../../i18n/locale';
import { ReportLink } from '../picture/report-link';

/** A report drawn as an event, selected on the chart: when it came, its grading, and whom on the chart it names. */
export function EventDetailsPanel({ event, labelOf }: { event: ChartEvent; labelOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  return (
    <section aria-labelledby="event-details-heading" className="app-chart-details" data-report={event.id}>
      <span className="govuk-caption-s">{t('picture.kind.report')}</span>
      <h2 className="govuk-heading-s" id="event-details-heading">
        <ReportLink id={event.id} reference={event.reference} />
      </h2>
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-font-size-16">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('graph.event.received')}</dt>
          <dd className="govuk-summary-list__value">{when.format(new Date(event.receivedAt))}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('graph.event.grading')}</dt>
          <dd className="govuk-summary-list__value">
            <Grading code={event.grading} />
          </dd>
        </div>
      </dl>
      <h3 className="govuk-heading-s">{t('graph.event.names')}</h3>
      <ul className="govuk-list govuk-list--bullet">
        {event.entities.map((id) => (
          <li key={id}>{labelOf(id)}</li>
        ))}
      </ul>
    </section>
  );
}
