import { parseShortcut, type AnnotationKind, type Label, type LabelSchema, type Shortcut } from '@labelkit/core';

/** One row of the label picker: a label that can be picked, or a group header shown for its children. */
export interface LabelRow {
  /** The label this row shows. */
  label: Label;
  /** Nesting depth, 0 at the top level. */
  depth: number;
  /** True when the label can be picked here; false for a group header (a non-selectable parent, or a
   *  parent whose own kinds exclude the requested kind while some descendants allow it). */
  pickable: boolean;
  /** Index (in {@link LabelRows.rows}) of the nearest ancestor row, or -1 at the top level. */
  parentRow: number;
  /** Names of the ancestors, outermost first (for context and search). */
  path: readonly string[];
  /** True when the parent label is `exclusive` (its children are mutually exclusive). */
  inExclusiveGroup: boolean;
  /** Lower-cased text searched by the filter: name, id, description and ancestor names. */
  haystack: string;
  /** Lower-cased name, for preferring prefix matches. */
  nameLower: string;
  /** The parsed hotkey, or undefined when the label has none or it cannot be parsed. */
  shortcut: Shortcut | undefined;
}

/** The picker's rows, computed once per schema and kind. */
export interface LabelRows {
  /** Every row, in tree order (parents before their children, siblings in schema order). */
  rows: readonly LabelRow[];
  /** Row index by label id. */
  indexById: ReadonlyMap<string, number>;
}

/**
 * Lays out a schema's labels as picker rows in tree order. With `kind`, only labels allowed for that kind
 * are pickable and branches with none are left out; group labels stay as headers above their children.
 */
export function buildLabelRows(schema: LabelSchema, kind?: AnnotationKind): LabelRows {
  const rows: LabelRow[] = [];
  const indexById = new Map<string, number>();
  const isPickable = (l: Label) => l.selectable && (kind === undefined || l.kinds.includes(kind));

  // Which labels have a pickable label at or below them; computed bottom-up once (memo), so O(n).
  const memo = new Map<string, boolean>();
  const hasPickable = (id: string, depth: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const l = schema.byId.get(id);
    memo.set(id, false); // guards against cycles in a hand-made schema object
    const result =
      l !== undefined &&
      depth <= schema.labels.length &&
      (isPickable(l) || (schema.children.get(id) ?? []).some((c) => hasPickable(c, depth + 1)));
    memo.set(id, result);
    return result;
  };

  const visit = (id: string, depth: number, parentRow: number, path: readonly string[], inExclusive: boolean) => {
    const label = schema.byId.get(id);
    if (!label || indexById.has(id) || !hasPickable(id, depth)) return;
    const index = rows.length;
    indexById.set(id, index);
    rows.push({
      label,
      depth,
      pickable: isPickable(label),
      parentRow,
      path,
      inExclusiveGroup: inExclusive,
      haystack: [label.name, label.id, label.description ?? '', ...path].join('\u0000').toLowerCase(),
      nameLower: label.name.toLowerCase(),
      shortcut: parseHotkey(label.hotkey),
    });
    const childPath = [...path, label.name];
    for (const c of schema.children.get(id) ?? []) visit(c, depth + 1, index, childPath, label.exclusive === true);
  };
  for (const id of schema.children.get('') ?? []) visit(id, 0, -1, [], false);
  return { rows, indexById };
}

function parseHotkey(hotkey: string | undefined): Shortcut | undefined {
  if (!hotkey) return undefined;
  try {
    return parseShortcut(hotkey);
  } catch {
    return undefined; // an unparseable hotkey is shown as written but never matched
  }
}

/** Rows left visible by a search, and which of them to make active first. */
export interface FilteredRows {
  /** Row indices (into {@link LabelRows.rows}) to show, in tree order: matches plus their ancestors. */
  visible: number[];
  /** Row indices of the pickable matches, in tree order. */
  matches: number[];
  /** 1 at each row index that matched (pickable rows only); other visible rows are context headers. */
  isMatch: Uint8Array;
  /** The match to make active: the first whose name starts with the query, else the first match, else -1. */
  best: number;
}

/**
 * Filters rows by a query: every whitespace-separated word must occur in the label's name, id,
 * description or an ancestor's name (case-insensitive). Ancestors of matches stay visible as context.
 * Ancestors that do not match themselves are shown as headers, not options. An empty query shows everything. Linear in the number of rows (times the tree depth).
 */
export function filterLabelRows({ rows }: LabelRows, query: string): FilteredRows {
  const q = query.trim().toLowerCase();
  if (q === '') {
    const visible = rows.map((_, i) => i);
    const matches = visible.filter((i) => rows[i]!.pickable);
    const isMatch = new Uint8Array(rows.length);
    for (const i of matches) isMatch[i] = 1;
    return { visible, matches, isMatch, best: matches[0] ?? -1 };
  }
  const words = q.split(/\s+/);
  const shown = new Uint8Array(rows.length);
  const isMatch = new Uint8Array(rows.length);
  const matches: number[] = [];
  let best = -1;
  rows.forEach((row, i) => {
    if (!row.pickable || !words.every((w) => row.haystack.includes(w))) return;
    matches.push(i);
    isMatch[i] = 1;
    if (best === -1 && row.nameLower.startsWith(q)) best = i;
    for (let p = i; p !== -1 && !shown[p]; p = rows[p]!.parentRow) shown[p] = 1;
  });
  const visible: number[] = [];
  for (let i = 0; i < rows.length; i++) if (shown[i]) visible.push(i);
  return { visible, matches, isMatch, best: best !== -1 ? best : (matches[0] ?? -1) };
}
