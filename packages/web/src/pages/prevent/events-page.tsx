import { AWARENESS_AUDIENCES } from '@harbour/contract/vocabulary';
import type { AreaBoundaries, AwarenessEvent, AwarenessEventList, AwarenessEventRequest } from '@harbour/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { NO_DATE, isoDate, type DateParts } from '../../components/form/date-parts';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { CheckboxesField, DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';
import { hasPermission, useSession } from '../../session/session';
import type { Point } from './point-picker';
import { useCampaigns } from './prevent-page';

const PointPicker = lazy(() => import('./point-picker'));

export function useAwarenessEvents(from?: string, to?: string, enabled = true) {
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return useQuery({
    queryKey: ['prevent-events', query],
    queryFn: () => api<AwarenessEventList>('GET', `/api/prevent/events${query ? `?${query}` : ''}`),
    retry: false,
    enabled,
  });
}

/** The awareness events of the last year, each beside the reports in its area before and after it. */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('prevent.events.title'));
  const { data: session } = useSession();
  const recorded = (useLocation().state as { recorded?: string } | null)?.recorded;
  const events = useAwarenessEvents();
  const areas = useForceAreas();
  const day = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const format = (iso: string) => day.format(new Date(`${iso}T12:00:00Z`));
  const number = new Intl.NumberFormat(dateLocale(i18n.language));
  return (
    <>
      <Link className="govuk-back-link" to="/prevent">
        {t('prevent.events.backToAwareness')}
      </Link>
      {recorded && <SuccessBanner message={t('prevent.events.recorded', { title: recorded })} />}
      <h1 className="govuk-heading-l">{t('prevent.events.title')}</h1>
      <p className="govuk-body">{t('prevent.events.lead')}</p>
      <p className="govuk-body">
        <Link className="govuk-button" to="/prevent/events/new">
          {t('prevent.events.record')}
        </Link>
      </p>
      {hasPermission(session, 'reports:overview') && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/figures/map?events=1">
            {t('prevent.events.onMap')}
          </Link>
        </p>
      )}
      {events.error && <ErrorSummary problems={problemsFrom(events.error, t)} />}
      {events.data && (
        <>
          <p className="govuk-body-s">{t('prevent.events.span', { from: format(events.data.from), to: format(events.data.to) })}</p>
          {events.data.events.length === 0 ? (
            <p className="govuk-body">{t('prevent.events.none')}</p>
          ) : (
            <TableScroll label={t('prevent.events.title')}>
              <table className="govuk-table app-table--small" id="events">
                <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{t('prevent.events.title')}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {t('prevent.events.held')}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t('prevent.events.event')}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t('prevent.events.audiences')}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t('prevent.events.attendance')}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t('prevent.events.before', { days: events.data.events[0]!.around.days })}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t('prevent.events.after', { days: events.data.events[0]!.around.days })}
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {events.data.events.map((e) => (
                    <tr className="govuk-table__row" key={e.id} data-event={e.title}>
                      <td className="govuk-table__cell">{format(e.heldOn)}</td>
                      <th scope="row" className="govuk-table__header">
                        {e.title}
                        <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular">
                          {[e.place, areas.shown(e.localAuthority)].filter(Boolean).join(', ')}
                        </span>
                      </th>
                      <td className="govuk-table__cell">{e.audiences.map((a) => t(`prevent.audience.${a}`)).join(', ')}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(e.attendance)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(e.around.before)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">
                        {e.around.complete ? number.format(e.around.after) : t('prevent.events.soFar', { n: number.format(e.around.after) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </>
  );
}

interface EventDraft {
  heldOn: DateParts;
  title: string;
  place: string;
  localAuthority: string;
  point: Point | null;
  audiences: string[];
  partners: string;
  attendance: string;
  handedOut: string;
  campaign: string;
  notes: string;
}

const EMPTY: EventDraft = {
  heldOn: NO_DATE,
  title: '',
  place: '',
  localAuthority: '',
  point: null,
  audiences: [],
  partners: '',
  attendance: '',
  handedOut: '',
  campaign: '',
  notes: '',
};

/** A whole number typed, or the text itself, for the server to refuse with the field named. */
function count(typed: string): number | string {
  return /^\s*\d+\s*$/.test(typed) ? Number(typed) : typed;
}

/** Records an awareness event once held: when, what, where (the area, and the map if wanted), for whom, who came. */
export function RecordEventPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('prevent.events.form.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const areas = useForceAreas();
  const campaigns = useCampaigns();
  const boundaries = useQuery({
    queryKey: ['prevent-boundaries'],
    queryFn: () => api<AreaBoundaries>('GET', '/api/prevent/boundaries'),
    retry: false,
    staleTime: Infinity,
  });
  const [draft, setDraft] = useState<EventDraft>(EMPTY);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => setDraft({ ...draft, [key]: value });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        heldOn: isoDate(draft.heldOn) ?? 'not-a-date',
        title: draft.title,
        place: draft.place,
        localAuthority: draft.localAuthority,
        point: draft.point,
        audiences: draft.audiences,
        partners: draft.partners
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
        attendance: count(draft.attendance),
        handedOut: draft.handedOut.trim() ? count(draft.handedOut) : 0,
        campaign: draft.campaign || null,
        notes: draft.notes,
      } as unknown as AwarenessEventRequest;
      return api<AwarenessEvent>('POST', '/api/prevent/events', body);
    },
    onSuccess: (event) => {
      void client.invalidateQueries({ queryKey: ['prevent-events'] });
      void client.invalidateQueries({ queryKey: ['prevent-campaigns'] });
      void navigate('/prevent/events', { state: { recorded: event.title } });
    },
    onError: (error) =>
      setProblems(
        problemsFrom(error, t, {
          heldOn: t('prevent.events.form.heldOnHint'),
          localAuthority: t('prevent.events.form.area'),
          audiences: t('prevent.events.form.audiencesHint'),
        }),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const degrees = new Intl.NumberFormat(dateLocale(i18n.language), { maximumFractionDigits: 5 });
  return (
    <>
      <Link className="govuk-back-link" to="/prevent/events">
        {t('prevent.events.backToEvents')}
      </Link>
      <h1 className="govuk-heading-l">{t('prevent.events.form.title')}</h1>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} />
        <DateField
          id="heldOn"
          legend={t('prevent.events.form.heldOn')}
          hint={t('prevent.events.form.heldOnHint')}
          value={draft.heldOn}
          onChange={(v) => set('heldOn', v)}
          error={fieldError(problems, 'heldOn')}
        />
        <TextField
          id="title"
          label={t('prevent.events.form.name')}
          hint={t('prevent.events.form.nameHint')}
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={fieldError(problems, 'title')}
          limit={200}
        />
        <TextField
          id="place"
          label={t('prevent.events.form.place')}
          hint={t('prevent.events.form.placeHint')}
          value={draft.place}
          onChange={(e) => set('place', e.target.value)}
          error={fieldError(problems, 'place')}
          limit={300}
        />
        <SelectField
          id="localAuthority"
          label={t('prevent.events.form.area')}
          value={draft.localAuthority}
          onChange={(v) => set('localAuthority', v)}
          options={[{ value: '', label: t('prevent.events.form.chooseArea') }, ...areas.options]}
          error={fieldError(problems, 'localAuthority')}
        />
        <div className="govuk-form-group">
          <h2 className="govuk-label govuk-label--s" id="point-title">
            {t('prevent.events.form.point')}
          </h2>
          <div className="govuk-hint">{t('prevent.events.form.pointHint')}</div>
          {boundaries.data && (
            <Suspense fallback={<p className="govuk-body">{t('common.loading')}</p>}>
              <PointPicker boundaries={boundaries.data} point={draft.point} onPoint={(p) => set('point', p)} label={t('prevent.events.form.point')} />
            </Suspense>
          )}
          <p className="govuk-body-s" aria-live="polite" id="point-said">
            {draft.point
              ? t('prevent.events.form.pointSet', { lat: degrees.format(draft.point.latitude), lon: degrees.format(draft.point.longitude) })
              : t('prevent.events.form.pointNone')}
          </p>
          {draft.point && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => set('point', null)}>
              {t('prevent.events.form.clearPoint')}
            </button>
          )}
        </div>
        <CheckboxesField
          name="audiences"
          legend={t('prevent.events.form.audiences')}
          hint={t('prevent.events.form.audiencesHint')}
          values={draft.audiences}
          onChange={(v) => set('audiences', v)}
          options={AWARENESS_AUDIENCES.map((a) => [a, t(`prevent.audience.${a}`)])}
          error={fieldError(problems, 'audiences')}
        />
        <TextAreaField
          id="partners"
          label={t('prevent.events.form.partners')}
          hint={t('prevent.events.form.partnersHint')}
          value={draft.partners}
          onChange={(v) => set('partners', v)}
          rows={3}
          error={fieldError(problems, 'partners')}
        />
        <TextField
          id="attendance"
          label={t('prevent.events.form.attendance')}
          className="govuk-input--width-5"
          inputMode="numeric"
          value={draft.attendance}
          onChange={(e) => set('attendance', e.target.value)}
          error={fieldError(problems, 'attendance')}
        />
        <TextField
          id="handedOut"
          label={t('prevent.events.form.handedOut')}
          className="govuk-input--width-5"
          inputMode="numeric"
          value={draft.handedOut}
          onChange={(e) => set('handedOut', e.target.value)}
          error={fieldError(problems, 'handedOut')}
        />
        <SelectField
          id="campaign"
          label={t('prevent.events.form.campaign')}
          value={draft.campaign}
          onChange={(v) => set('campaign', v)}
          options={[
            { value: '', label: t('prevent.events.form.noCampaign') },
            ...(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.code, label: c.name })),
          ]}
          error={fieldError(problems, 'campaign')}
        />
        <TextAreaField id="notes" label={t('prevent.events.form.notes')} value={draft.notes} onChange={(v) => set('notes', v)} rows={4} limit={2000} />
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          {t('prevent.events.form.submit')}
        </button>
      </form>
    </>
  );
}
