import { EXPLOITATION_TYPES, REPORT_SOURCES } from '@harbour/contract/vocabulary';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForceAreas } from '../../api/force-areas';
import { SelectField, TextField } from '../../components/form/fields';
import type { FiguresParams } from '@harbour/contract';

/** The filter, applied all at once (not on every keystroke), so each view is one request. */
/** The first and last month of a span, side by side: two quarter-width columns of a grid row. */
export function MonthRangeFields({ from, to, onFrom, onTo }: { from: string; to: string; onFrom: (month: string) => void; onTo: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="govuk-grid-column-one-quarter">
        <TextField
          id="from"
          type="month"
          label={t('figures.filter.from')}
          hint={t('figures.filter.monthHint')}
          value={from}
          onChange={(e) => onFrom(e.target.value)}
        />
      </div>
      <div className="govuk-grid-column-one-quarter">
        <TextField id="to" type="month" label={t('figures.filter.to')} hint={t('figures.filter.monthHint')} value={to} onChange={(e) => onTo(e.target.value)} />
      </div>
    </>
  );
}

export function FilterForm({ filter, onApply }: { filter: FiguresParams; onApply: (filter: FiguresParams) => void }) {
  const { t } = useTranslation();
  const forceAreas = useForceAreas();
  const [draft, setDraft] = useState<FiguresParams>(filter);
  const set = (name: keyof FiguresParams) => (value: string) => setDraft((f) => ({ ...f, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const any = { value: '', label: t('figures.filter.any') };
  return (
    <form onSubmit={submit} className="app-filter" aria-label={t('figures.filter.label')}>
      <div className="govuk-grid-row">
        <MonthRangeFields from={draft.from ?? ''} to={draft.to ?? ''} onFrom={set('from')} onTo={set('to')} />
        <div className="govuk-grid-column-one-quarter">
          <SelectField
            id="granularity"
            label={t('figures.filter.granularity')}
            value={draft.granularity ?? 'month'}
            onChange={set('granularity')}
            options={['month', 'quarter', 'year'].map((g) => ({ value: g, label: t(`figures.filter.${g}`) }))}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <SelectField
            id="area"
            label={t('figures.filter.area')}
            value={draft.area ?? ''}
            onChange={set('area')}
            options={[any, ...forceAreas.options, { value: 'unknown', label: t('figures.areaUnknown') }]}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <SelectField
            id="type"
            label={t('figures.filter.type')}
            value={draft.type ?? ''}
            onChange={set('type')}
            options={[any, ...EXPLOITATION_TYPES.map((x) => ({ value: x, label: t(`referral.types.${x}`) }))]}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <SelectField
            id="age"
            label={t('figures.filter.age')}
            value={draft.age ?? ''}
            onChange={set('age')}
            options={[any, ...['child', 'adult'].map((x) => ({ value: x, label: t(`figures.age.${x}`) }))]}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <SelectField
            id="source"
            label={t('figures.filter.source')}
            value={draft.source ?? ''}
            onChange={set('source')}
            options={[any, ...REPORT_SOURCES.map((x) => ({ value: x, label: t(`sources.${x}`) }))]}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <button type="submit" className="govuk-button app-filter__apply">
            {t('figures.filter.apply')}
          </button>
        </div>
      </div>
    </form>
  );
}
