import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatShortcut, matchShortcut, type AnnotationKind, type LabelSchema } from '@labelkit/core';
import { useControllableState } from '../hooks/use-controllable-state.js';
import { LabelkitStyles } from '../theme/LabelkitStyles.js';
import { PICKER_ROW_HEIGHT } from '../theme/styles.js';
import { buildLabelRows, filterLabelRows, type LabelRow } from './label-rows.js';
import { WINDOW_THRESHOLD, scrollTopToReveal, windowRange } from './window-range.js';

/** Props of {@link LabelPicker}. */
export interface LabelPickerProps {
  /** The label schema, from `defineSchema`. */
  schema: LabelSchema;
  /** Only labels allowed for this annotation kind can be picked; groups stay as headers. */
  kind?: AnnotationKind;
  /** The picked label id (controlled). */
  value?: string;
  /** The initially picked label id (uncontrolled). */
  defaultValue?: string;
  /** A label was picked (Enter, click or its hotkey); not called when it was already the value. */
  onChange?(labelId: string): void;
  /** A label was confirmed (Enter, click or its hotkey), after `onChange`: hosts close a popup here. */
  onCommit?(labelId: string): void;
  /** Escape with an empty search box: hosts close a popup here. (Escape first clears a search.) */
  onCancel?(): void;
  /** Focus the search box on mount. */
  autoFocus?: boolean;
  /** Placeholder of the search box. */
  placeholder?: string;
  /** Accessible name of the search box (default "Label"). */
  'aria-label'?: string;
  /** Extra class on the outer element. */
  className?: string;
  /** Height of the list viewport in CSS pixels (default 320); longer lists scroll. */
  maxHeight?: number;
}

const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp', 'Enter', 'Escape']);

/**
 * A searchable list of labels: colour, name, hotkey and description, with the schema's hierarchy
 * (groups as headers, indented children). Typing filters by name, id, description or group name;
 * ArrowUp/ArrowDown, Home/End and PageUp/PageDown move, Enter picks, Escape clears the search then
 * cancels, and a label's hotkey picks it while the search box is empty. An ARIA combobox over a
 * listbox; lists longer than 200 rows are windowed, so it stays instant with thousands of labels.
 */
export function LabelPicker(props: LabelPickerProps): React.JSX.Element {
  const { schema, kind, onCommit, onCancel, autoFocus, placeholder = 'Search labels…', className, maxHeight = 320 } = props;
  const ariaLabel = props['aria-label'] ?? 'Label';
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [value, setValue] = useControllableState<string | undefined>({
    value: props.value,
    defaultValue: props.defaultValue,
    onChange: props.onChange as ((next: string | undefined) => void) | undefined,
    name: 'LabelPicker',
  });
  const [query, setQuery] = useState('');
  // The active row is remembered with the query it was chosen under; a new query picks its best match.
  const [active, setActive] = useState<{ row: number; query: string } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const labelRows = useMemo(() => buildLabelRows(schema, kind), [schema, kind]);
  const { rows } = labelRows;
  const filtered = useMemo(() => filterLabelRows(labelRows, query), [labelRows, query]);
  const { visible, isMatch } = filtered;
  const hotkeyRows = useMemo(() => rows.filter((r) => r.pickable && r.shortcut !== undefined), [rows]);

  const valueRow = value === undefined ? -1 : (labelRows.indexById.get(value) ?? -1);
  const positionOf = (row: number) => binarySearch(visible, row);
  let activeRow: number;
  if (active && active.query === query && positionOf(active.row) !== -1) activeRow = active.row;
  else if (query === '' && valueRow !== -1 && isMatch[valueRow]) activeRow = valueRow;
  else activeRow = filtered.best;
  const activePos = activeRow === -1 ? -1 : positionOf(activeRow);

  const windowed = windowRange({ count: visible.length, rowHeight: PICKER_ROW_HEIGHT, scrollTop, viewportHeight: maxHeight });

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || activePos === -1) return;
    const next = scrollTopToReveal(activePos, PICKER_ROW_HEIGHT, list.scrollTop, list.clientHeight || maxHeight);
    if (next !== list.scrollTop) {
      list.scrollTop = next;
      setScrollTop(next);
    }
  }, [activePos, maxHeight]);

  const commit = (row: number) => {
    const r = rows[row];
    if (!r || !isMatch[row]) return;
    setValue(r.label.id);
    setQuery('');
    setActive(null);
    onCommit?.(r.label.id);
  };

  /** Moves the active row by `delta` pickable rows (or to the first/last with ±Infinity), no wrap. */
  const move = (delta: number) => {
    const pickable = (pos: number) => isMatch[visible[pos]!] === 1;
    let pos: number;
    if (delta === -Infinity || delta === Infinity) {
      pos = delta < 0 ? 0 : visible.length - 1;
      const step = delta < 0 ? 1 : -1;
      while (pos >= 0 && pos < visible.length && !pickable(pos)) pos += step;
    } else {
      const from = activePos === -1 ? (delta > 0 ? -1 : visible.length) : activePos;
      pos = Math.max(0, Math.min(visible.length - 1, from + delta));
      const step = delta > 0 ? 1 : -1;
      // Skip headers in the direction of travel; at the ends, fall back the other way.
      while (pos >= 0 && pos < visible.length && !pickable(pos)) pos += step;
      if (pos < 0 || pos >= visible.length) {
        pos = Math.max(0, Math.min(visible.length - 1, from + delta));
        while (pos >= 0 && pos < visible.length && !pickable(pos)) pos -= step;
      }
    }
    if (pos >= 0 && pos < visible.length) setActive({ row: visible[pos]!, query });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const page = Math.max(1, Math.floor(maxHeight / PICKER_ROW_HEIGHT) - 1);
    if (NAV_KEYS.has(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey) {
      switch (e.key) {
        case 'ArrowDown': move(1); break;
        case 'ArrowUp': move(-1); break;
        case 'PageDown': move(page); break;
        case 'PageUp': move(-page); break;
        case 'Home': move(-Infinity); break;
        case 'End': move(Infinity); break;
        case 'Enter': if (activeRow !== -1) commit(activeRow); break;
        case 'Escape':
          if (query !== '') {
            setQuery('');
            e.stopPropagation(); // the Escape was spent clearing the search, not cancelling the host's popup
          } else onCancel?.();
          break;
      }
      e.preventDefault();
      return;
    }
    if (query === '') {
      const hit = hotkeyRows.find((r) => matchShortcut(r.shortcut!, e));
      if (hit) {
        e.preventDefault();
        commit(labelRows.indexById.get(hit.label.id)!);
      }
    }
  };

  const rendered: number[] = [];
  for (let p = windowed.start; p < windowed.end; p++) rendered.push(p);
  // aria-activedescendant must point at an element that exists, so the active row is always rendered.
  if (activePos !== -1 && (activePos < windowed.start || activePos >= windowed.end)) rendered.push(activePos);

  const rowId = (row: number) => `${baseId}-row-${row}`;
  const status =
    query.trim() === ''
      ? ''
      : filtered.matches.length === 0
        ? 'No labels match'
        : `${filtered.matches.length} ${filtered.matches.length === 1 ? 'label matches' : 'labels match'}`;

  return (
    <div className={['lk-root', 'lk-panel', 'lk-picker', className].filter(Boolean).join(' ')}>
      <LabelkitStyles />
      <input
        type="text"
        role="combobox"
        className="lk-input lk-picker-search"
        aria-label={ariaLabel}
        aria-controls={listId}
        aria-expanded="true"
        aria-autocomplete="list"
        aria-activedescendant={activeRow === -1 ? undefined : rowId(activeRow)}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={`${ariaLabel} options`}
        tabIndex={-1}
        className="lk-picker-list"
        style={{ maxHeight, height: Math.min(maxHeight, visible.length * PICKER_ROW_HEIGHT + 2) }}
        onScroll={visible.length > WINDOW_THRESHOLD ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
      >
        <div style={{ position: 'relative', height: visible.length * PICKER_ROW_HEIGHT }}>
          {rendered.map((pos) => {
            const row = visible[pos]!;
            return (
              <PickerRow
                key={row}
                id={rowId(row)}
                row={rows[row]!}
                option={isMatch[row] === 1}
                top={pos * PICKER_ROW_HEIGHT}
                active={row === activeRow}
                selected={row === valueRow}
                onPick={() => commit(row)}
                onHover={() => {
                  if (row !== activeRow) setActive({ row, query });
                }}
              />
            );
          })}
        </div>
      </div>
      <p className="lk-picker-status" role="status">
        {status}
      </p>
    </div>
  );
}

interface PickerRowProps {
  id: string;
  row: LabelRow;
  /** False for a header: a group, or an ancestor shown only as context for a search match. */
  option: boolean;
  top: number;
  active: boolean;
  selected: boolean;
  onPick(): void;
  onHover(): void;
}

function PickerRow({ id, row, option, top, active, selected, onPick, onHover }: PickerRowProps): React.JSX.Element {
  const { label, depth } = row;
  const style = { top, paddingLeft: `calc(var(--lk-space-2) + ${depth * 16}px)` };
  if (!option) {
    // Headers are for sighted users; options carry their group in screen-reader text instead, which
    // survives windowing (a role="group" wrapper would not).
    return (
      <div className="lk-picker-row lk-picker-header" style={style} aria-hidden="true">
        <span className="lk-picker-check" />
        <span className="lk-picker-swatch" style={{ background: label.color }} />
        <span className="lk-picker-name">{label.name}</span>
        {label.exclusive && <span className="lk-badge">pick one</span>}
      </div>
    );
  }
  const hotkey = label.hotkey === undefined ? undefined : row.shortcut ? formatShortcut(row.shortcut) : label.hotkey;
  const descId = `${id}-desc`;
  // The group travels in the option's description, since headers are hidden from screen readers (see
  // above). Not in its name: that must stay the visible text (axe label-content-name-mismatch).
  const group = row.path.length ? `In ${row.path.join(' › ')}${row.inExclusiveGroup ? ', pick one' : ''}` : undefined;
  const description = [group, label.description, hotkey === undefined ? undefined : `Shortcut ${hotkey}`].filter(Boolean).join('. ');
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-describedby={description ? descId : undefined}
      data-active={active}
      className="lk-picker-row lk-picker-option"
      style={style}
      // Keep focus in the search box so typing and arrow keys keep working after a click.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
      onPointerMove={onHover}
    >
      <span className="lk-picker-check" aria-hidden="true">
        {selected ? '✓' : ''}
      </span>
      <span className="lk-picker-swatch" style={{ background: label.color }} aria-hidden="true" />
      <span className="lk-picker-name">{label.name}</span>
      {label.description && (
        <span className="lk-picker-desc" aria-hidden="true">
          {label.description}
        </span>
      )}
      {hotkey !== undefined && (
        <kbd className="lk-kbd lk-picker-hotkey" aria-hidden="true">
          {hotkey}
        </kbd>
      )}
      {description && (
        <span id={descId} hidden>
          {description}
        </span>
      )}
    </div>
  );
}

/** Position of `x` in the ascending array `sorted`, or -1. */
function binarySearch(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
