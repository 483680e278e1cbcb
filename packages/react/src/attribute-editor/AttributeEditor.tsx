import { useId, useMemo } from 'react';
import { defaultAttributes, type AttributeValue, type Issue, type Label } from '@labelkit/core';
import { useControllableState } from '../hooks/use-controllable-state.js';
import { LabelkitStyles } from '../theme/LabelkitStyles.js';
import { AttributeField } from './AttributeField.js';
import { issuesByAttribute, validateAttributeValues } from './attribute-issues.js';

/** Attribute values keyed by attribute id, as stored on an annotation. */
export type AttributeValues = Record<string, AttributeValue>;

/** What {@link AttributeEditorProps.onChange} reports with each new value. */
export interface AttributeValidation {
  /** True when no issue was found. */
  valid: boolean;
  /** Problems, with paths `attributes.<id>` (core's validation rules and messages). */
  issues: Issue[];
}

/** Props of {@link AttributeEditor}. */
export interface AttributeEditorProps {
  /** The label whose attribute definitions the form is generated from (from the schema). */
  label: Label;
  /** Attribute values (controlled). */
  value?: AttributeValues;
  /** Initial attribute values (uncontrolled); defaults to the definitions' own defaults. */
  defaultValue?: AttributeValues;
  /** Every edit, with the new values and their validation. An emptied field removes its key. */
  onChange?(next: AttributeValues, validation: AttributeValidation): void;
  /** Show the values without letting them change. */
  readOnly?: boolean;
  /** Prefix of the DOM ids of the fields (default: a unique React id). */
  idPrefix?: string;
  /** Accessible name of the form (default "<label name> attributes"). */
  'aria-label'?: string;
  /** Extra class on the outer element. */
  className?: string;
}

/**
 * A form generated from a label's attribute definitions: select (radio buttons up to four options),
 * multiselect (checkboxes), boolean (checkbox), number (min/max/step/integer) and text
 * (maxLength/pattern). Each field shows its description, a required mark and its validation message
 * (core's rules), linked by `aria-describedby`/`aria-invalid`. Native controls, so fully keyboard usable.
 */
export function AttributeEditor(props: AttributeEditorProps): React.JSX.Element {
  const { label, readOnly = false, className } = props;
  const reactId = useId();
  const prefix = props.idPrefix ?? reactId;
  const [value, setValue] = useControllableState<AttributeValues | undefined>({
    value: props.value,
    defaultValue: props.defaultValue ?? defaultAttributes(label),
    name: 'AttributeEditor',
  });
  const values = useMemo(() => value ?? {}, [value]);
  const issues = useMemo(() => validateAttributeValues(label, values), [label, values]);
  const byAttribute = useMemo(() => issuesByAttribute(issues), [issues]);
  const defs = label.attributes ?? [];
  const known = new Set(defs.map((d) => d.id));
  const otherIssues = issues.filter((i) => !known.has(i.path.slice('attributes.'.length)));

  const update = (id: string, next: AttributeValue | undefined) => {
    const copy: AttributeValues = { ...values };
    if (next === undefined) delete copy[id];
    else copy[id] = next;
    setValue(copy);
    const nextIssues = validateAttributeValues(label, copy);
    props.onChange?.(copy, { valid: nextIssues.length === 0, issues: nextIssues });
  };

  return (
    <div
      className={['lk-root', 'lk-panel', 'lk-attr-editor', className].filter(Boolean).join(' ')}
      role="group"
      aria-label={props['aria-label'] ?? `${label.name} attributes`}
    >
      <LabelkitStyles />
      {defs.length === 0 && <p className="lk-attr-empty">{`${label.name} has no attributes.`}</p>}
      {defs.map((def, i) => (
        <AttributeField
          key={def.id}
          def={def}
          value={values[def.id]}
          issue={byAttribute.get(def.id)}
          fieldId={`${prefix}-attr-${i}`}
          readOnly={readOnly}
          onChange={(next) => update(def.id, next)}
        />
      ))}
      {otherIssues.length > 0 && (
        <ul className="lk-field-error">
          {otherIssues.map((i) => (
            <li key={i.path}>{i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
