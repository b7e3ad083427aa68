import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, apiFile } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { Grading } from '../../components/grading';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { TableScroll } from '../../components/table-scroll';
import { useUnsavedWarning } from '../../components/unsaved-warning';
import { ReportLink } from '../picture/report-link';
import { ChartCanvas, type ChartCanvasHandle, type ChartNode } from './chart-canvas';
import { ChartLegend } from './chart-legend';
import { ChartTimeline } from './chart-timeline';
import type { SvgFrame } from '@harbour/contract/chart';
import { FilterFields } from './filter-fields';
import { NetworkAnalysis } from './network-analysis';
import { OpenCaseForm } from '../cases/open-case-form';
import { hasPermission, useSession } from '../../session/session';
import { TimeSlider } from './time-slider';
import { LinkEvidencePanel } from './link-evidence-panel';
import { linkSentence, onlyAsserted, strongestRelation } from './link-words';
import { analysisLook, type AnalysisDrawing } from './analysis-look';
import { ChartAnalysisControls } from './chart-analysis-controls';
import { EntityActions } from './entity-actions';
import { EntityDetailsPanel } from './entity-details-panel';
import { EventDetailsPanel } from './event-details-panel';
import { ChartEventsTable } from './chart-events-table';
import { GroupChosenForm, GroupNames, groupsOf, marksOf } from './chart-marks';
import { drawnAsEvents, eventId, isEvent } from './chart-events';
import { forgetChart, keepChart, keptChart, type SavedAs, type WorkingChart } from './working-chart';
import { cleanLinkFilter, LINK_RELATIONS, linkFilterParams, protectiveMarking } from '@harbour/contract/vocabulary';
import type {
  CallDataView,
  ChartAnalysis,
  ChartData,
  ChartEvents,
  ChartLayout,
  Created,
  LinkAsserted,
  LinkFilter,
  LinkView,
  Paths,
  SavedChart,
} from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';

const LAYOUTS: ChartLayout[] = ['cose', 'concentric', 'breadthfirst', 'circle', 'grid'];

/** Which filter keys a chart's address may carry (a network opened from the networks page keeps its filter). */
const FILTER_KEYS = ['from', 'until', 'evaluations', 'assessments', 'ungraded', 'exploitationTypes', 'kinds', 'relations'] as const;

function filterFromParams(params: URLSearchParams): LinkFilter {
  const filter: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    filter[key] = key === 'from' || key === 'until' ? value : key === 'ungraded' ? value === 'true' : value.split(',');
  }
  return filter;
}

/** A chart names people and shows what the reports say of them. */
const CHART_MARKING = protectiveMarking({ personal: true, intelligence: true });

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * A link chart: opened from a network, an entity or a saved chart, then worked: expand entities
 * (double-click, or the table), hide and pin them, lay the chart out, filter its links, play them
 * in the order they were first seen, find the path between two entities, save it by name, and
 * export it as PNG or SVG. The table of entities under the chart does all of it by keyboard.
 * The entity selected is detailed beside the chart, with the analysis of what is drawn; the chart
 * as worked is kept in the tab (see working-chart.ts), so leaving and coming back, or reloading,
 * finds it as it was, and leaving the site with changes not saved asks first.
 */
export function ChartPage() {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const canOpenCase = hasPermission(session, 'cases:work');
  const [params] = useSearchParams();
  // Where the working chart is kept: the address without the language asked for in it.
  const search = useLocation().search;
  const address = useMemo(() => {
    const kept = new URLSearchParams(search);
    kept.delete('lang');
    return `?${kept.toString()}`;
  }, [search]);
  const navigate = useNavigate();
  const client = useQueryClient();
  const canvas = useRef<ChartCanvasHandle>(null);
  const [nodes, setNodes] = useState<ChartNode[]>([]);
  const [links, setLinks] = useState<LinkView[]>([]);
  const [filter, setFilter] = useState<LinkFilter>(() => filterFromParams(params));
  const [layout, setLayout] = useState<ChartLayout>('cose');
  const [layoutRun, setLayoutRun] = useState(0);
  const [hops, setHops] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [openLink, setOpenLink] = useState<{ from: string; to: string } | null>(null);
  const [paths, setPaths] = useState<Paths['paths'] | null>(null);
  const [pathShown, setPathShown] = useState(0);
  const [cutoff, setCutoff] = useState<number | null>(null);
  const [saved, setSaved] = useState<SavedAs | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string>();
  const [note, setNote] = useState<string>();
  const [drawing, setDrawing] = useState<AnalysisDrawing | null>(null);
  /** Reports drawn as events (nodes joined to the entities they name) in place of the links they make. */
  const [asEvents, setAsEvents] = useState(false);
  /** Changed since opened or saved: asked about before leaving the site, offered to discard. */
  const [changed, setChanged] = useState(false);
  const [restored, setRestored] = useState(false);
  const [reopen, setReopen] = useState(0);
  /** The address whose chart is on screen, once it is: where the working chart is kept. */
  const openedAt = useRef<string | null>(null);
  useUnsavedWarning(changed);
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  usePageTitle(saved ? saved.name : t('graph.chart.title'));

  /** Takes what the server drew: entities already on the chart keep what the analyst set on them. */
  const take = useCallback((data: ChartData, placed?: Map<string, { x: number; y: number; pinned: boolean; hidden: boolean }>) => {
    setNodes((old) => {
      const before = new Map(old.map((n) => [n.id, n]));
      return data.nodes.map((n) => ({ ...n, hidden: false, pinned: false, ...placed?.get(n.id), ...pick(before.get(n.id)) }));
    });
    setLinks(data.links);
  }, []);

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setMessage(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  const among = async (ids: string[], f: LinkFilter) =>
    api<ChartData & { missing: string[] }>('POST', '/api/graph/entities', { ids, filter: cleanLinkFilter(f) });

  /** A chart whose entities have places (kept in the tab, or saved), as placed, under its own filter and layout. */
  const showPlaced = (chart: Pick<WorkingChart, 'entities' | 'filter' | 'layout'>, data: ChartData & { missing: string[] }) => {
    setFilter(chart.filter);
    setLayout(chart.layout === 'preset' ? 'cose' : chart.layout);
    take(data, new Map(chart.entities.map((e) => [e.id, e])));
    if (data.missing.length) setNote(t('graph.chart.missing', { count: data.missing.length }));
    openedAt.current = address;
  };

  // Open what the address names: a network, an entity's neighbourhood, a saved chart, or call data.
  const network = params.get('network');
  const entity = params.get('entity');
  const savedId = params.get('saved');
  const callsId = params.get('calls');
  const justSaved = useRef<string | null>(null);
  useEffect(() => {
    // A chart saved here is already on screen.
    if (savedId && savedId === justSaved.current) return;
    openedAt.current = null;
    setNodes([]);
    setLinks([]);
    setPaths(null);
    setSelected([]);
    setNote(undefined);
    setRestored(false);
    setChanged(false);
    setDrawing(null);
    setAsEvents(false);
    void run(async () => {
      const kept = keptChart(address);
      if (kept) {
        // Back on a chart worked on in this tab: as it was left, drawn from the picture as it is now.
        setSaved(kept.saved);
        setName(kept.name);
        setDrawing(kept.drawing);
        setAsEvents(kept.asEvents === true);
        setChanged(kept.changed);
        setRestored(kept.changed);
        showPlaced(
          kept,
          await among(
            kept.entities.map((e) => e.id),
            kept.filter,
          ),
        );
        return;
      }
      setSaved(null);
      setName('');
      if (savedId) {
        const chart = await api<SavedChart>('GET', `/api/graph/charts/${savedId}`);
        setSaved({ id: chart.id, name: chart.name, mine: chart.mine, shared: chart.shared, owner: chart.owner });
        setName(chart.name);
        showPlaced(chart.chart, chart.data);
        return;
      }
      const query = new URLSearchParams(linkFilterParams(filterFromParams(params)));
      if (network) {
        const data = await api<ChartData & { size: number; truncated: boolean }>('GET', `/api/graph/networks/${network}?${query.toString()}`);
        take(data);
        // Opening a network marks it seen: the networks page must ask again.
        void client.invalidateQueries({ queryKey: ['networks'] });
        if (data.truncated) setNote(t('graph.chart.truncated', { shown: data.nodes.length, size: data.size }));
      } else if (entity) {
        query.set('hops', '1');
        take(await api<ChartData>('GET', `/api/graph/entities/${entity}?${query.toString()}`));
      } else if (callsId) {
        // Call data: its numbers, and the people already known to use them.
        const calls = await api<CallDataView>('GET', `/api/call-data/${callsId}`);
        const ids = [...new Set(calls.numbers.flatMap((n) => [...(n.entity_id ? [n.entity_id] : []), ...n.people.map((p) => p.id)]))];
        if (ids.length) take(await among(ids, filterFromParams(params)));
      }
      openedAt.current = address;
    });
    // The address alone decides what is opened (or discarding changes, what it opens afresh).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [network, entity, savedId, callsId, reopen]);

  /** Keeps the chart as it stands in the tab, under the address that opened it. */
  const keep = useRef(() => {});
  useEffect(() => {
    keep.current = () => {
      if (openedAt.current === null || nodes.length === 0 || !canvas.current) return;
      const positions = canvas.current.positions();
      keepChart({
        address: openedAt.current,
        entities: nodes.map((n) => ({ id: n.id, ...(positions.get(n.id) ?? { x: n.x ?? 0, y: n.y ?? 0 }), hidden: n.hidden, pinned: n.pinned, ...marksOf(n) })),
        filter: cleanLinkFilter(filter),
        layout,
        saved,
        name,
        drawing,
        asEvents,
        changed,
      });
    };
  });
  useEffect(() => keep.current(), [nodes, filter, layout, saved, name, drawing, asEvents, changed]);
  const placed = useCallback((byHand: boolean) => {
    if (byHand) setChanged(true);
    keep.current();
  }, []);

  const discard = () => {
    if (openedAt.current) forgetChart(openedAt.current);
    setReopen((r) => r + 1);
  };

  // The analysis drawn is of what is drawn: measured again when the entities or the filter change.
  const idsKey = useMemo(() => [...new Set(nodes.map((n) => n.id))].sort().join(','), [nodes]);
  const drawn = useQuery({
    queryKey: ['chart-analysis', idsKey, filter],
    enabled: drawing !== null && idsKey !== '',
    queryFn: () => api<ChartAnalysis>('POST', '/api/graph/entities/analysis', { ids: idsKey.split(','), filter: cleanLinkFilter(filter) }),
    staleTime: Infinity,
    retry: false,
  });
  const eventsAsked = useQuery({
    queryKey: ['chart-events', idsKey, filter],
    enabled: asEvents && idsKey !== '',
    queryFn: () => api<ChartEvents>('POST', '/api/graph/entities/events', { ids: idsKey.split(','), filter: cleanLinkFilter(filter) }),
    staleTime: Infinity,
    retry: false,
  });
  const events = asEvents ? eventsAsked.data : undefined;
  /** What the canvas draws: the entities and their links, or the entities, the reports as events, and the calls. */
  const onCanvas = useMemo(() => (events ? drawnAsEvents(nodes, links, events.events) : { nodes, links }), [events, nodes, links]);
  /** The analysis on the chart, while it is drawn. */
  const measured = drawing ? drawn.data : undefined;
  const look = useMemo(() => (drawing && measured ? analysisLook(measured, drawing) : null), [drawing, measured]);
  const keyLabel = useCallback((rank: number, label: string) => t('graph.drawn.keyLabel', { rank, label }), [t]);

  const expand = useCallback(
    (id: string) =>
      run(async () => {
        const near = await api<ChartData>(
          'GET',
          `/api/graph/entities/${id}?${new URLSearchParams({ hops: String(hops), ...linkFilterParams(filter) }).toString()}`,
        );
        const ids = [...new Set([...nodes.map((n) => n.id), ...near.nodes.map((n) => n.id)])];
        take(await among(ids, filter));
        setChanged(true);
        setMessage(t('graph.chart.expanded', { count: ids.length - nodes.length }));
      }),
    [filter, hops, nodes, run, take, t],
  );

  const applyFilter = (next: LinkFilter) =>
    run(async () => {
      setFilter(next);
      setChanged(true);
      setPaths(null);
      if (nodes.length)
        take(
          await among(
            nodes.map((n) => n.id),
            next,
          ),
        );
    });

  const findPath = () =>
    run(async () => {
      const [a, b] = chosen;
      const found = await api<Paths>('GET', `/api/graph/paths?${new URLSearchParams({ a: a!, b: b!, ...linkFilterParams(filter) }).toString()}`);
      setPaths(found.paths);
      setPathShown(0);
      const onPaths = found.paths.flatMap((p) => p.nodes.map((n) => n.id));
      if (onPaths.some((id) => !nodes.some((n) => n.id === id))) {
        take(await among([...new Set([...nodes.map((n) => n.id), ...onPaths])], filter));
        setChanged(true);
      }
    });

  /** Selects an entity (brought onto the chart first if it is not there), e.g. a key player for a path. */
  const choose = (id: string) =>
    run(async () => {
      if (!nodes.some((n) => n.id === id)) {
        take(await among([...nodes.map((n) => n.id), id], filter));
        setChanged(true);
      }
      setSelected((s) => (s.includes(id) ? s : [...s, id]));
    });

  /** A link asserted by hand: drawn at once (with the entity it added), and its evidence opened to show it as such. */
  const asserted = (made: LinkAsserted) =>
    run(async () => {
      const from = selected[0]!;
      take(await among([...new Set([...nodes.map((n) => n.id), made.to])], filter));
      setChanged(true);
      setMessage(t(made.added ? 'graph.assert.madeWithEntity' : 'graph.assert.made'));
      setOpenLink({ from, to: made.to });
    });

  /** The picture changed under the chart (an assertion withdrawn): drawn again as it now is. */
  const redraw = () =>
    run(async () => {
      if (nodes.length)
        take(
          await among(
            nodes.map((n) => n.id),
            filter,
          ),
        );
    });

  /** The canvas reports what is selected in its own order; the analyst's order (path from, to) is kept. */
  const keepOrder = useCallback((ids: string[]) => setSelected((s) => [...s.filter((x) => ids.includes(x)), ...ids.filter((x) => !s.includes(x))]), []);

  const change = (id: string, part: Partial<ChartNode>) => {
    setNodes((all) => all.map((n) => (n.id === id ? { ...n, ...part } : n)));
    setChanged(true);
  };
  const drop = (id: string) => {
    setChanged(true);
    setNodes((all) => all.filter((n) => n.id !== id));
    setLinks((all) => all.filter((l) => l.from !== id && l.to !== id));
    setSelected((s) => s.filter((x) => x !== id));
  };

  const save = (event: FormEvent, asNew: boolean) => {
    event.preventDefault();
    void run(async () => {
      const positions = canvas.current!.positions();
      const chart = {
        entities: nodes.map((n) => ({ id: n.id, ...(positions.get(n.id) ?? { x: 0, y: 0 }), pinned: n.pinned, hidden: n.hidden, ...marksOf(n) })),
        filter: cleanLinkFilter(filter),
        layout: 'preset' as const,
      };
      if (saved?.mine && !asNew) {
        await api('PUT', `/api/graph/charts/${saved.id}`, { name, chart });
        setSaved({ ...saved, name: name.trim() });
      } else {
        const { id } = await api<Created>('POST', '/api/graph/charts', { name, chart });
        setSaved({ id, name: name.trim(), mine: true, shared: false, owner: '' });
        justSaved.current = id;
        // Kept from now on as the saved chart; the address it was opened at starts afresh.
        if (openedAt.current) forgetChart(openedAt.current);
        openedAt.current = `?saved=${id}`;
        void navigate(`/chart?saved=${id}`, { replace: true });
      }
      setChanged(false);
      setRestored(false);
      await client.invalidateQueries({ queryKey: ['charts'] });
      setMessage(t('graph.chart.saved', { name: name.trim() }));
    });
  };

  /** What an export carries besides the drawing: its title, when and by whom, and a key to what it shows. */
  const exportFrame = (): SvgFrame => {
    const shown = onCanvas.nodes.filter((n) => !n.hidden);
    return {
      title: saved?.name ?? (name.trim() || t('graph.chart.title')),
      byline: t('graph.chart.byline', { date: when.format(new Date()), name: session?.user.displayName ?? '' }),
      keyTitle: t('graph.legend.title'),
      kinds: [...new Set(shown.map((n) => n.kind))].sort().map((kind) => ({ kind, label: t(`picture.kind.${kind}`) })),
      relations: LINK_RELATIONS.filter((r) => onCanvas.links.some((l) => !onlyAsserted(l) && strongestRelation(l) === r)).map((relation) => ({
        relation,
        label: t(`graph.relation.${relation}`),
      })),
      ...(onCanvas.links.some(onlyAsserted) ? { asserted: t('graph.legend.asserted') } : {}),
    };
  };

  /** A PNG or SVG is drawn here; the export is recorded (audited) first, and offered only once it is. */
  const exportImage = (format: 'png' | 'svg') =>
    run(async () => {
      const { nodes: shown, links: drawn } = canvas.current!.drawing();
      await api('POST', '/api/graph/charts/exported', { format, entities: shown.length, links: drawn.length, ...(saved ? { chart: saved.id } : {}) });
      const image =
        format === 'png'
          ? await canvas.current!.png(CHART_MARKING, exportFrame())
          : new Blob([canvas.current!.svg(CHART_MARKING, exportFrame())], { type: 'image/svg+xml' });
      download(`harbour-chart-${CHART_MARKING}.${format}`, image);
    });

  /** The PDF is made by the server, which signs it with the analyst's name, marks it and audits it. */
  const exportPdf = () =>
    run(async () => {
      const { title, keyTitle, kinds, relations, asserted } = exportFrame();
      const drawn = canvas.current!.drawing();
      const language = i18n.language === 'cy' ? 'cy' : 'en';
      const body = {
        title,
        language,
        keyTitle,
        kinds,
        relations,
        ...(asserted ? { assertedLabel: asserted } : {}),
        ...drawn,
        ...(saved ? { chart: saved.id } : {}),
      };
      download(`harbour-chart-${CHART_MARKING}.pdf`, await apiFile('/api/graph/charts/pdf', body));
    });

  const share = (shared: boolean) =>
    run(async () => {
      await api('PUT', `/api/graph/charts/${saved!.id}/sharing`, { shared });
      setSaved({ ...saved!, shared });
      await client.invalidateQueries({ queryKey: ['charts'] });
      setMessage(t(shared ? 'graph.chart.sharedNow' : 'graph.chart.unsharedNow', { name: saved!.name }));
    });

  const degree = useMemo(() => {
    const count = new Map<string, number>();
    for (const l of links) for (const id of [l.from, l.to]) count.set(id, (count.get(id) ?? 0) + 1);
    return count;
  }, [links]);
  const caption = useCallback(
    (link: LinkView) =>
      // A report's line to an entity it names says nothing a caption would add.
      isEvent(link.from)
        ? ''
        : [
            link.relations.map((r) => t(`graph.relation.${r}`)).join(', '),
            link.calls > 0 ? t('graph.chart.callCaption', { count: link.calls }) : '',
            link.reports > link.asserted ? t('graph.chart.linkCaption', { count: link.reports - link.asserted }) : '',
            link.asserted > 0 ? t('graph.chart.assertedCaption', { count: link.asserted }) : '',
          ]
            .filter(Boolean)
            .join(' · '),
    [t],
  );
  const path = paths?.[pathShown];
  const pathDrawn = useMemo(() => (path ? { nodes: path.nodes.map((n) => n.id), links: path.links.map((l) => [l.from, l.to] as const) } : null), [path]);
  const labelOf = (id: string) => onCanvas.nodes.find((n) => n.id === id)?.label ?? id;
  const openEvidence = (from: string, to: string) => setOpenLink({ from, to });
  const chosenNode = selected.length === 1 ? nodes.find((n) => n.id === selected[0]) : undefined;
  const chosenEvent = selected.length === 1 ? events?.events.find((e) => eventId(e.id) === selected[0]) : undefined;
  /** Entities chosen, for a path: a report drawn as an event is not one. */
  const chosen = selected.filter((id) => !isEvent(id));
  const groupNames = groupsOf(nodes).sort();
  const problems = error ? problemsFrom(error, t, { name: t('graph.chart.nameError') }) : [];
  /** Beside the chart: the entity or the report chosen on it, or how to choose one. */
  let details = <p className="govuk-body-s">{t('graph.details.hint')}</p>;
  if (chosen.length > 1)
    details = (
      <GroupChosenForm
        count={chosen.length}
        onGroup={(group) => {
          setNodes((all) => all.map((n) => (chosen.includes(n.id) ? { ...n, group } : n)));
          setChanged(true);
        }}
      />
    );
  if (chosenEvent) details = <EventDetailsPanel event={chosenEvent} labelOf={labelOf} />;
  if (chosenNode)
    details = (
      <EntityDetailsPanel
        node={chosenNode}
        links={links.filter((l) => l.from === chosenNode.id || l.to === chosenNode.id)}
        labelOf={labelOf}
        figures={measured?.entities.find((e) => e.id === chosenNode.id)}
        keyRank={look?.get(chosenNode.id)?.keyRank}
        busy={busy}
        onOpenLink={openEvidence}
        onExpand={() => void expand(chosenNode.id)}
        onChange={(part) => change(chosenNode.id, part)}
        onRemove={() => drop(chosenNode.id)}
        {...(hasPermission(session, 'links:import') ? { assert: { others: nodes, onAsserted: (made: LinkAsserted) => void asserted(made) } } : {})}
      />
    );

  return (
    <>
      <Link className="govuk-back-link" to="/networks">
        {t('graph.chart.back')}
      </Link>
      <h1 className="govuk-heading-l">{saved ? saved.name : t('graph.chart.title')}</h1>
      {saved && !saved.mine && <p className="govuk-body">{t('graph.chart.sharedBy', { owner: saved.owner })}</p>}
      {message && <SuccessBanner message={message} />}
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      {note && <div className="govuk-inset-text">{note}</div>}
      {restored && (
        <div className="govuk-inset-text" data-testid="kept-changes">
          <p className="govuk-body">{t('graph.chart.restored')}</p>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={discard}>
            {t('graph.chart.discard')}
          </button>
        </div>
      )}
      <p className="govuk-body" aria-live="polite">
        {busy ? t('common.loading') : t('graph.chart.counts', { entities: nodes.length, links: links.length })}
        {events && ` ${t('graph.chart.events', { count: events.events.length })}`}
        {events?.truncated && ` ${t('graph.chart.eventsTruncated', { count: events.events.length })}`}
      </p>
      {eventsAsked.error && asEvents && <ErrorSummary problems={problemsFrom(eventsAsked.error, t)} />}

      <FilterFields key={JSON.stringify(filter)} filter={filter} onApply={(f) => void applyFilter(f)} />

      <div className="app-chart-tools">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="layout">
            {t('graph.chart.layout')}
          </label>
          <select id="layout" className="govuk-select" value={layout} onChange={(e) => setLayout(e.target.value as ChartLayout)}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`graph.chart.layouts.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="hops">
            {t('graph.chart.hops')}
          </label>
          <select id="hops" className="govuk-select" value={hops} onChange={(e) => setHops(Number(e.target.value))}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {t('graph.chart.hopsValue', { count: n })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setLayoutRun((r) => r + 1);
            setChanged(true);
          }}
        >
          {t('graph.chart.relayout')}
        </button>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="as-events"
                type="checkbox"
                checked={asEvents}
                aria-describedby="as-events-hint"
                onChange={(e) => setAsEvents(e.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="as-events">
                {t('graph.chart.asEvents')}
              </label>
              <div id="as-events-hint" className="govuk-hint govuk-checkboxes__hint">
                {t('graph.chart.asEventsHint')}
              </div>
            </div>
          </div>
        </div>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void exportImage('png')}>
          {t('graph.chart.png')}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void exportImage('svg')}>
          {t('graph.chart.svg')}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void exportPdf()}>
          {t('graph.chart.pdf')}
        </button>
      </div>

      <TimeSlider links={onCanvas.links} cutoff={cutoff} onChange={setCutoff} format={(ms) => when.format(new Date(ms))} />

      <div className="app-chart-frame">
        <ChartCanvas
          ref={canvas}
          nodes={onCanvas.nodes}
          links={onCanvas.links}
          layout={layout}
          layoutRun={layoutRun}
          cutoff={cutoff}
          path={pathDrawn}
          selected={selected}
          analysis={look}
          keyLabel={keyLabel}
          onPlaced={placed}
          onSelect={keepOrder}
          onExpand={(id) => {
            if (!isEvent(id)) void expand(id);
          }}
          onOpenLink={(from, to) => (isEvent(from) ? setSelected([from]) : openEvidence(from, to))}
          caption={caption}
          description={t('graph.chart.description', { entities: nodes.length, links: links.length })}
        />
        <div className="app-chart-side">
          {details}
          <GroupNames groups={groupNames} />
          <ChartAnalysisControls
            drawing={drawing}
            analysis={measured}
            labelOf={labelOf}
            onDraw={setDrawing}
            onSelect={(id) => setSelected([id])}
            disabled={busy || nodes.length === 0}
          />
          {drawn.error && <ErrorSummary problems={problemsFrom(drawn.error, t)} />}
          <ChartLegend />
        </div>
      </div>
      <p className="govuk-body-s">{t('graph.chart.mouseHint')}</p>
      {events && events.events.length > 0 && <ChartEventsTable events={events.events} labelOf={labelOf} onSelect={(id) => setSelected([eventId(id)])} />}
      {openLink && (
        <LinkEvidencePanel
          key={`${openLink.from}|${openLink.to}`}
          from={openLink.from}
          to={openLink.to}
          filter={filter}
          onClose={() => setOpenLink(null)}
          {...(hasPermission(session, 'links:import') ? { onWithdrawn: () => void redraw() } : {})}
        />
      )}

      <h2 className="govuk-heading-m">{t('graph.chart.pathTitle')}</h2>
      <p className="govuk-body">
        {chosen.length === 2
          ? t('graph.chart.pathBetween', { a: labelOf(chosen[0]!), b: labelOf(chosen[1]!) })
          : t('graph.chart.pathHint', { count: chosen.length })}
      </p>
      <button type="button" className="govuk-button" disabled={chosen.length !== 2 || busy} onClick={() => void findPath()}>
        {t('graph.chart.findPath')}
      </button>
      {paths && paths.length === 0 && <p className="govuk-body">{t('graph.chart.noPath')}</p>}
      {path && (
        <section aria-labelledby="path-heading">
          <h3 className="govuk-heading-s" id="path-heading">
            {t('graph.chart.pathShown', { n: pathShown + 1, count: paths.length, links: path.links.length })}
          </h3>
          {paths.length > 1 && (
            <div className="govuk-button-group">
              {paths.map((_, i) => (
                <button key={i} type="button" className="govuk-button govuk-button--secondary" aria-pressed={i === pathShown} onClick={() => setPathShown(i)}>
                  {t('graph.chart.pathNumber', { n: i + 1 })}
                </button>
              ))}
            </div>
          )}
          <ol className="govuk-list govuk-list--number" data-testid="path">
            {path.links.map((l, i) => (
              <li key={`${l.from}|${l.to}`}>
                {linkSentence(t, path.nodes[i]!.label, path.nodes[i + 1]!.label, l)}:{' '}
                {l.sources.map((s, k) => (
                  <span key={s.id}>
                    {k > 0 && ', '}
                    <ReportLink id={s.id} reference={s.reference} /> ({when.format(new Date(s.receivedAt))} <Grading code={s.grading} />)
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </section>
      )}

      <NetworkAnalysis entityId={network ?? selected[0] ?? nodes[0]?.id} filter={filter} onSelect={(id) => void choose(id)} />
      {network && canOpenCase && <OpenCaseForm from={{ networkOf: network }} />}

      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            {t('graph.link.listTitle')} ({links.length})
          </span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body-s">{t('graph.link.hint')}</p>
          <TableScroll label={t('graph.link.listCaption')}>
            <table className="govuk-table app-table--small">
              <caption className="govuk-table__caption govuk-visually-hidden">{t('graph.link.listCaption')}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t('graph.link.link')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('graph.link.reports')}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">{t('graph.link.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {links.map((l) => {
                  const sentence = linkSentence(t, labelOf(l.from), labelOf(l.to), l);
                  return (
                    <tr className="govuk-table__row" key={`${l.from}|${l.to}`}>
                      <td className="govuk-table__cell">
                        {sentence}
                        {l.calls > 0 && <span className="app-table-hint">{t('graph.chart.callCaption', { count: l.calls })}</span>}
                      </td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{l.reports}</td>
                      <td className="govuk-table__cell">
                        <button
                          type="button"
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          aria-label={t('graph.link.openFor', { sentence })}
                          onClick={() => setOpenLink({ from: l.from, to: l.to })}
                        >
                          {t('graph.link.open')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </div>
      </details>
      <ChartTimeline links={links} labelOf={labelOf} onOpenLink={openEvidence} />

      <h2 className="govuk-heading-m">{t('graph.chart.entities')}</h2>
      <TableScroll label={t('graph.chart.entitiesCaption')}>
        <table className="govuk-table app-table--small">
          <caption className="govuk-table__caption govuk-visually-hidden">{t('graph.chart.entitiesCaption')}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t('graph.chart.select')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.chart.entity')}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {t('graph.chart.links')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.chart.actions')}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {[...nodes]
              .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.label.localeCompare(b.label))
              .map((n) => (
                <tr className="govuk-table__row" key={n.id}>
                  <td className="govuk-table__cell">
                    <div className="govuk-checkboxes govuk-checkboxes--small">
                      <div className="govuk-checkboxes__item">
                        <input
                          className="govuk-checkboxes__input"
                          id={`select-${n.id}`}
                          type="checkbox"
                          checked={selected.includes(n.id)}
                          onChange={(e) => setSelected((s) => (e.target.checked ? [...s, n.id] : s.filter((x) => x !== n.id)))}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${n.id}`}>
                          <span className="govuk-visually-hidden">{t('graph.chart.selectEntity', { name: n.label })}</span>
                        </label>
                      </div>
                    </div>
                  </td>
                  <td className="govuk-table__cell">
                    <span className="govuk-body-s">{t(`picture.kind.${n.kind}`)}</span>
                    <br />
                    <Link className="govuk-link" to={`/entities/${n.id}`}>
                      {n.label}
                    </Link>
                    {n.hidden && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-1">{t('graph.chart.hiddenTag')}</strong>}
                    {n.pinned && <strong className="govuk-tag govuk-!-margin-left-1">{t('graph.chart.pinnedTag')}</strong>}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{degree.get(n.id) ?? 0}</td>
                  <td className="govuk-table__cell">
                    <div className="app-row-actions">
                      <EntityActions
                        node={n}
                        busy={busy}
                        onExpand={() => void expand(n.id)}
                        onChange={(part) => change(n.id, part)}
                        onRemove={() => drop(n.id)}
                      />
                    </div>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 className="govuk-heading-m">{t('graph.chart.saveTitle')}</h2>
      <form onSubmit={(e) => save(e, false)} noValidate>
        <div className={`govuk-form-group${problems.some((p) => p.field === 'name') ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="name">
            {t('graph.chart.name')}
          </label>
          <input
            id="name"
            name="name"
            className="govuk-input govuk-!-width-two-thirds"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy || nodes.length === 0}>
            {t(saved?.mine ? 'graph.chart.saveChanges' : saved ? 'graph.chart.saveCopy' : 'graph.chart.save')}
          </button>
          {saved?.mine && (
            <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={(e) => save(e, true)}>
              {t('graph.chart.saveAsNew')}
            </button>
          )}
        </div>
      </form>
      {saved?.mine && (
        <section aria-labelledby="share-heading">
          <h2 className="govuk-heading-m" id="share-heading">
            {t('graph.chart.shareTitle')}
          </h2>
          <p className="govuk-body">{t(saved.shared ? 'graph.chart.sharedHint' : 'graph.chart.shareHint')}</p>
          <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => void share(!saved.shared)}>
            {t(saved.shared ? 'graph.chart.unshare' : 'graph.chart.share')}
          </button>
        </section>
      )}
    </>
  );
}

/** What an analyst set on an entity, kept when the server draws it again. */
function pick(node: ChartNode | undefined): Partial<ChartNode> {
  return node ? { hidden: node.hidden, pinned: node.pinned, ...marksOf(node) } : {};
}
