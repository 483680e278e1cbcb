import type { Annotation, LabelSchema, OffsetIndex, TagAnnotation } from '@labelkit/core';
import { TextFragments, type DrawnSpan } from './TextFragments.js';
import { LANE_PX } from './text-styles.js';
import type { IntentItem, IntentScope } from './intent-items.js';

/** Props of {@link IntentItemView}: one item and what is on it. */
export interface IntentItemViewProps {
  item: IntentItem;
  /** The item's index (`data-lk-item`, read by measuring and pointer code). */
  i: number;
  scope: IntentScope;
  index: OffsetIndex;
  schema: LabelSchema;
  isCurrent: boolean;
  /** The tags on the item, and the pending tag suggestions on it. */
  tags: readonly TagAnnotation[];
  suggested: readonly TagAnnotation[];
  /** Slots and slot suggestions drawn on the item's text. */
  spans: readonly DrawnSpan[];
  /** Caret and selection inside the item (-1: none). */
  caret: number;
  rangeStart: number;
  rangeEnd: number;
  selectedKey: string;
  focusedSuggestion: string | null;
  readOnly: boolean;
  onRemove(tag: Annotation): void;
  onDecide(id: string, decision: 'accepted' | 'rejected'): void;
}

const CHIP_BUTTON: React.CSSProperties = { minHeight: 0, padding: '0 4px' };

/** One sentence or turn (or the document) of the intent tagger: its text with slots, its intents and suggested intents. */
export function IntentItemView(p: IntentItemViewProps): React.JSX.Element {
  const { item: it, i, schema } = p;
  const labelName = (id: string) => schema.byId.get(id)?.name ?? id;
  const lanes = p.spans.reduce((m, s) => Math.max(m, s.lane + 1), 1);
  return (
    // The row's padding spaces the items, so a measured height includes the space below it.
    <li className="lk-intent-row" data-lk-item={i}>
      <div className="lk-intent-item" data-current={String(p.isCurrent)}>
        {it.speaker ? <span className="lk-intent-speaker">{it.speaker}</span> : null}
        <div className="lk-text-para" dir="auto" style={{ lineHeight: `${24 + lanes * LANE_PX}px` }}>
          <TextFragments index={p.index} start={it.start} end={it.end} spans={p.spans} lanes={lanes} caret={p.caret} rangeStart={p.rangeStart} rangeEnd={p.rangeEnd} selectedKey={p.selectedKey} focusedSuggestion={p.focusedSuggestion ?? ''} handles={false} showLabels={true} />
        </div>
        <div className="lk-intent-tags" aria-label={`Intents of ${p.scope === 'document' ? 'the document' : `${p.scope} ${i + 1}`}`} role="group">
          {p.tags.map((t) => (
            <span key={t.id} className="lk-badge lk-intent-chip">
              <span className="lk-text-swatch" style={{ background: schema.byId.get(t.label)?.color }} aria-hidden="true" />
              {labelName(t.label)}
              {t.score !== undefined ? ` ${t.score.toFixed(2)}` : ''}
              {p.readOnly ? null : (
                <button type="button" className="lk-button" style={CHIP_BUTTON} aria-label={`Remove intent ${labelName(t.label)}`} onClick={() => p.onRemove(t)}>
                  ×
                </button>
              )}
            </span>
          ))}
          {p.suggested.map((s) => (
            <span key={s.id} className="lk-badge lk-badge--suggestion lk-intent-chip" data-suggested="" data-focused={s.id === p.focusedSuggestion || undefined} style={s.id === p.focusedSuggestion ? { outline: '2px dashed var(--lk-suggestion)' } : undefined}>
              {labelName(s.label)} {s.score === undefined ? '' : s.score.toFixed(2)}
              {p.readOnly ? null : (
                <>
                  <button type="button" className="lk-button" style={CHIP_BUTTON} aria-label={`Accept suggested intent ${labelName(s.label)}`} onClick={() => p.onDecide(s.id, 'accepted')}>✓</button>
                  <button type="button" className="lk-button" style={CHIP_BUTTON} aria-label={`Reject suggested intent ${labelName(s.label)}`} onClick={() => p.onDecide(s.id, 'rejected')}>✗</button>
                </>
              )}
            </span>
          ))}
          {!p.tags.length && !p.suggested.length ? <span className="lk-text-status">No intent</span> : null}
        </div>
      </div>
    </li>
  );
}
