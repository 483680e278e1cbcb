/**
 * fast-check arbitraries for the text and audio formats: datasets that a format can carry in full,
 * so that `parse(serialize(d))` must give `d` back (ids aside) with no losses.
 */
import fc from 'fast-check';
import { defineSchema, type Annotation, type AnnotationKind } from '@labelkit/core';
import type { Dataset, DatasetItem } from '../../dataset.js';

/** Label names safe in every format (no spaces). */
export const LABELS = ['PER', 'ORG', 'LOC', 'Merge-org', 'DATE', 'événement'] as const;
export const labelArb = fc.constantFrom(...LABELS);

/** Characters including astral ones (two UTF-16 units, one code point) and combining marks. */
const CHARS = ['a', 'b', 'Z', 'é', 'ü', '中', '😀', '𝒳', '"', '&', '<', '-', '.', '\u0301'];
const charArb = fc.constantFrom(...CHARS);
/** One word: no whitespace. */
export const wordArb = fc.string({ unit: charArb, minLength: 1, maxLength: 6 });
/** Any text, whitespace (spaces, newlines, tabs) included. */
export const textArb = fc.string({ unit: fc.constantFrom(...CHARS, ' ', '\n', '\t'), minLength: 1, maxLength: 40 });

/** A schema with every label used in `items`, each with the kinds it is used for. */
export function schemaFor(items: DatasetItem[]): Dataset['schema'] {
  const kinds = new Map<string, AnnotationKind[]>();
  for (const it of items) {
    for (const a of it.annotations) {
      const k = kinds.get(a.label) ?? [];
      if (!k.includes(a.kind)) k.push(a.kind);
      kinds.set(a.label, k);
    }
  }
  return defineSchema({ labels: [...kinds].map(([id, k]) => ({ id, kinds: k })) });
}

/** Spans anywhere in `text` (code points), overlaps allowed. */
export function spansArb(text: string, itemId: string, max = 5): fc.Arbitrary<Annotation[]> {
  const chars = Array.from(text);
  const n = chars.length;
  return fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.integer({ min: 1, max: n }), labelArb), { maxLength: max }).map((list) =>
    list.map(([s, len, label], i) => {
      const start = Math.min(s, n - 1);
      const end = Math.min(n, start + len);
      return { id: `${itemId}-${i}`, kind: 'span' as const, label, start, end, text: chars.slice(start, end).join('') };
    }),
  );
}

/** Tags on the whole text, distinct labels. */
export function tagsArb(itemId: string, withScore: boolean): fc.Arbitrary<Annotation[]> {
  return fc.uniqueArray(fc.tuple(labelArb, withScore ? fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { nil: undefined }) : fc.constant(undefined)), {
    maxLength: 3,
    selector: ([l]) => l,
  }).map((list) =>
    list.map(([label, score], i): Annotation => {
      const t: Annotation = { id: `${itemId}-t${i}`, kind: 'tag', label: `cat-${label}` };
      if (score !== undefined) t.score = score;
      return t;
    }),
  );
}

/** Builds a dataset from items, with a schema covering them. */
export function datasetOf(items: DatasetItem[]): Dataset {
  return { schema: schemaFor(items), items };
}

/** Non-overlapping sorted intervals in `[0, duration]`. */
export function intervalsArb(duration: number, grid: number | undefined, max = 6): fc.Arbitrary<[number, number][]> {
  return fc.array(fc.double({ min: 0, max: duration, noNaN: true }), { maxLength: max * 2 }).map((xs) => {
    const snapped = xs.map((x) => (grid ? Math.round(x / grid) * grid : x));
    const sorted = [...new Set(snapped)].sort((a, b) => a - b);
    const out: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([sorted[i]!, sorted[i + 1]!]);
    return out;
  });
}
