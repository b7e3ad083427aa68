import type { ReactNode } from 'react';

interface AddAnotherProps<T> {
  /** Prefix of the fieldset ids, e.g. "vehicle" gives vehicle-0, vehicle-1… */
  id: string;
  items: readonly T[];
  /** The legend of item n (counting from 1), e.g. "Vehicle 2". */
  legend: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  blank: T;
  max: number;
  onChange: (items: T[]) => void;
  /** The fields of one item; `update` changes only that item. */
  children: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
}

/**
 * The "add another" pattern: a list of small fieldsets, each removable, and a button to add one
 * more up to a limit. Focus moves to the new item's first field so keyboard users stay in place.
 */
export function AddAnother<T extends object>({ id, items, legend, addLabel, removeLabel, blank, max, onChange, children }: AddAnotherProps<T>) {
  const add = () => {
    onChange([...items, blank]);
    // After React renders the new fieldset.
    setTimeout(() => document.querySelector<HTMLElement>(`#${id}-${items.length} input, #${id}-${items.length} select`)?.focus(), 0);
  };
  return (
    <div className="app-add-another">
      {items.map((item, i) => (
        <fieldset className="govuk-fieldset app-add-another__item" id={`${id}-${i}`} key={i}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend(i + 1)}</legend>
          {children(item, i, (patch) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : x))))}
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-4"
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            {removeLabel(i + 1)}
          </button>
        </fieldset>
      ))}
      {items.length < max && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={add}>
          {addLabel}
        </button>
      )}
    </div>
  );
}
