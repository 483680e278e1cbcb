import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { compare, type Comparison, type CompareOptions, type Conflict } from '@labelkit/core';
import { useControllableState } from '../hooks/use-controllable-state.js';
import { LabelkitStyles } from '../theme/LabelkitStyles.js';
import { conflictRows, stepIndex, type ConflictRow, type ReviewSet } from './conflict-rows.js';

/** How a conflict was resolved, as the host reports it back through `decisions`. */
export type ConflictDecision = 'a' | 'b' | 'rejected';

/** Props of {@link ReviewPanel}. Props only: it fetches nothing and holds no merge logic. */
export interface ReviewPanelProps {
  /** Labeller A's set (with a gold check: the labeller or model being checked). */
  a: ReviewSet;
  /** Labeller B's set (with a gold check: the gold set, `gold: true`). */
  b: ReviewSet;
  /**
   * `compare(a.annotations, b.annotations, options)` from `@labelkit/core`, when the host already has
   * it; otherwise the panel computes it with `compareOptions`.
   */
  comparison?: Comparison;
  /** Options for the panel's own `compare()` call; ignored when `comparison` is given. */
  compareOptions?: CompareOptions;
  /** Display name of a label id (default: the id); rendered as text. */
  labelName?(labelId: string): string;
  /** Key of the focused conflict (controlled; `null` for none). Keys come from `conflictKey()`. */
  focusedConflict?: string | null;
  /** Initially focused conflict (uncontrolled; default the first). */
  defaultFocusedConflict?: string | null;
  /** The focused conflict changed (by N/P, arrows, a click, or moving on after a decision). */
  onFocusedConflictChange?(key: string | null, conflict: Conflict | null): void;
  /** Take A's version of the conflict (for `missing`: keep nothing). Hidden when absent. */
  onTakeA?(conflict: Conflict, key: string): void;
  /** Take B's version of the conflict (for `extra`: keep nothing). Hidden when absent. */
  onTakeB?(conflict: Conflict, key: string): void;
  /** Reject both sides of the conflict. Hidden when absent. */
  onReject?(conflict: Conflict, key: string): void;
  /** Decisions made so far, by conflict key, shown on their rows. */
  decisions?: Readonly<Record<string, ConflictDecision>>;
  /** Move to the next conflict after take A / take B / reject (default true). */
  advanceOnDecision?: boolean;
  /** Disables the decision buttons and keys (e.g. a read-only host); N/P still move. */
  disabled?: boolean;
  /** Accessible name of the panel (default "Review"). */
  'aria-label'?: string;
  /** Extra class on the outer element. */
  className?: string;
}

/** Keys of the conflict list, shown on the buttons; the panel binds them only while its list has focus. */
const KEYS = { next: 'N', previous: 'P', takeA: 'A', takeB: 'B', reject: 'R' } as const;

/**
 * Review of two labellers' work on one item (or a labeller against gold): who they are, how far they
 * agree (`compare()`'s score, F1 and counts), and the list of conflicts with next/previous and, per
 * conflict, take A / take B / reject callbacks. Put it beside any annotator; the host applies the
 * decisions to its own merged set and may highlight the focused conflict's annotations.
 *
 * Keyboard, with the conflict list focused: N or ↓ next, P or ↑ previous, Home/End first/last,
 * A take A, B take B, R reject.
 */
export function ReviewPanel(props: ReviewPanelProps): React.JSX.Element {
  const { a, b, labelName, decisions = {}, disabled = false, className, advanceOnDecision = true } = props;
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const comparison = useMemo(
    () => props.comparison ?? compare(a.annotations, b.annotations, props.compareOptions),
    [props.comparison, props.compareOptions, a.annotations, b.annotations],
  );
  const rows = useMemo(() => conflictRows(comparison, a, b, labelName), [comparison, a, b, labelName]);
  const [focused, setFocused] = useControllableState<string | null>({
    value: props.focusedConflict,
    defaultValue: props.defaultFocusedConflict !== undefined ? props.defaultFocusedConflict : (rows[0]?.key ?? null),
    onChange: (key) => props.onFocusedConflictChange?.(key, rows.find((r) => r.key === key)?.conflict ?? null),
    name: 'ReviewPanel',
  });
  const focusedIndex = rows.findIndex((r) => r.key === focused);
  const current: ConflictRow | undefined = rows[focusedIndex];

  const moveTo = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    setFocused(row.key);
    document.getElementById(optionId(index))?.scrollIntoView?.({ block: 'nearest' });
  };
  const step = (delta: number) => moveTo(stepIndex(focusedIndex, delta, rows.length));

  const decide = (handler: ((conflict: Conflict, key: string) => void) | undefined) => {
    if (handler === undefined || current === undefined || disabled) return;
    handler(current.conflict, current.key);
    if (advanceOnDecision && focusedIndex < rows.length - 1) moveTo(focusedIndex + 1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
    let handled = true;
    switch (key) {
      case KEYS.next:
      case 'ArrowDown':
        step(1);
        break;
      case KEYS.previous:
      case 'ArrowUp':
        step(-1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case KEYS.takeA:
        if (props.onTakeA) decide(props.onTakeA);
        else handled = false;
        break;
      case KEYS.takeB:
        if (props.onTakeB) decide(props.onTakeB);
        else handled = false;
        break;
      case KEYS.reject:
        if (props.onReject) decide(props.onReject);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      // The keys are the panel's while its list has focus, not the annotator's beside it.
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const optionId = (index: number) => `${baseId}-conflict-${index}`;
  const listLabelId = `${baseId}-list-label`;
  const resolved = rows.filter((r) => decisions[r.key] !== undefined).length;
  const overall = comparison.perKind;
  const totals = Object.values(overall).reduce((t, c) => ({ tp: t.tp + c.tp, fp: t.fp + c.fp, fn: t.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const f1 = 2 * totals.tp + totals.fp + totals.fn === 0 ? NaN : (2 * totals.tp) / (2 * totals.tp + totals.fp + totals.fn);
  const noCurrent = current === undefined || disabled;

  return (
    <section className={['lk-root', 'lk-panel', 'lk-review-panel', className].filter(Boolean).join(' ')} aria-label={props['aria-label'] ?? 'Review'}>
      <LabelkitStyles />
      <ul className="lk-review-labellers" aria-label="Labellers">
        {[
          ['A', a],
          ['B', b],
        ].map(([side, set]) => {
          const s = set as ReviewSet;
          return (
            <li key={side as string} className="lk-review-labeller">
              <span className="lk-review-side" aria-hidden="true">
                {side as string}
              </span>
              {s.color !== undefined && <span className="lk-review-swatch" style={{ background: s.color }} aria-hidden="true" />}
              <span className="lk-review-name">{s.name}</span>
              {s.gold && <span className="lk-badge">gold</span>}
              <span className="lk-review-count">{`${s.annotations.length} ${s.annotations.length === 1 ? 'annotation' : 'annotations'}`}</span>
            </li>
          );
        })}
      </ul>
      <dl className="lk-review-scores">
        {(
          [
            ['Agreement', formatScore(comparison.score)],
            ['F1', formatScore(f1)],
            ['Matched', String(totals.tp)],
            ['Conflicts', String(rows.length)],
          ] as const
        ).map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="lk-review-list-header">
        <span id={listLabelId} className="lk-review-list-title">
          Conflicts
        </span>
        <span className="lk-review-progress" role="status">
          {rows.length === 0 ? 'No conflicts' : `${focusedIndex === -1 ? '–' : focusedIndex + 1} of ${rows.length} · ${resolved} resolved`}
        </span>
      </div>
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        className="lk-review-list"
        aria-labelledby={listLabelId}
        aria-activedescendant={current === undefined ? undefined : optionId(focusedIndex)}
        aria-keyshortcuts={[KEYS.next, KEYS.previous, props.onTakeA && KEYS.takeA, props.onTakeB && KEYS.takeB, props.onReject && KEYS.reject].filter(Boolean).join(' ')}
        onKeyDown={onKeyDown}
      >
        {rows.map((row, index) => {
          const decision = decisions[row.key];
          return (
            <div
              key={row.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === focusedIndex}
              className="lk-review-conflict"
              data-type={row.conflict.type}
              data-decision={decision}
              onClick={() => {
                moveTo(index);
                listRef.current?.focus();
              }}
            >
              <span className="lk-review-conflict-title">{row.title}</span>
              <span className="lk-review-conflict-detail">{row.detail}</span>
              {decision !== undefined && <span className="lk-badge lk-review-decision">{DECISION_TEXT[decision]}</span>}
            </div>
          );
        })}
      </div>
      <div className="lk-toolbar lk-review-actions" role="group" aria-label="Conflict actions">
        <PanelButton text="Previous" hotkey={KEYS.previous} disabled={rows.length === 0 || focusedIndex <= 0} onClick={() => step(-1)} />
        <PanelButton text="Next" hotkey={KEYS.next} disabled={rows.length === 0 || focusedIndex >= rows.length - 1} onClick={() => step(1)} />
        {(props.onTakeA || props.onTakeB || props.onReject) && <span className="lk-toolbar-separator" aria-hidden="true" />}
        {props.onTakeA && <PanelButton text={`Take A (${a.name})`} hotkey={KEYS.takeA} disabled={noCurrent} onClick={() => decide(props.onTakeA)} primary />}
        {props.onTakeB && <PanelButton text={`Take B (${b.name})`} hotkey={KEYS.takeB} disabled={noCurrent} onClick={() => decide(props.onTakeB)} primary />}
        {props.onReject && <PanelButton text="Reject" hotkey={KEYS.reject} disabled={noCurrent} onClick={() => decide(props.onReject)} danger />}
      </div>
    </section>
  );
}

const DECISION_TEXT: Record<ConflictDecision, string> = { a: 'took A', b: 'took B', rejected: 'rejected' };

interface PanelButtonProps {
  text: string;
  hotkey: string;
  disabled: boolean;
  primary?: boolean;
  danger?: boolean;
  onClick(): void;
}

function PanelButton({ text, hotkey, disabled, primary, danger, onClick }: PanelButtonProps): React.JSX.Element {
  const cls = ['lk-button', primary ? 'lk-button--primary' : '', danger ? 'lk-button--danger' : ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={cls} disabled={disabled} aria-keyshortcuts={hotkey} onClick={onClick}>
      {text}
      <kbd className="lk-kbd" aria-hidden="true">
        {hotkey}
      </kbd>
    </button>
  );
}

/** A score in [0, 1] as a percentage; `NaN` (undefined for the input) as "n/a". */
export function formatScore(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a';
}
