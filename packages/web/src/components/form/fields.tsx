import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextWithPhones } from '../phone-number';
import { CharacterCount, countId } from './character-count';
import type { DateParts } from './date-parts';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

function FormGroup({ id, error, hint, label, counted = false, children }: FieldProps & { counted?: boolean; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${counted ? ' govuk-character-count' : ''}${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A question answered by several controls (radios, a date's boxes): legend, hint and error around them. */
function FieldsetGroup({
  id,
  legend,
  hint,
  error,
  role,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  role?: 'group';
  children: ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/** A question's hint and error message, with the ids its control's aria-describedby names. */
function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t('common.errorPrefix')}:</span> <TextWithPhones text={error} />
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hint?: string, error?: string, limit?: number): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : '', limit ? countId(id) : ''].filter(Boolean).join(' ') || undefined;
}

/** A text input; with a `limit`, the limit is said and the characters left counted as people type. */
export function TextField({
  id,
  label,
  hint,
  error,
  className,
  limit,
  ...input
}: FieldProps & { limit?: number; value?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value'>) {
  const over = limit !== undefined && (input.value ?? '').length > limit;
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} counted={limit !== undefined}>
      <input
        id={id}
        name={id}
        className={`govuk-input${error || over ? ' govuk-input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error, limit)}
        {...input}
      />
      {limit !== undefined && <CharacterCount id={id} value={input.value ?? ''} limit={limit} />}
    </FormGroup>
  );
}

/** A GOV.UK file upload; `children` (an upload button, a status) sit under it in the same group. */
export function FileField({
  id,
  label,
  hint,
  error,
  accept,
  onFile,
  children,
}: FieldProps & { accept: string; onFile: (file: File | null) => void; children?: ReactNode }) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      {children}
    </FormGroup>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  value,
  onChange,
  disabled,
}: FieldProps & { options: { value: string; label: string }[]; value: string; onChange: (value: string) => void; disabled?: boolean }) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 6,
  limit,
  lang,
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number; limit?: number; lang?: string }) {
  const over = limit !== undefined && value.length > limit;
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} counted={limit !== undefined}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`govuk-textarea${error || over ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(id, hint, error, limit)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        lang={lang}
      />
      {limit !== undefined && <CharacterCount id={id} value={value} limit={limit} />}
    </FormGroup>
  );
}

/** A GOV.UK radios fieldset; `inline` lays short answers side by side. */
export function RadiosField({
  name,
  legend,
  hint,
  value,
  onChange,
  options,
  inline = false,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options: [value: string, label: string][];
  inline?: boolean;
  error?: string;
}) {
  return (
    <FieldsetGroup id={name} legend={legend} hint={hint} error={error}>
      <div className={`govuk-radios govuk-radios--small${inline ? ' govuk-radios--inline' : ''}`}>
        {options.map(([v, label]) => (
          <div className="govuk-radios__item" key={v}>
            <input className="govuk-radios__input" id={`${name}-${v}`} name={name} type="radio" value={v} checked={value === v} onChange={() => onChange(v)} />
            <label className="govuk-label govuk-radios__label" htmlFor={`${name}-${v}`}>
              {label}
            </label>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}

/** The GOV.UK date input: day, month and year in their own boxes, so no one has to guess an order. */
export function DateField({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
}) {
  const { t } = useTranslation();
  const parts = [
    { part: 'day', width: 2 },
    { part: 'month', width: 2 },
    { part: 'year', width: 4 },
  ] as const;
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error} role="group">
      <div className="govuk-date-input" id={id}>
        {parts.map(({ part, width }) => (
          <div className="govuk-date-input__item" key={part}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                {t(`common.date.${part}`)}
              </label>
              <input
                className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={value[part]}
                onChange={(e) => onChange({ ...value, [part]: e.target.value })}
              />
            </div>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}

/** A GOV.UK checkboxes fieldset: several answers to one question. */
export function CheckboxesField({
  name,
  legend,
  hint,
  values,
  onChange,
  options,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: [value: string, label: string][];
  error?: string;
}) {
  return (
    <FieldsetGroup id={name} legend={legend} hint={hint} error={error}>
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {options.map(([v, label]) => (
          <div className="govuk-checkboxes__item" key={v}>
            <input
              className="govuk-checkboxes__input"
              id={`${name}-${v}`}
              name={name}
              type="checkbox"
              value={v}
              checked={values.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...values, v] : values.filter((x) => x !== v))}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={`${name}-${v}`}>
              {label}
            </label>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}

/** One yes-or-no box. */
export function CheckField({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} name={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}
