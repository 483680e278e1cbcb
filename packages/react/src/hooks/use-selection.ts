import { useCallback, useEffect, useRef } from 'react';
import type { Annotation } from '@labelkit/core';
import { useControllableState } from './use-controllable-state.js';

/** Options of {@link useSelection}: the common `selectedIds`/`onSelectionChange` props. */
export interface UseSelectionOptions {
  selectedIds?: readonly string[] | undefined;
  defaultSelectedIds?: readonly string[] | undefined;
  onSelectionChange?: ((ids: string[]) => void) | undefined;
  /** Everything selectable (annotations, and pending suggestions if they can be selected): selected ids that disappear from it are dropped. */
  annotations: readonly Annotation[];
}

/** How a selection gesture combines with the current selection. */
export type SelectMode = 'replace' | 'add' | 'toggle' | 'remove';

/** What {@link useSelection} returns. */
export interface UseSelectionResult {
  selectedIds: readonly string[];
  isSelected(id: string): boolean;
  select(ids: readonly string[], mode?: SelectMode): void;
  clear(): void;
}

const EMPTY: readonly string[] = Object.freeze([]);

/** Selected annotation ids, controlled or uncontrolled; survives new `value`s while ids are stable. */
export function useSelection({ selectedIds, defaultSelectedIds, onSelectionChange, annotations }: UseSelectionOptions): UseSelectionResult {
  const [selected, setSelected] = useControllableState<readonly string[]>({
    value: selectedIds,
    defaultValue: defaultSelectedIds ?? EMPTY,
    onChange: onSelectionChange ? (ids) => onSelectionChange([...ids]) : undefined,
    name: 'selection',
  });
  const selectedSet = useRef(new Set<string>());
  selectedSet.current = new Set(selected);

  // Drop ids of annotations that no longer exist (deleted, or gone from a new host value).
  useEffect(() => {
    if (!selected.length) return;
    // Look up only the (few) selected ids, stopping once all are found: no set of every id per edit.
    const missing = new Set(selected);
    for (const a of annotations) {
      if (missing.delete(a.id) && missing.size === 0) break;
    }
    if (missing.size === 0) return;
    const kept = selected.filter((id) => !missing.has(id));
    if (kept.length !== selected.length) setSelected(kept);
  }, [annotations, selected, setSelected]);

  const select = useCallback(
    (ids: readonly string[], mode: SelectMode = 'replace') => {
      setSelected((prev) => {
        if (mode === 'replace') return sameIds(prev, ids) ? prev : [...new Set(ids)];
        const set = new Set(prev);
        for (const id of ids) {
          if (mode === 'add') set.add(id);
          else if (mode === 'remove') set.delete(id);
          else if (set.has(id)) set.delete(id);
          else set.add(id);
        }
        const next = [...set];
        return sameIds(prev, next) ? prev : next;
      });
    },
    [setSelected],
  );
  const clear = useCallback(() => setSelected((prev) => (prev.length ? EMPTY : prev)), [setSelected]);
  const isSelected = useCallback((id: string) => selectedSet.current.has(id), []);
  return { selectedIds: selected, isSelected, select, clear };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
