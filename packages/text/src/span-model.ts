import { createId, defaultAttributes, type OffsetIndex, type Annotation, type LabelSchema, type SpanAnnotation } from '@labelkit/core';
import { assignLanes } from './span-lanes.js';
import { moveCaret, type MoveCaretOptions } from './caret.js';
import type { DrawnSpan } from './TextFragments.js';

/** The `span` annotations of a list, in list order. */
export function spansOf(annotations: readonly Annotation[]): SpanAnnotation[] {
  return annotations.filter((a): a is SpanAnnotation => a.kind === 'span');
}

/**
 * The `span` annotation with id `id`, searching from the end of the list, where new spans are
 * appended: finding the span just created (and selected) costs one comparison, not a pass over
 * 10,000 annotations, and nothing is allocated.
 */
export function findSpanById(annotations: readonly Annotation[], id: string | null | undefined): SpanAnnotation | undefined {
  if (id == null) return undefined;
  for (let i = annotations.length - 1; i >= 0; i--) {
    const a = annotations[i] as Annotation;
    if (a.id === id) return a.kind === 'span' ? a : undefined;
  }
  return undefined;
}

/** Spans in reading order: by start, longer first (an enclosing span before those nested in it), then id. */
export function readingOrder<T extends { id: string; start: number; end: number }>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
}

/** A new human span over `[start, end)` of the indexed text, with the label's default attributes. */
export function makeSpan(schema: LabelSchema, index: OffsetIndex, start: number, end: number, label: string, id: string = createId('span-')): SpanAnnotation {
  const attrs = defaultAttributes(schema.byId.get(label));
  return { id, kind: 'span', label, start, end, text: index.slice(start, end), source: 'human', ...(Object.keys(attrs).length ? { attributes: attrs } : {}) };
}

/** `span` moved to `[start, end)`, its `text` re-sliced from the source. */
export function resizeSpan(span: SpanAnnotation, index: OffsetIndex, start: number, end: number): SpanAnnotation {
  return { ...span, start, end, text: index.slice(start, end) };
}

/**
 * Spans and suggestions ready to draw: lanes shared by both (so a suggestion never hides under a
 * span), label colour and name from the schema (grey and the raw id for an unknown label). Spans
 * with offsets outside the text are left out.
 */
export function drawSpans(schema: LabelSchema, spans: readonly SpanAnnotation[], suggestions: readonly SpanAnnotation[], length: number): DrawnSpan[] {
  const ok = (s: SpanAnnotation) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end;
  const all = [...spans.filter(ok).map((s) => ({ s, suggestion: false })), ...suggestions.filter(ok).map((s) => ({ s, suggestion: true }))];
  const lanes = assignLanes(all.map(({ s }) => s));
  return all.map(({ s, suggestion }) => {
    const label = schema.byId.get(s.label);
    return { id: s.id, start: s.start, end: s.end, lane: lanes.get(s.id) ?? 0, color: label?.color ?? '#6e7781', labelName: label?.name ?? s.label, suggestion, score: s.score };
  });
}

/** Options of {@link moveSpanEdge}: caret rules, plus bounds the span must stay within. */
export interface MoveSpanEdgeOptions extends MoveCaretOptions {
  /** Lowest start (code points), e.g. the start of a dialogue turn; default 0. */
  min?: number;
  /** Highest end (code points), e.g. the end of a dialogue turn; default the text's end. */
  max?: number;
}

/**
 * The bounds of `span` after moving its `edge` one caret step (a grapheme, or a word with
 * `unit: 'word'`) back (`-1`) or forward (`+1`) in `text`, kept within `[min, max]` (the same bounds
 * when the edge is already at a limit); `null` when the span would become empty. What Shift+arrows (end) and Alt+Shift+arrows
 * (start) do to a selected span in both text annotators.
 */
export function moveSpanEdge(text: string, span: { start: number; end: number }, edge: 'start' | 'end', direction: -1 | 1, options: MoveSpanEdgeOptions = {}): { start: number; end: number } | null {
  const { min = 0, max = Number.POSITIVE_INFINITY, ...caret } = options;
  const next = Math.max(min, Math.min(max, moveCaret(text, span[edge], direction, caret)));
  const start = edge === 'start' ? next : span.start;
  const end = edge === 'end' ? next : span.end;
  return start < end ? { start, end } : null;
}

/** A quoted, shortened form of a span's text for announcements. */
export function quote(text: string, max = 60): string {
  const chars = [...text];
  return `“${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text}”`;
}

/** Whether a span's offsets are usable on a text of `length` code points. */
export function isDrawable(s: SpanAnnotation, length: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end;
}

/** Spans of the visible chunks ready to draw, per chunk, with the lanes each chunk needs. */
export interface VisibleLayout {
  /** `spans[i - first]`: drawn spans of chunk `i`. */
  spans: DrawnSpan[][];
  /** `lanes[i - first]`: underline lanes chunk `i` needs (at least 1). */
  lanes: number[];
}

/**
 * Lays out only the chunks `first..last`: lanes are assigned over the spans touching those chunks
 * (a few hundred at most), not over the whole document, so the cost of an edit or a scroll step
 * does not grow with the number of spans. `cache` keeps the drawn object of an unchanged span, so
 * memoised chunk rendering can skip chunks whose spans did not change. `suggestions` holds the
 * suggestion objects among the bucketed spans (by identity, so an id shared with an annotation is harmless).
 */
export function layoutVisible(
  schema: LabelSchema,
  buckets: readonly (readonly SpanAnnotation[])[],
  first: number,
  last: number,
  suggestions: ReadonlySet<SpanAnnotation>,
  cache: WeakMap<SpanAnnotation, DrawnSpan>,
): VisibleLayout {
  const seen = new Set<SpanAnnotation>();
  for (let i = first; i <= last; i++) for (const s of buckets[i] ?? []) seen.add(s);
  const lanes = assignLanes([...seen]);
  const draw = (s: SpanAnnotation): DrawnSpan => {
    const lane = lanes.get(s.id) ?? 0;
    const suggestion = suggestions.has(s);
    const hit = cache.get(s);
    if (hit && hit.lane === lane && hit.suggestion === suggestion) return hit;
    const label = schema.byId.get(s.label);
    const d: DrawnSpan = { id: s.id, start: s.start, end: s.end, lane, color: label?.color ?? '#6e7781', labelName: label?.name ?? s.label, suggestion, score: s.score };
    cache.set(s, d);
    return d;
  };
  const out: VisibleLayout = { spans: [], lanes: [] };
  for (let i = first; i <= last; i++) {
    const drawn = (buckets[i] ?? []).map(draw);
    out.spans.push(drawn);
    out.lanes.push(drawn.reduce((m, s) => Math.max(m, s.lane + 1), 1));
  }
  return out;
}
