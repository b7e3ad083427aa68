import { useTranslation } from 'react-i18next';
import { LINK_RELATIONS } from '@harbour/contract/vocabulary';
import { ASSERTED_LOOK, KIND_LOOK, RELATION_LOOK } from '@harbour/contract/chart';
import { iconUri } from './chart-style';

const DASHES = { solid: undefined, dashed: '10 6', dotted: '2 5' } as const;

/** What each colour, shape and icon stands for, each kind of line, and how a path and a pinned entity are drawn. */
export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <div className="app-chart-legend">
      <h2 className="govuk-heading-s">{t('graph.legend.title')}</h2>
      <ul className="govuk-list govuk-body-s">
        {Object.entries(KIND_LOOK).map(([kind, look]) => (
          <li key={kind} className="app-chart-legend__item">
            <img src={iconUri(kind)} alt="" width={24} height={24} className="app-chart-legend__icon" style={{ backgroundColor: look.colour }} />
            {t(`picture.kind.${kind}`)}
          </li>
        ))}
        {LINK_RELATIONS.map((relation) => {
          const look = RELATION_LOOK[relation]!;
          return (
            <li key={relation} className="app-chart-legend__item">
              <svg width="40" height="12" viewBox="0 0 40 12" aria-hidden="true" className="app-chart-legend__line">
                <line x1="2" y1="6" x2={relation === 'mentioned' ? 38 : 30} y2="6" stroke={look.colour} strokeWidth="3" strokeDasharray={DASHES[look.line]} />
                {relation !== 'mentioned' && <path d="M30 1L39 6L30 11z" fill={look.colour} />}
              </svg>
              {t(`graph.relation.${relation}`)}
            </li>
          );
        })}
        <li className="app-chart-legend__item">
          <svg width="40" height="12" viewBox="0 0 40 12" aria-hidden="true" className="app-chart-legend__line">
            <line x1="2" y1="6" x2="38" y2="6" stroke={ASSERTED_LOOK.colour} strokeWidth="3" strokeDasharray={ASSERTED_LOOK.dashes.join(' ')} />
          </svg>
          {t('graph.legend.asserted')}
        </li>
        <li className="app-chart-legend__item">
          <span className="app-chart-legend__path" aria-hidden="true" />
          {t('graph.legend.path')}
        </li>
        <li className="app-chart-legend__item">
          <span className="app-chart-legend__pinned" aria-hidden="true" />
          {t('graph.legend.pinned')}
        </li>
        <li>{t('graph.legend.width')}</li>
      </ul>
    </div>
  );
}
