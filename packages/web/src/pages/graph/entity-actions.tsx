import { useTranslation } from 'react-i18next';
import type { ChartNode } from './chart-canvas';

interface Props {
  node: ChartNode;
  busy: boolean;
  onExpand: () => void;
  onChange: (part: Partial<ChartNode>) => void;
  onRemove: () => void;
}

/** What can be done with an entity on the chart, each naming it for a screen reader: expand, hide or show, pin or unpin, remove. */
export function EntityActions({ node, busy, onExpand, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const actions: [string, () => void, boolean][] = [
    ['graph.chart.expand', onExpand, busy],
    [node.hidden ? 'graph.chart.show' : 'graph.chart.hide', () => onChange({ hidden: !node.hidden }), false],
    [node.pinned ? 'graph.chart.unpin' : 'graph.chart.pin', () => onChange({ pinned: !node.pinned }), false],
    ['graph.chart.remove', onRemove, false],
  ];
  return (
    <>
      {actions.map(([words, act, disabled]) => (
        <button key={words} type="button" className="app-link-button" onClick={act} disabled={disabled}>
          {t(words)}
          <span className="govuk-visually-hidden"> {node.label}</span>
        </button>
      ))}
    </>
  );
}
