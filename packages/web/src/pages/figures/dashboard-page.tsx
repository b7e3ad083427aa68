import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { hasPermission, useSession } from '../../session/session';
import { FilterForm } from './filter-form';
import type { Dashboard, FiguresParams } from '@harbour/contract';
import { filterFrom, queryOf } from './filter-params';
import { dateLocale } from '../../i18n/locale';

const EChart = lazy(() => import('./echart'));

/** One row of a figure's table: what it counts, how many, and the filter that lists them (with, for people, which of them). */
interface Row {
  key: string;
  label: string;
  n: number;
  behind: FiguresParams;
  people?: Record<string, string>;
}

/**
 * The picture in numbers: reports and potential victims by period, area, exploitation type,
 * age group, source, gender and nationality, all under one filter kept in the address (so a view
 * can be bookmarked or shared). Each chart has its table; each number in a table opens the
 * reports it counts, for those allowed to read them.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  usePageTitle(t('figures.title'));
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const query = queryOf(filter);
  const dashboard = useQuery({
    queryKey: ['figures', query],
    queryFn: () => api<Dashboard>('GET', `/api/figures/dashboard?${query}`),
    retry: false,
  });
  const { data: session } = useSession();
  const canList = hasPermission(session, 'reports:read');
  const canSeePeople = hasPermission(session, 'picture:search');
  const navigate = useNavigate();
  const welsh = i18n.language === 'cy';
  const number = new Intl.NumberFormat(dateLocale(i18n.language));
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const region = new Intl.DisplayNames([welsh ? 'cy' : 'en'], { type: 'region' });
  const d = dashboard.data;

  // A month counted only so far is labelled with its days ("Dec 2026, 1–4"), never as if whole.
  const partialDays = d?.partialThrough ? `1–${Number(d.partialThrough.slice(8))}` : null;
  const periodLabel = (p: Dashboard['trend'][number]) => {
    const label = d?.filter.granularity === 'month' ? monthName(p.from) : p.period;
    return partialDays && d?.partialThrough && p.from <= d.partialThrough.slice(0, 7) && p.to >= d.partialThrough.slice(0, 7)
      ? t('figures.partialPeriod', { period: label, days: partialDays })
      : label;
  };
  const dayName = (day: string) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const areaName = (key: string) => {
    return forceAreas.nameOf(key) ?? t('figures.areaUnknown');
  };

  const sections: { id: string; title: string; kind: 'bar' | 'line'; horizontal?: boolean; rows: Row[]; note?: string; victims?: boolean }[] = d
    ? [
        {
          id: 'trend',
          title: t(`figures.trend.${d.filter.granularity}`),
          kind: d.trend.length > 1 ? 'line' : 'bar',
          rows: d.trend.map((p) => ({ key: p.period, label: periodLabel(p), n: p.n, behind: { ...filter, from: p.from, to: p.to } })),
        },
        {
          id: 'area',
          title: t('figures.byArea'),
          kind: 'bar',
          horizontal: true,
          rows: d.byArea.map((a) => ({ key: a.key || 'unknown', label: areaName(a.key), n: a.n, behind: { ...filter, area: a.key || 'unknown' } })),
        },
        {
          id: 'type',
          title: t('figures.byType'),
          kind: 'bar',
          horizontal: true,
          note: t('figures.typeNote'),
          rows: d.byType.map((c) => ({ key: c.key, label: t(`referral.types.${c.key}`), n: c.n, behind: { ...filter, type: c.key } })),
        },
        {
          id: 'age',
          title: t('figures.byAge'),
          kind: 'bar',
          horizontal: true,
          rows: d.byAge.map((c) => ({ key: c.key, label: t(`figures.age.${c.key}`), n: c.n, behind: { ...filter, age: c.key } })),
        },
        {
          id: 'source',
          title: t('figures.bySource'),
          kind: 'bar',
          horizontal: true,
          rows: d.bySource.map((c) => ({ key: c.key, label: t(`sources.${c.key}`), n: c.n, behind: { ...filter, source: c.key } })),
        },
        {
          id: 'gender',
          title: t('figures.victimsByGender'),
          kind: 'bar',
          horizontal: true,
          victims: true,
          rows: d.victimsByGender.map((c) => ({ key: c.key, label: t(`figures.gender.${c.key}`), n: c.n, behind: filter, people: { gender: c.key } })),
        },
        {
          id: 'victim-age',
          title: t('figures.victimsByAge'),
          kind: 'bar',
          horizontal: true,
          victims: true,
          rows: d.victimsByAge.map((c) => ({ key: c.key, label: t(`figures.ageBand.${c.key}`), n: c.n, behind: filter, people: { ageBand: c.key } })),
        },
        {
          id: 'nationality',
          title: t('figures.victimsByNationality'),
          kind: 'bar',
          horizontal: true,
          victims: true,
          rows: d.victimsByNationality.map((c) => ({
            key: c.key || 'unknown',
            label: c.key ? (region.of(c.key) ?? c.name) : t('figures.nationalityUnknown'),
            n: c.n,
            behind: filter,
            people: { nationality: c.key || 'unknown' },
          })),
        },
      ]
    : [];

  // A count of reports opens its reports; a count of people, its people (for those who may see them).
  const hrefOf = (r: Row): string | null =>
    r.people ? (canSeePeople ? `/figures/people?${queryOf(r.behind, r.people)}` : null) : canList ? `/figures/reports?${queryOf(r.behind)}` : null;
  const change = d?.previous.change;
  // The period compared with: its months, or its days when this one is counted only so far.
  const before =
    d &&
    (d.previous.through
      ? { from: dayName(`${d.previous.from}-01`), to: dayName(d.previous.through) }
      : { from: monthName(d.previous.from), to: monthName(d.previous.to) });
  return (
    <>
      <h1 className="govuk-heading-l">{t('figures.title')}</h1>
      <p className="govuk-body">{t('figures.intro')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/figures/map?${query}`}>
          {t('figures.map.link')}
        </Link>
        {' · '}
        <Link className="govuk-link" to={`/figures/profile?${queryOf({ from: filter.from, to: filter.to, area: filter.area })}`}>
          {t('figures.profile.link')}
        </Link>
        {hasPermission(session, 'figures:export') && (
          <>
            {' · '}
            <Link className="govuk-link" to="/figures/research">
              {t('figures.research.link')}
            </Link>
          </>
        )}
        {hasPermission(session, 'cases:exchange') && (
          <>
            {' · '}
            <Link className="govuk-link" to="/cases/htcds">
              {t('cases.htcds.link')}
            </Link>
          </>
        )}
      </p>
      <FilterForm key={query} filter={filter} onApply={(next) => setParams(new URLSearchParams(queryOf(next)))} />
      {dashboard.error && <ErrorSummary problems={problemsFrom(dashboard.error, t)} />}
      {dashboard.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {d && change && (
        <>
          <div className="govuk-grid-row" id="summary">
            <div className="govuk-grid-column-one-half">
              <p className="app-figure">
                {canList ? (
                  <Link className="govuk-link" to={`/figures/reports?${queryOf(filter)}`}>
                    {t('figures.reports', { count: d.reports, formatted: number.format(d.reports) })}
                  </Link>
                ) : (
                  t('figures.reports', { count: d.reports, formatted: number.format(d.reports) })
                )}
              </p>
              <p className="govuk-body">
                {d.partialThrough
                  ? t('figures.periodPartial', {
                      from: monthName(d.filter.from),
                      through: dayName(d.partialThrough),
                      month: monthName(d.partialThrough.slice(0, 7)),
                    })
                  : t('figures.period', { from: monthName(d.filter.from), to: monthName(d.filter.to) })}
              </p>
            </div>
            <div className="govuk-grid-column-one-half">
              <p className="app-figure">{t('figures.victims', { count: d.victims, formatted: number.format(d.victims) })}</p>
              <p className="govuk-body">
                {t('figures.victimMentions', { count: d.victimMentions, formatted: number.format(d.victimMentions) })}{' '}
                {t('figures.suspects', { count: d.suspects, formatted: number.format(d.suspects) })}
              </p>
              {d.peopleCounting && (
                <p className="govuk-body-s" id="people-counting">
                  {t('figures.peopleCounting')}
                </p>
              )}
              <p className="govuk-body" id="change">
                {change.count === 0
                  ? t('figures.changeNone', before)
                  : change.percent === null
                    ? t('figures.changeFromNone', { count: change.count, ...before })
                    : t(change.count > 0 ? 'figures.changeUp' : 'figures.changeDown', {
                        count: Math.abs(change.count),
                        percent: `${number.format(Math.abs(change.percent))}%`,
                        ...before,
                        before: number.format(change.before),
                      })}
              </p>
            </div>
          </div>
          {d.deleted.reports > 0 && (
            <p className="govuk-inset-text" id="deleted-under-retention">
              {t('figures.deletedUnderRetention', { reports: number.format(d.deleted.reports), victims: number.format(d.deleted.potentialVictims) })}
            </p>
          )}
          {sections.map((section) => (
            <section key={section.id} id={`figure-${section.id}`} aria-labelledby={`figure-${section.id}-title`} className="govuk-!-margin-bottom-8">
              <h2 className="govuk-heading-m" id={`figure-${section.id}-title`}>
                {section.title}
              </h2>
              {section.note && <p className="govuk-body-s">{section.note}</p>}
              {section.rows.length === 0 ? (
                <p className="govuk-body">{t('figures.none')}</p>
              ) : (
                <div className="govuk-grid-row">
                  <div className="govuk-grid-column-one-half">
                    <Suspense fallback={<p className="govuk-body">{t('common.loading')}</p>}>
                      <EChart
                        kind={section.kind}
                        horizontal={section.horizontal ?? false}
                        labels={section.rows.map((r) => r.label)}
                        values={section.rows.map((r) => r.n)}
                        label={t('figures.chartLabel', { title: section.title })}
                        {...(hrefOf(section.rows[0]!) !== null ? { onSelect: (i: number) => void navigate(hrefOf(section.rows[i]!)!) } : {})}
                      />
                    </Suspense>
                  </div>
                  <div className="govuk-grid-column-one-half">
                    <FigureTable
                      caption={section.title}
                      rows={section.rows}
                      format={(n) => number.format(n)}
                      hrefOf={hrefOf}
                      victims={section.victims ?? false}
                    />
                  </div>
                </div>
              )}
            </section>
          ))}
          <FourPView
            dashboard={d}
            filter={filter}
            canList={canList}
            canSearch={hasPermission(session, 'picture:search')}
            canManageTraining={hasPermission(session, 'training:manage')}
            format={(n) => number.format(n)}
          />
          <p className="govuk-body-s">{t('figures.callDataNote')}</p>
        </>
      )}
    </>
  );
}

function FigureTable({
  caption,
  rows,
  format,
  hrefOf,
  victims,
}: {
  caption: string;
  rows: Row[];
  format: (n: number) => string;
  hrefOf: (r: Row) => string | null;
  victims: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className="govuk-table app-table--small">
      <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {t('figures.what')}
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {t(victims ? 'figures.victimsHeading' : 'figures.reportsHeading')}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.key}>
            <th scope="row" className="govuk-table__header">
              {r.label}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {hrefOf(r) !== null && r.n !== 0 ? (
                <Link
                  className="govuk-link"
                  to={hrefOf(r)!}
                  aria-label={t(victims ? 'figures.people.listLabel' : 'figures.listLabel', { count: r.n, what: r.label })}
                >
                  {format(r.n)}
                </Link>
              ) : (
                format(r.n)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The 4P view (Pursue, Protect, Prevent, Prepare): each strand's measures from the same filtered
 * counts, each number through to its reports; what Harbour does not record yet is said so rather
 * than shown as nought.
 */
function FourPView({
  dashboard: d,
  filter,
  canList,
  canSearch,
  canManageTraining,
  format,
}: {
  dashboard: Dashboard;
  filter: FiguresParams;
  canList: boolean;
  canSearch: boolean;
  canManageTraining: boolean;
  format: (n: number) => string;
}) {
  const { t } = useTranslation();
  const source = (key: string) => d.bySource.find((c) => c.key === key)?.n ?? 0;
  const children = d.byAge.find((c) => c.key === 'child')?.n ?? 0;
  type Measure = { key: string; label?: string; n?: number; behind?: FiguresParams; link?: { to: string; label: string } };
  const w = d.casework;
  const offences = ['msa_s1', 'msa_s2', 'msa_s4', 'other'] as const;
  const strands: [string, Measure[]][] = [
    [
      'pursue',
      [
        { key: 'networks', ...(canSearch ? { link: { to: '/networks', label: t('figures.fourP.networksLink') } } : {}) },
        { key: 'casesOpened', n: Object.values(w.casesByStatus).reduce((a, b) => a + b, 0) },
        ...Object.entries(w.casesByStatus).map(([status, n]) => ({
          key: `cases-${status}`,
          label: t('figures.fourP.measures.casesNow', { status: t(`pursue.status.${status}`) }),
          n,
        })),
        { key: 'peopleArrested', n: w.peopleArrested },
        { key: 'peopleCharged', n: w.peopleCharged },
        ...offences.map((o) => ({
          key: `charges-${o}`,
          label: t('figures.fourP.measures.chargesUnder', { offence: t(`outcomes.offence.${o}`) }),
          n: w.chargesByOffence[o] ?? 0,
        })),
        { key: 'peopleConvicted', n: w.peopleConvicted },
        ...(['stpo', 'stro'] as const).map((o) => ({ key: `orders-${o}`, label: t(`outcomes.order.${o}`), n: w.ordersByType[o] ?? 0 })),
      ],
    ],
    [
      'protect',
      [
        { key: 'officerReferrals', n: source('officer'), behind: { ...filter, source: 'officer' } },
        { key: 'partnerReferrals', n: source('partner'), behind: { ...filter, source: 'partner' } },
        { key: 'nrmReferrals', n: source('nrm'), behind: { ...filter, source: 'nrm' } },
        { key: 'victims', n: d.victims },
        { key: 'childReports', n: children, behind: { ...filter, age: 'child' } },
        { key: 'peopleReferredToNrm', n: w.peopleReferredToNrm },
        { key: 'peopleNotified', n: w.peopleNotified },
        { key: 'rgPositive', n: w.reasonableGrounds.positive },
        { key: 'rgNegative', n: w.reasonableGrounds.negative },
        { key: 'cgPositive', n: w.conclusiveGrounds.positive },
        { key: 'cgNegative', n: w.conclusiveGrounds.negative },
        { key: 'awaitingRg', n: w.referralsAwaitingReasonableGrounds },
        { key: 'peopleWithPlans', n: w.peopleWithPlans },
        { key: 'plansReviewOverdue', n: w.plansReviewOverdue },
      ],
    ],
    [
      'prevent',
      [
        { key: 'publicReports', n: source('public'), behind: { ...filter, source: 'public' } },
        { key: 'awarenessEvents', n: d.prevented.events },
        { key: 'peopleReached', n: d.prevented.reached },
        { key: 'handedOut', n: d.prevented.handedOut },
        { key: 'campaignReports', n: d.prevented.campaignReports },
      ],
    ],
    [
      'prepare',
      d.prepared
        ? [
            {
              key: 'trained',
              label: t('figures.fourP.measures.trainedOf', { establishment: format(d.prepared.establishment) }),
              n: d.prepared.trained,
            },
            { key: 'trainedInAny', n: d.prepared.trainedInAny },
            { key: 'refresherOverdue', n: d.prepared.overdue },
          ]
        : [{ key: 'trained', ...(canManageTraining ? { link: { to: '/training/coverage', label: t('figures.fourP.establishmentLink') } } : {}) }],
    ],
  ];
  return (
    <section id="figure-fourp" aria-labelledby="figure-fourp-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="figure-fourp-title">
        {t('figures.fourP.title')}
      </h2>
      <p className="govuk-body-s">{t('figures.fourP.intro')}</p>
      <table className="govuk-table app-table--small">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{t('figures.fourP.title')}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t('figures.fourP.strand')}
            </th>
            <th scope="col" className="govuk-table__header">
              {t('figures.fourP.measure')}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {t('figures.fourP.number')}
            </th>
          </tr>
        </thead>
        {/* One row group a strand: its name heads the group. */}
        {strands.map(([strand, measures]) => (
          <tbody className="govuk-table__body" key={strand}>
            {measures.map((m, i) => (
              <tr className="govuk-table__row" key={`${strand}-${m.key}`} data-measure={m.key}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={measures.length} className="govuk-table__header">
                    {t(`figures.fourP.${strand}`)}
                  </th>
                )}
                <td className="govuk-table__cell">{m.label ?? t(`figures.fourP.measures.${m.key}`)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {m.n !== undefined ? (
                    canList && m.behind && m.n !== 0 ? (
                      <Link
                        className="govuk-link"
                        to={`/figures/reports?${queryOf(m.behind)}`}
                        aria-label={t('figures.listLabel', { count: m.n, what: m.label ?? t(`figures.fourP.measures.${m.key}`) })}
                      >
                        {format(m.n)}
                      </Link>
                    ) : (
                      format(m.n)
                    )
                  ) : m.link ? (
                    <Link className="govuk-link" to={m.link.to}>
                      {m.link.label}
                    </Link>
                  ) : (
                    t('figures.fourP.notRecorded')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
