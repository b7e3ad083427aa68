import { useTranslation } from 'react-i18next';
import type { ChartAnalysis } from '@harbour/contract';
import { communityColour, COMMUNITY_COLOURS, SIZE_BY, type AnalysisDrawing, type SizeBy } from './analysis-look';

interface Props {
  drawing: AnalysisDrawing | null;
  /** The analysis of what is drawn, once measured. */
  analysis: ChartAnalysis | undefined;
  labelOf: (id: string) => string;
  onDraw: (drawing: AnalysisDrawing | null) => void;
  onSelect: (id: string) => void;
  disabled: boolean;
}

/**
 * Draws the analysis of what the chart shows on the chart itself: entities sized by their links
 * or betweenness, each community ringed in its colour, key players named by rank. Measured again
 * whenever the chart's entities or filter change, so what is drawn is always of what is shown.
 */
/** Communities beyond the colours are ringed grey, all together. */
const COLOURED = COMMUNITY_COLOURS.length;

export function ChartAnalysisControls({ drawing, analysis, labelOf, onDraw, onSelect, disabled }: Props) {
  const { t } = useTranslation();
  const others = analysis ? Math.max(0, analysis.communities.length - COLOURED) : 0;
  const draw = (form: HTMLFormElement) => {
    const data = new FormData(form);
    onDraw({ sizeBy: data.get('sizeBy') as SizeBy, byCommunity: data.get('byCommunity') === 'yes' });
  };
  return (
    <section aria-labelledby="drawn-heading" className="app-chart-drawn">
      <h2 className="govuk-heading-s" id="drawn-heading">
        {t('graph.drawn.title')}
      </h2>
      <p className="govuk-body-s">{t('graph.drawn.hint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          draw(e.currentTarget);
        }}
      >
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="size-by">
            {t('graph.drawn.sizeBy')}
          </label>
          <select id="size-by" name="sizeBy" className="govuk-select" defaultValue={drawing?.sizeBy ?? 'betweenness'}>
            {SIZE_BY.map((s) => (
              <option key={s} value={s}>
                {t(`graph.drawn.size.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="by-community"
                name="byCommunity"
                type="checkbox"
                value="yes"
                defaultChecked={drawing?.byCommunity ?? true}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="by-community">
                {t('graph.drawn.byCommunity')}
              </label>
            </div>
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={disabled}>
            {t('graph.drawn.draw')}
          </button>
          {drawing && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onDraw(null)}>
              {t('graph.drawn.clear')}
            </button>
          )}
        </div>
      </form>
      {drawing && analysis && (
        <div aria-live="polite">
          <p className="govuk-body-s">
            {t('graph.drawn.summary', { count: analysis.entities.length, communities: analysis.communities.length })}{' '}
            {analysis.keyPlayers.length === 0 && t('graph.drawn.noKeyPlayers')}
          </p>
          {analysis.keyPlayers.length > 0 && (
            <>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{t('graph.drawn.keyPlayers')}</h3>
              <ol className="govuk-list govuk-list--number govuk-body-s" data-testid="key-players">
                {analysis.keyPlayers.map((id) => (
                  <li key={id}>
                    <button type="button" className="app-link-button" onClick={() => onSelect(id)}>
                      {labelOf(id)}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
          {drawing.byCommunity && (
            <ul className="govuk-list govuk-body-s" data-testid="communities">
              {analysis.communities.slice(0, COLOURED).map((size, c) => (
                <li key={c} className="app-chart-legend__item">
                  <Ring colour={communityColour(c)} />
                  {t('graph.drawn.community', { n: c + 1, count: size })}
                </li>
              ))}
              {others !== 0 && (
                <li className="app-chart-legend__item">
                  <Ring colour={communityColour(-1)} />
                  {t('graph.drawn.otherCommunities', { count: others })}
                </li>
              )}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** A community's ring, as the chart draws it around each of its entities. */
function Ring({ colour }: { colour: string }) {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" className="app-chart-legend__line">
      <circle cx="12" cy="12" r="8" fill="#ffffff" stroke={colour} strokeWidth="6" />
    </svg>
  );
}
