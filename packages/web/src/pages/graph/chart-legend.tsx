import { useTranslation } from 'react-i18next';
import { iconUri, KIND_LOOK } from './chart-style';

/** What each colour, shape and icon stands for, and how a path and a pinned entity are drawn. */
export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <div className="app-chart-legend">
      <h2 className="govuk-heading-s">{t('graph.legend.title')}</h2>
      <ul className="govuk-list govuk-body-s">
        {Object.entries(KIND_LOOK).map(([kind, look]) => (
          <li key={kind} className="app-chart-legend__item">
            <img src={iconUri(kind)} alt="" width={24} height={24} className="app-chart-legend__icon" style={{ backgroundColor: look.colour }} />
            {t(`picture.kind.${kind}`)} <span className="govuk-visually-hidden">({look.shape})</span>
          </li>
        ))}
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
