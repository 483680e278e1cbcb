import type { SpanAnnotation } from '@labelkit/core';
import { AttributeEditor, type AnnotatorProps } from '@labelkit/react';
import { quote } from './span-model.js';

/** Props of {@link SpanDetails}. */
export interface SpanDetailsProps {
  span: SpanAnnotation;
  schema: AnnotatorProps['schema'];
  readOnly: boolean;
  onRelabel(): void;
  onDelete(): void;
  onAttributes(values: NonNullable<SpanAnnotation['attributes']>): void;
}

/** The selected span: label, text, offsets, relabel/delete buttons and its attribute form. */
export function SpanDetails({ span, schema, readOnly, onRelabel, onDelete, onAttributes }: SpanDetailsProps): React.JSX.Element {
  const label = schema.byId.get(span.label);
  return (
    <section className="lk-panel lk-text-details" aria-label="Selected span">
      <h3>
        <span className="lk-text-swatch" style={{ background: label?.color ?? '#6e7781' }} aria-hidden="true" />
        {label?.name ?? span.label} <span className="lk-text-quote">{quote(span.text, 120)}</span>
      </h3>
      <p className="lk-text-status">
        Characters {span.start}–{span.end}
        {span.source === 'model' && span.score !== undefined ? ` · model score ${span.score.toFixed(2)}` : ''}
      </p>
      {readOnly ? null : (
        <div className="lk-toolbar">
          <button type="button" className="lk-button" onClick={onRelabel}>Relabel</button>
          <button type="button" className="lk-button lk-button--danger" onClick={onDelete}>Delete</button>
        </div>
      )}
      {label?.attributes?.length ? <AttributeEditor key={span.id} label={label} value={span.attributes ?? {}} readOnly={readOnly} onChange={(next) => onAttributes(next)} /> : null}
    </section>
  );
}
