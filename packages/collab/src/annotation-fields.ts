import type { Annotation } from '@labelkit/core';

/**
 * How one annotation is laid out in its `Y.Map`: each field a key whose value is replaced whole, so two
 * people changing different fields both keep their change, and two changing the same field end with one
 * of the two values (Yjs picks the same one everywhere). The geometry — `kind` and every field of the
 * kind (`x`/`y`/`width`/`height`/`rotation`, `points`/`holes`, `start`/`end`/`text`, `keyframes`, …) —
 * is ONE value, so concurrent edits can never interleave into a shape neither person drew.
 */
export const FIELD = {
  label: 'label',
  attributes: 'attributes',
  source: 'source',
  score: 'score',
  extra: 'extra',
  geometry: 'geometry',
  /** The fractional index of its z-order (see fractional-index.ts); not part of the annotation. */
  z: 'z',
} as const;

/** The fields of an annotation besides its geometry; `id` is the key of the annotation's map. */
const BASE_FIELDS = ['label', 'attributes', 'source', 'score', 'extra'] as const;
const NOT_GEOMETRY: ReadonlySet<string> = new Set(['id', ...BASE_FIELDS]);

/** An annotation's fields as stored in its map (absent optional fields are left out). */
export type AnnotationFields = Partial<Record<(typeof BASE_FIELDS)[number] | 'geometry', unknown>>;

/** The fields of `a` to store: its base fields and its geometry as one object. */
export function toFields(a: Annotation): AnnotationFields {
  const fields: AnnotationFields = {};
  const geometry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) {
    if (value === undefined) continue;
    if (NOT_GEOMETRY.has(key)) {
      if (key !== 'id') fields[key as (typeof BASE_FIELDS)[number]] = value;
    } else geometry[key] = value;
  }
  fields.geometry = geometry;
  return fields;
}

/**
 * The annotation stored under `id` from its fields, unchecked: what a remote peer wrote may be anything,
 * so the caller validates it before it enters a store.
 */
export function fromFields(id: string, get: (field: string) => unknown): unknown {
  const out: Record<string, unknown> = { id };
  const geometry = get(FIELD.geometry);
  if (typeof geometry === 'object' && geometry !== null && !Array.isArray(geometry)) {
    for (const [key, value] of Object.entries(geometry)) if (!NOT_GEOMETRY.has(key)) out[key] = value;
  }
  for (const key of BASE_FIELDS) {
    const value = get(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
