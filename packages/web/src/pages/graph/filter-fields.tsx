import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateParts, isoDate, NO_DATE } from '../../components/form/date-parts';
import { DateField } from '../../components/form/fields';
import { EXPLOITATION_TYPES, LINK_RELATIONS, RECORD_KINDS, SOURCE_EVALUATIONS, cleanLinkFilter } from '@harbour/contract/vocabulary';
import type { LinkFilter } from '@harbour/contract';

const DATE_ENDS = ['from', 'until'] as const;
type DateEnd = (typeof DATE_ENDS)[number];

/** A GOV.UK group of small checkboxes; nothing ticked is `undefined` (all). */
export function Checkboxes<T extends string>({
  name,
  legend,
  options,
  chosen,
  onChange,
}: {
  name: string;
  legend: string;
  options: [value: T, label: string][];
  chosen: readonly T[] | undefined;
  onChange: (values: T[] | undefined) => void;
}) {
  const set = new Set<T>(chosen ?? []);
  const toggle = (value: T, on: boolean) => {
    const next = options.map(([v]) => v).filter((v) => (v === value ? on : set.has(v)));
    onChange(next.length ? next : undefined);
  };
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {options.map(([value, label]) => (
            <div className="govuk-checkboxes__item" key={value}>
              <input
                className="govuk-checkboxes__input"
                id={`${name}-${value}`}
                name={name}
                type="checkbox"
                value={value}
                checked={set.has(value)}
                onChange={(e) => toggle(value, e.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${name}-${value}`}>
                {label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * What links count: reports received between two dates, of some gradings, about some kinds of
 * exploitation, saying some things (controls, lives at…), between some kinds of entity. Nothing ticked in a group means all of it.
 */
export function FilterFields({ filter, onApply }: { filter: LinkFilter; onApply: (filter: LinkFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<LinkFilter>(filter);
  // Dates typed day, month, year as the reader writes them, never in the browser's own (often US) order.
  const [dates, setDates] = useState({ from: dateParts(filter.from ?? ''), until: dateParts(filter.until ?? '') });
  const [dateErrors, setDateErrors] = useState<Partial<Record<DateEnd, string>>>({});
  const set = (part: Partial<LinkFilter>) => setDraft((d) => ({ ...d, ...part }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = isoDate(dates.from);
    const until = isoDate(dates.until);
    const errors: Partial<Record<DateEnd, string>> = {};
    if (from === null) errors.from = t('graph.filter.dateInvalid');
    if (until === null) errors.until = t('graph.filter.dateInvalid');
    if (from && until && from > until) errors.until = t('graph.filter.dateOrder');
    setDateErrors(errors);
    if (Object.keys(errors).length > 0) return;
    onApply(cleanLinkFilter({ ...draft, from: from || undefined, until: until || undefined }));
  };
  return (
    <details className="govuk-details" open={Object.keys(filter).length > 0}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('graph.filter.title')}</span>
      </summary>
      <form className="govuk-details__text" onSubmit={submit} noValidate>
        <p className="govuk-body">{t('graph.filter.hint')}</p>
        <div className="app-filter-dates">
          {DATE_ENDS.map((end) => (
            <DateField
              key={end}
              id={`filter-${end}`}
              legend={t(`graph.filter.${end}`)}
              error={dateErrors[end]}
              value={dates[end]}
              onChange={(value) => setDates((d) => ({ ...d, [end]: value }))}
            />
          ))}
        </div>
        <Checkboxes
          name="filter-exploitation"
          legend={t('graph.filter.exploitation')}
          options={EXPLOITATION_TYPES.map((x) => [x, t(`referral.types.${x}`)])}
          chosen={draft.exploitationTypes}
          onChange={(exploitationTypes) => set({ exploitationTypes })}
        />
        <Checkboxes
          name="filter-relations"
          legend={t('graph.filter.relations')}
          options={LINK_RELATIONS.map((r) => [r, t(`graph.relation.${r}`)])}
          chosen={draft.relations}
          onChange={(relations) => set({ relations })}
        />
        <Checkboxes
          name="filter-kinds"
          legend={t('graph.filter.kinds')}
          options={RECORD_KINDS.map((k) => [k, t(`picture.kinds.${k}`)])}
          chosen={draft.kinds}
          onChange={(kinds) => set({ kinds })}
        />
        <Checkboxes
          name="filter-evaluations"
          legend={t('graph.filter.evaluations')}
          options={SOURCE_EVALUATIONS.map((e) => [e, t(`graph.filter.evaluation.${e}`)])}
          chosen={draft.evaluations}
          onChange={(evaluations) => set({ evaluations })}
        />
        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="filter-graded-only"
              type="checkbox"
              checked={draft.ungraded === false}
              onChange={(e) => set({ ungraded: e.target.checked ? false : undefined })}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="filter-graded-only">
              {t('graph.filter.gradedOnly')}
            </label>
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            {t('graph.filter.apply')}
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              setDraft({});
              setDates({ from: NO_DATE, until: NO_DATE });
              setDateErrors({});
              onApply({});
            }}
          >
            {t('graph.filter.clear')}
          </button>
        </div>
      </form>
    </details>
  );
}
