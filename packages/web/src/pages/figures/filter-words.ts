import type { TFunction } from 'i18next';
import type { FiguresParams } from '@harbour/contract';

/** A dashboard filter in words, part by part ("2026-01 to 2026-12", "Newport", "Labour"), for the pages behind a figure. */
export function filterWords(t: TFunction, filter: FiguresParams, areaName: (code: string | null) => string): string[] {
  return [
    filter.from || filter.to ? t('figures.behind.months', { from: filter.from ?? '…', to: filter.to ?? '…' }) : '',
    filter.area ? areaName(filter.area === 'unknown' ? null : filter.area) : '',
    filter.type ? t(`referral.types.${filter.type}`) : '',
    filter.age ? t(`figures.age.${filter.age}`) : '',
    filter.source ? t(`sources.${filter.source}`) : '',
  ].filter(Boolean);
}
