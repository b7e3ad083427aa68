import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkView } from '@harbour/contract';

/** How long each step of playback shows, in milliseconds. */
const STEP_MS = 700;

/**
 * Plays the chart's links in the order they were first seen: a range over the distinct dates,
 * the last showing everything. Keyboard: the arrow keys move it like any range input.
 */
export function TimeSlider({
  links,
  cutoff,
  onChange,
  format,
}: {
  links: readonly LinkView[];
  cutoff: number | null;
  onChange: (cutoff: number | null) => void;
  format: (ms: number) => string;
}) {
  const { t } = useTranslation();
  const times = useMemo(() => [...new Set(links.map((l) => Date.parse(l.firstSeen)))].sort((a, b) => a - b), [links]);
  const [playing, setPlaying] = useState(false);
  const step = cutoff === null ? times.length : times.filter((time) => time <= cutoff).length;
  const shown = cutoff === null ? links.length : links.filter((l) => Date.parse(l.firstSeen) <= cutoff).length;
  const goTo = (n: number) => onChange(n >= times.length ? null : (times[n - 1] ?? Number.NEGATIVE_INFINITY));

  // Playback stops by itself at the last date.
  const active = playing && step < times.length;
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => goTo(step + 1), STEP_MS);
    return () => clearTimeout(timer);
    // goTo depends only on times and onChange, both stable for a playback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, step, times]);

  if (times.length < 2) return null;
  return (
    <div className="govuk-form-group app-time-slider">
      <label className="govuk-label govuk-label--s" htmlFor="time">
        {t('graph.time.label')}
      </label>
      <div id="time-hint" className="govuk-hint">
        {cutoff === null ? t('graph.time.all', { count: links.length }) : t('graph.time.upTo', { date: format(cutoff), shown, count: links.length })}
      </div>
      <div className="app-time-slider__controls">
        <input
          id="time"
          type="range"
          min={1}
          max={times.length}
          value={Math.max(step, 1)}
          aria-describedby="time-hint"
          aria-valuetext={cutoff === null ? t('graph.time.all', { count: links.length }) : format(cutoff)}
          onChange={(e) => {
            setPlaying(false);
            goTo(Number(e.target.value));
          }}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            if (!active && step >= times.length) goTo(1);
            setPlaying(!active);
          }}
        >
          {t(active ? 'graph.time.pause' : 'graph.time.play')}
        </button>
      </div>
    </div>
  );
}
