import { labelAncestors, type AnnotationKind, type Label, type LabelSchema } from '@labelkit/core';

/** One search hit. */
export interface LabelMatch {
  label: Label;
  /** Names of the label's ancestors, outermost first ("Billing › Refunds"). */
  path: string[];
}

/**
 * A type-to-search function over the selectable labels of `kind`, built once per schema: each query
 * is a linear scan over precomputed lower-case keys (name, id, ancestor names, description), so it
 * stays well under a millisecond for thousands of labels. Every whitespace-separated term must occur;
 * names starting with the query rank first, then names containing it, then other fields.
 * An empty query returns every label in schema order.
 */
export function createLabelSearch(schema: LabelSchema, kind: AnnotationKind): (query: string, limit?: number) => LabelMatch[] {
  const entries = schema.labels
    .filter((l) => l.selectable && l.kinds.includes(kind))
    .map((label, order) => {
      const path = labelAncestors(schema, label.id).map((a) => a.name).reverse();
      const name = label.name.toLowerCase();
      const key = [name, label.id.toLowerCase(), ...path.map((p) => p.toLowerCase()), (label.description ?? '').toLowerCase()].join('\u0000');
      return { label, path, name, key, order };
    });
  return (query, limit = Infinity) => {
    const q = query.trim().toLowerCase();
    if (!q) return entries.slice(0, limit).map(({ label, path }) => ({ label, path }));
    const terms = q.split(/\s+/u);
    const hits: { e: (typeof entries)[number]; rank: number }[] = [];
    for (const e of entries) {
      if (!terms.every((t) => e.key.includes(t))) continue;
      const rank = e.name.startsWith(q) ? 0 : e.name.includes(q) ? 1 : 2;
      hits.push({ e, rank });
    }
    hits.sort((a, b) => a.rank - b.rank || a.e.order - b.e.order);
    return hits.slice(0, limit).map(({ e }) => ({ label: e.label, path: e.path }));
  };
}
