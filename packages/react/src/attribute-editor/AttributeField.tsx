import { useState } from 'react';
import type { AttributeDefinition, AttributeValue, NumberAttribute } from '@labelkit/core';

/** Props of one generated field. */
export interface AttributeFieldProps {
  def: AttributeDefinition;
  value: AttributeValue | undefined;
  /** The message to show, if the value is invalid. */
  issue: string | undefined;
  /** A unique, DOM-safe id for this field (attribute ids are host strings, not used in ids). */
  fieldId: string;
  readOnly: boolean;
  /** New value, or undefined to remove the attribute. */
  onChange(next: AttributeValue | undefined): void;
}

/** Selects with at most this many options are shown as radio buttons. */
export const RADIO_MAX_OPTIONS = 4;

/** One labelled, described form control for an attribute definition, chosen by its type. */
export function AttributeField({ def, value, issue, fieldId, readOnly, onChange }: AttributeFieldProps): React.JSX.Element {
  const name = def.name ?? def.id;
  const help = [def.description, constraintHint(def)].filter(Boolean).join(' ');
  const helpId = `${fieldId}-help`;
  const errorId = `${fieldId}-error`;
  const describedBy = [help ? helpId : '', issue ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = issue ? true : undefined;
  const footer = (
    <>
      {help && (
        <p id={helpId} className="lk-field-help">
          {help}
        </p>
      )}
      {issue && (
        <p id={errorId} className="lk-field-error">
          {capitalise(issue)}
        </p>
      )}
    </>
  );
  // The asterisk is visual; controls say "required" with aria-required (a checkbox group, which has no
  // such attribute, through its description).
  const requiredMark = def.required ? (
    <span className="lk-field-required" aria-hidden="true">
      *
    </span>
  ) : null;

  switch (def.type) {
    case 'select': {
      const current = typeof value === 'string' ? value : undefined;
      if (def.options.length <= RADIO_MAX_OPTIONS) {
        const choices: [string | undefined, string][] = [
          ...(def.required ? [] : [[undefined, 'None'] as [undefined, string]]),
          ...def.options.map((o): [string, string] => [o, o]),
        ];
        return (
          <fieldset
            className="lk-field"
            role="radiogroup"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={def.required || undefined}
            disabled={readOnly}
          >
            <legend className="lk-field-label">
              {name}
              {requiredMark}
            </legend>
            <div className="lk-field-choices">
              {choices.map(([option, text], i) => (
                <label key={i} className="lk-choice">
                  <input type="radio" name={fieldId} checked={current === option} onChange={() => onChange(option)} />
                  {text}
                </label>
              ))}
            </div>
            {footer}
          </fieldset>
        );
      }
      const unknown = current !== undefined && !def.options.includes(current);
      return (
        <div className="lk-field">
          <label htmlFor={fieldId} className="lk-field-label">
            {name}
            {requiredMark}
          </label>
          <select
            id={fieldId}
            className="lk-input"
            value={current ?? ''}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={def.required || undefined}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          >
            <option value="">{def.required ? 'Choose…' : '— none —'}</option>
            {/* A stored value outside the options stays visible, so it is not silently replaced. */}
            {unknown && <option value={current}>{`${current} (not an option)`}</option>}
            {def.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          {footer}
        </div>
      );
    }
    case 'multiselect': {
      const chosen = Array.isArray(value) ? value : [];
      const requiredId = `${fieldId}-required`;
      return (
        <fieldset
          className="lk-field"
          aria-describedby={[def.required ? requiredId : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
          disabled={readOnly}
        >
          {def.required && (
            <span id={requiredId} hidden>
              Required.
            </span>
          )}
          <legend className="lk-field-label">
            {name}
            {requiredMark}
          </legend>
          <div className="lk-field-choices">
            {def.options.map((o) => (
              <label key={o} className="lk-choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(o)}
                  aria-invalid={invalid}
                  onChange={(e) => {
                    const next = e.target.checked ? def.options.filter((x) => x === o || chosen.includes(x)) : chosen.filter((x) => x !== o);
                    onChange(next.length === 0 ? undefined : next);
                  }}
                />
                {o}
              </label>
            ))}
          </div>
          {footer}
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <div className="lk-field">
          <div className="lk-field-inline">
            <input
              id={fieldId}
              type="checkbox"
              checked={value === true}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-required={def.required || undefined}
              disabled={readOnly}
              onChange={(e) => onChange(e.target.checked)}
            />
            <label htmlFor={fieldId} className="lk-field-label">
              {name}
              {requiredMark}
            </label>
          </div>
          {footer}
        </div>
      );
    case 'number':
      return (
        <div className="lk-field">
          <label htmlFor={fieldId} className="lk-field-label">
            {name}
            {requiredMark}
          </label>
          <NumberInput def={def} id={fieldId} value={value} describedBy={describedBy} invalid={invalid} readOnly={readOnly} onChange={onChange} />
          {footer}
        </div>
      );
    case 'text':
      return (
        <div className="lk-field">
          <label htmlFor={fieldId} className="lk-field-label">
            {name}
            {requiredMark}
          </label>
          <input
            id={fieldId}
            type="text"
            className="lk-input"
            value={typeof value === 'string' ? value : ''}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={def.required || undefined}
            readOnly={readOnly}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          />
          {footer}
        </div>
      );
  }
}

interface NumberInputProps {
  def: NumberAttribute;
  id: string;
  value: AttributeValue | undefined;
  describedBy: string | undefined;
  invalid: true | undefined;
  readOnly: boolean;
  onChange(next: number | undefined): void;
}

function NumberInput({ def, id, value, describedBy, invalid, readOnly, onChange }: NumberInputProps): React.JSX.Element {
  // While typing, the text is kept as typed ("-", "1.") and only finite numbers reach the value.
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof value === 'number' ? String(value) : '');
  return (
    <input
      id={id}
      type="number"
      className="lk-input"
      min={def.min}
      max={def.max}
      step={def.step ?? (def.integer ? 1 : 'any')}
      inputMode={def.integer ? 'numeric' : 'decimal'}
      value={shown}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      aria-required={def.required || undefined}
      readOnly={readOnly}
      onChange={(e) => {
        const raw = e.target.value;
        setDraft(raw);
        if (raw.trim() === '') {
          // An unparseable entry ("1e") reads as "" too; only a truly empty box clears the value.
          if (!e.target.validity.badInput) onChange(undefined);
          return;
        }
        const n = Number(raw);
        if (Number.isFinite(n)) onChange(n);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/** A short human description of a definition's limits, e.g. "From 0 to 10, whole numbers." */
export function constraintHint(def: AttributeDefinition): string {
  if (def.type === 'number') {
    const parts: string[] = [];
    if (def.min !== undefined && def.max !== undefined) parts.push(`From ${def.min} to ${def.max}`);
    else if (def.min !== undefined) parts.push(`At least ${def.min}`);
    else if (def.max !== undefined) parts.push(`At most ${def.max}`);
    if (def.integer) parts.push(parts.length ? 'whole numbers' : 'Whole numbers');
    return parts.length ? `${parts.join(', ')}.` : '';
  }
  if (def.type === 'text' && def.maxLength !== undefined) return `Up to ${def.maxLength} characters.`;
  return '';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
