import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NumberCallsView } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';

const EChart = lazy(() => import('../figures/echart'));

/** The hours with most calls, busiest first (ties by the clock), leaving out hours with none. */
function busiestHours(hours: readonly number[], most = 3): number[] {
  return hours
    .map((n, h) => ({ n, h }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.h - b.h)
    .slice(0, most)
    .map((x) => x.h);
}

const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * A phone's call data, read as an analyst reads billing: calls made and received, time on the
 * phone, first and last, the hours it is busiest (UK time), who uses it, and its contacts as
 * people, most calls first, each with every number of theirs.
 */
export function PhoneCalls({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const locale = dateLocale(i18n.language);
  const calls = useQuery({ queryKey: ['entity-calls', id], queryFn: () => api<NumberCallsView>('GET', `/api/entities/${id}/calls`), retry: false });
  const number = new Intl.NumberFormat(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
  const at = (iso: string | null) => (iso ? when.format(new Date(iso)) : t('picture.calls.untimed'));
  const duration = (seconds: number) => {
    const [hours, minutes] = [Math.floor(seconds / 3600), Math.round((seconds % 3600) / 60)];
    const unit = (value: number, u: 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
    return hours > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(minutes, 'minute');
  };
  const people = (list: readonly { id: string; label: string }[], none: string): ReactNode =>
    list.length === 0 ? (
      <span className="app-quiet">{none}</span>
    ) : (
      <ul className="app-inline-list">
        {list.map((p) => (
          <li key={p.id}>
            <Link className="govuk-link" to={`/entities/${p.id}`}>
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    );

  let body: ReactNode;
  if (calls.isPending) body = <p className="govuk-body">{t('common.loading')}</p>;
  else if (calls.error) body = <ErrorSummary problems={problemsFrom(calls.error, t)} />;
  else if (calls.data.callsIn + calls.data.callsOut === 0) body = <p className="govuk-body">{t('picture.calls.none')}</p>;
  else {
    const c = calls.data;
    const busiest = busiestHours(c.hours);
    const rows: [string, ReactNode][] = [
      [t('picture.calls.made'), number.format(c.callsOut)],
      [t('picture.calls.received'), number.format(c.callsIn)],
      [t('picture.calls.time'), duration(c.seconds)],
      [t('picture.calls.first'), at(c.first)],
      [t('picture.calls.last'), at(c.last)],
      [
        t('picture.calls.busiest'),
        busiest.length === 0
          ? t('picture.calls.noHours')
          : busiest.map((h) => t('picture.calls.hour', { from: clock(h), to: clock((h + 1) % 24), count: c.hours[h] })).join('; '),
      ],
      [t('picture.calls.usedBy'), people(c.users, t('picture.calls.noOneKnown'))],
    ];
    body = (
      <>
        <dl className="govuk-summary-list">
          {rows.map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        {c.timed > 0 && (
          <>
            <h3 className="govuk-heading-s">{t('picture.calls.byHour', { count: c.timed })}</h3>
            <Suspense fallback={<p className="govuk-body">{t('common.loading')}</p>}>
              <EChart kind="bar" labels={c.hours.map((_, h) => String(h).padStart(2, '0'))} values={[...c.hours]} label={t('picture.calls.byHourChart')} />
            </Suspense>
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{t('picture.calls.hoursTable')}</span>
              </summary>
              <div className="govuk-details__text">
                <table className="govuk-table app-table--small">
                  <caption className="govuk-table__caption govuk-visually-hidden">{t('picture.calls.hoursTable')}</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        {t('picture.calls.hourColumn')}
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t('picture.calls.callsColumn')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {c.hours.map((n, h) => (
                      <tr className="govuk-table__row" key={h}>
                        <th scope="row" className="govuk-table__header">
                          {clock(h)}–{clock((h + 1) % 24)}
                        </th>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(n)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
        <h3 className="govuk-heading-s" id="contacts-title">
          {t('picture.calls.contacts', { count: c.contactCount })}
        </h3>
        {c.contacts.length < c.contactCount && (
          <p className="govuk-body-s">{t('picture.calls.contactsShown', { shown: c.contacts.length, count: c.contactCount })}</p>
        )}
        <TableScroll label={t('picture.calls.contacts', { count: c.contactCount })}>
          <table className="govuk-table app-table--small">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('picture.calls.contacts', { count: c.contactCount })}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('picture.calls.contact')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('picture.calls.numbers')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('picture.calls.madeTo')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('picture.calls.receivedFrom')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('picture.calls.time')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('picture.calls.last')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {c.contacts.map((contact) => (
                <tr className="govuk-table__row" key={contact.numbers[0]!.id}>
                  <td className="govuk-table__cell">{people(contact.people, t('picture.calls.notKnown'))}</td>
                  <td className="govuk-table__cell">{people(contact.numbers, '')}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(contact.callsOut)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(contact.callsIn)}</td>
                  <td className="govuk-table__cell">{duration(contact.seconds)}</td>
                  <td className="govuk-table__cell">{at(contact.last)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </>
    );
  }
  return (
    <section aria-labelledby="calls-title">
      <h2 className="govuk-heading-m" id="calls-title">
        {t('picture.calls.title')}
      </h2>
      {body}
    </section>
  );
}
