import { useId, useState } from 'react';
import { detectPlatform, formatShortcut } from '@labelkit/core';
import { useControllableState } from '../hooks/use-controllable-state.js';
import { LabelkitStyles } from '../theme/LabelkitStyles.js';

/** The suggestion under review, as the bar shows it. */
export interface CurrentSuggestion {
  /** Display name of its label (shown as text, never as HTML). */
  label?: string;
  /** Model confidence in [0, 1]. */
  score?: number;
  /** 1-based position among the pending suggestions. */
  position?: number;
}

/** Shortcuts to show on the buttons (strings like `"A"` or `"Shift+A"`); the bar does not bind them. */
export interface SuggestionBarHotkeys {
  accept?: string;
  reject?: string;
  next?: string;
  previous?: string;
}

/** Props of {@link SuggestionBar}: plain numbers and callbacks, no review logic inside. */
export interface SuggestionBarProps {
  /** How many suggestions have no decision yet. */
  pending: number;
  /** How many suggestions there are in all. */
  total?: number;
  /** The suggestion under review; Accept/Reject act on it and are disabled without it. */
  current?: CurrentSuggestion;
  /** Accept the current suggestion. */
  onAccept?(): void;
  /** Reject the current suggestion. */
  onReject?(): void;
  /** Accept every pending suggestion. */
  onAcceptAll?(): void;
  /** Reject every pending suggestion. */
  onRejectAll?(): void;
  /** Accept every pending suggestion whose score is at least `threshold`. Hidden when absent. */
  onAcceptAtOrAbove?(threshold: number): void;
  /** How many pending suggestions `onAcceptAtOrAbove(threshold)` would accept, shown on its button. */
  countAtOrAbove?(threshold: number): number;
  /** Score threshold (controlled). */
  threshold?: number;
  /** Initial score threshold (uncontrolled, default 0.8). */
  defaultThreshold?: number;
  /** The threshold was edited to a valid number. */
  onThresholdChange?(threshold: number): void;
  /** Review the next pending suggestion. */
  onNext?(): void;
  /** Review the previous pending suggestion. */
  onPrevious?(): void;
  /** Shortcut hints shown on the buttons and as `aria-keyshortcuts`. */
  hotkeys?: SuggestionBarHotkeys;
  /** Disables every action (e.g. a read-only annotator). */
  disabled?: boolean;
  /** Accessible name of the bar (default "Suggestions"). */
  'aria-label'?: string;
  /** Extra class on the outer element. */
  className?: string;
}

/**
 * Review controls for model suggestions: pending count, Accept/Reject for the current one,
 * Previous/Next, Accept all/Reject all and "Accept ≥ score". Every annotator shows it, wired to core's
 * suggestion review (`useSuggestionReview`): the bar holds no review logic of its own.
 */
export function SuggestionBar(props: SuggestionBarProps): React.JSX.Element {
  const { pending, total, current, hotkeys = {}, disabled = false, className } = props;
  const thresholdId = useId();
  const [threshold, setThreshold] = useControllableState<number>({
    value: props.threshold,
    defaultValue: props.defaultThreshold ?? 0.8,
    onChange: props.onThresholdChange,
    name: 'SuggestionBar',
  });
  // The box keeps what is typed; only a number in [0, 1] becomes the threshold.
  const [draft, setDraft] = useState<string | null>(null);
  const thresholdText = draft ?? String(threshold);
  const thresholdValid = draft === null || parseThreshold(draft) !== undefined;
  const none = pending === 0 || disabled;
  const noCurrent = current === undefined || none;
  const aboveCount = props.countAtOrAbove?.(threshold);

  const acceptAbove = () => {
    if (!thresholdValid || none) return;
    props.onAcceptAtOrAbove?.(threshold);
  };

  return (
    <div
      className={['lk-root', 'lk-panel', 'lk-toolbar', 'lk-suggestion-bar', className].filter(Boolean).join(' ')}
      role="group"
      aria-label={props['aria-label'] ?? 'Suggestions'}
    >
      <LabelkitStyles />
      <span className="lk-suggestion-count" role="status">
        {total === undefined ? `${pending} pending` : `${pending} of ${total} pending`}
      </span>
      {current && (
        <span className="lk-suggestion-current">
          {[
            current.position !== undefined ? `#${current.position}` : '',
            current.label ?? '',
            current.score !== undefined ? `score ${current.score.toFixed(2)}` : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      )}
      <span className="lk-toolbar-separator" aria-hidden="true" />
      {props.onPrevious && (
        <BarButton text="Previous" hotkey={hotkeys.previous} disabled={none} onClick={props.onPrevious} />
      )}
      {props.onNext && <BarButton text="Next" hotkey={hotkeys.next} disabled={none} onClick={props.onNext} />}
      {props.onAccept && (
        <BarButton text="Accept" hotkey={hotkeys.accept} disabled={noCurrent} onClick={props.onAccept} primary />
      )}
      {props.onReject && <BarButton text="Reject" hotkey={hotkeys.reject} disabled={noCurrent} onClick={props.onReject} danger />}
      {(props.onAcceptAll || props.onRejectAll || props.onAcceptAtOrAbove) && (
        <span className="lk-toolbar-separator" aria-hidden="true" />
      )}
      {props.onAcceptAll && <BarButton text="Accept all" disabled={none} onClick={props.onAcceptAll} />}
      {props.onRejectAll && <BarButton text="Reject all" disabled={none} onClick={props.onRejectAll} danger />}
      {props.onAcceptAtOrAbove && (
        <>
          <label className="lk-suggestion-threshold-label" htmlFor={thresholdId}>
            Min. score
          </label>
          <input
            id={thresholdId}
            type="number"
            className="lk-input lk-suggestion-threshold"
            min={0}
            max={1}
            step={0.05}
            value={thresholdText}
            aria-invalid={thresholdValid ? undefined : true}
            disabled={disabled}
            onChange={(e) => {
              setDraft(e.target.value);
              const t = parseThreshold(e.target.value);
              if (t !== undefined) setThreshold(t);
            }}
            onBlur={() => setDraft(null)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                acceptAbove();
              }
            }}
          />
          <BarButton
            text={`Accept ≥ ${formatThreshold(threshold)}${aboveCount === undefined ? '' : ` (${aboveCount})`}`}
            disabled={none || !thresholdValid || aboveCount === 0}
            onClick={acceptAbove}
          />
        </>
      )}
    </div>
  );
}

interface BarButtonProps {
  text: string;
  hotkey?: string | undefined;
  disabled: boolean;
  primary?: boolean;
  danger?: boolean;
  onClick(): void;
}

function BarButton({ text, hotkey, disabled, primary, danger, onClick }: BarButtonProps): React.JSX.Element {
  let shown: string | undefined;
  try {
    shown = hotkey === undefined ? undefined : formatShortcut(hotkey);
  } catch {
    shown = hotkey;
  }
  const cls = ['lk-button', primary ? 'lk-button--primary' : '', danger ? 'lk-button--danger' : ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={cls} disabled={disabled} aria-keyshortcuts={hotkey === undefined ? undefined : ariaKeyShortcut(hotkey)} onClick={onClick}>
      {text}
      {shown !== undefined && (
        <kbd className="lk-kbd" aria-hidden="true">
          {shown}
        </kbd>
      )}
    </button>
  );
}

/** `aria-keyshortcuts` spells modifiers as in `KeyboardEvent.key` ("Control", "Meta"). */
function ariaKeyShortcut(hotkey: string): string {
  return hotkey
    .replace(/\bMod\b/gi, detectPlatform() === 'mac' ? 'Meta' : 'Control')
    .replace(/\bCtrl\b/gi, 'Control')
    .replace(/\b(Cmd|Command)\b/gi, 'Meta');
}

function parseThreshold(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

function formatThreshold(t: number): string {
  return Number.isInteger(t * 100) ? t.toFixed(2) : String(t);
}
