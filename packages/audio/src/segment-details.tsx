/**
 * The details panel under the track: the selected segment's label, extent, channel, transcript and
 * attributes, or the accept/reject actions of a selected suggestion.
 *
 * It stays mounted with nothing selected (its fields empty and disabled), so selecting a segment —
 * the first frames of a drag included — only updates values: no form controls are created or laid
 * out for the first time, and the page below the track does not jump. Memoized: the annotator's own
 * renders (the playhead clock while playing) leave it alone unless what it shows changes.
 */
import { memo, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import type { AttributeValue, Label, SegmentAnnotation } from '@labelkit/core';
import { AttributeEditor } from '@labelkit/react';
import { channelName, channelOptions } from './layout.js';
import { formatTime } from './time-format.js';

/** What the panel asks its annotator to do. Called with the latest state: the object may change identity freely. */
export interface SegmentDetailsActions {
  accept(id: string): void;
  reject(id: string): void;
  relabel(labelId: string): void;
  update(id: string, patch: Partial<SegmentAnnotation>): void;
  setChannel(id: string, channel: number | undefined): void;
  delete(): void;
  draftChange(id: string, text: string): void;
  draftCommit(): void;
  transcriptKey(e: ReactKeyboardEvent<HTMLInputElement>): void;
}

export interface SegmentDetailsProps {
  /** The one selected segment or suggestion, if any. */
  segment: SegmentAnnotation | undefined;
  isSuggestion: boolean;
  /** The labels segments may have (the label select's options). */
  labels: readonly Label[];
  /** The selected segment's label (its name and attribute form). */
  label: Label | undefined;
  readOnly: boolean;
  minLength: number;
  duration: number;
  channelCount: number;
  /** The transcript being typed, if it belongs to `segment`. */
  draftText: string | null;
  transcriptRef: RefObject<HTMLInputElement | null>;
  /** Stable wrapper; see {@link SegmentDetailsActions}. */
  actions: SegmentDetailsActions;
}

/** `left channel`, `right channel` (stereo) or `channel 3`. */
export function channelPhrase(c: number, channelCount: number): string {
  return channelCount === 2 && (c === 0 || c === 1) ? `${channelName(c, 2).toLowerCase()} channel` : `channel ${c + 1}`;
}

function SegmentDetailsImpl(props: SegmentDetailsProps): React.JSX.Element {
  const { segment: seg, isSuggestion, labels, label, readOnly, minLength, duration, channelCount, draftText, transcriptRef, actions } = props;
  // Fields are editable only for a selected (accepted) segment in an editable annotator.
  const off = !seg || isSuggestion;
  const showChannel = channelCount > 1 || seg?.channel !== undefined;
  return (
    <section className="lk-panel lk-audio__details" aria-label="Selected segment" data-empty={seg ? undefined : ''}>
      <p className="lk-audio__summary">
        {seg ? (
          <>
            <strong>{label?.name ?? seg.label}</strong> {formatTime(seg.start)} – {formatTime(seg.end)} ({(seg.end - seg.start).toFixed(3)} s)
            {seg.channel !== undefined ? ` · ${channelPhrase(seg.channel, channelCount)}` : ''}
            {isSuggestion ? (
              <span className="lk-badge lk-badge--suggestion" style={{ marginLeft: 8 }}>
                Suggestion{seg.score !== undefined ? ` ${Math.round(seg.score * 100)}%` : ''}
              </span>
            ) : null}
          </>
        ) : (
          'No segment selected: click one, or press Tab.'
        )}
      </p>
      {seg && isSuggestion ? (
        <div className="lk-toolbar lk-audio__suggestion-actions">
          <button type="button" className="lk-button lk-button--primary" onClick={() => actions.accept(seg.id)} disabled={readOnly}>
            Accept <kbd className="lk-kbd">Enter</kbd>
          </button>
          <button type="button" className="lk-button lk-button--danger" onClick={() => actions.reject(seg.id)} disabled={readOnly}>
            Reject <kbd className="lk-kbd">Shift+Delete</kbd>
          </button>
        </div>
      ) : null}
      <label>
        Label
        <select className="lk-input" value={seg?.label ?? ''} disabled={off || readOnly} onChange={(e) => actions.relabel(e.target.value)}>
          {seg ? null : <option value="" />}
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Start (s)
        <input
          className="lk-input"
          type="number"
          step={0.001}
          min={0}
          max={seg ? seg.end - minLength : undefined}
          disabled={off}
          readOnly={readOnly}
          value={seg ? Number(seg.start.toFixed(3)) : ''}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (seg && Number.isFinite(v) && v >= 0 && v <= seg.end - minLength) actions.update(seg.id, { start: v });
          }}
        />
      </label>
      <label>
        End (s)
        <input
          className="lk-input"
          type="number"
          step={0.001}
          min={seg ? seg.start + minLength : undefined}
          max={duration}
          disabled={off}
          readOnly={readOnly}
          value={seg ? Number(seg.end.toFixed(3)) : ''}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (seg && Number.isFinite(v) && v <= duration && v >= seg.start + minLength) actions.update(seg.id, { end: v });
          }}
        />
      </label>
      {showChannel ? (
        <label>
          Channel
          <select className="lk-input" value={seg?.channel === undefined ? '' : String(seg.channel)} disabled={off || readOnly} onChange={(e) => seg && actions.setChannel(seg.id, e.target.value === '' ? undefined : Number(e.target.value))}>
            <option value="">{channelName(undefined, channelCount)}</option>
            {channelOptions(channelCount, seg?.channel).map((c) => (
              <option key={c} value={String(c)}>
                {channelName(c, channelCount)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="button" className="lk-button lk-button--danger" onClick={() => actions.delete()} disabled={off || readOnly}>
        Delete
      </button>
      <label className="lk-audio__transcript">
        Transcript
        <input
          ref={transcriptRef}
          className="lk-input"
          type="text"
          disabled={off}
          readOnly={readOnly}
          value={seg ? (draftText ?? seg.text ?? '') : ''}
          onChange={(e) => seg && actions.draftChange(seg.id, e.target.value)}
          onBlur={() => actions.draftCommit()}
          onKeyDown={(e) => actions.transcriptKey(e)}
        />
      </label>
      {seg && !isSuggestion && label?.attributes?.length ? (
        <div style={{ gridColumn: '1/-1' }}>
          <AttributeEditor key={seg.id} label={label} value={seg.attributes ?? {}} readOnly={readOnly} onChange={(next: Record<string, AttributeValue>) => actions.update(seg.id, { attributes: next })} />
        </div>
      ) : null}
    </section>
  );
}

/** The details panel; see the module comment. */
export const SegmentDetails = memo(SegmentDetailsImpl);
