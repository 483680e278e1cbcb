import type { Annotation } from '@labelkit/core';
import type { FormatLoss, Media } from '../dataset.js';

/** Which optional annotation fields a format writes. */
export interface Carried {
  attributes?: boolean;
  source?: boolean;
  score?: boolean;
  extra?: boolean;
}

/** Reports the optional fields of `a` that the format does not carry. */
export function reportAnnotationLosses(a: Annotation, path: string, carried: Carried, losses: FormatLoss[], format: string): void {
  if (!carried.attributes && a.attributes && Object.keys(a.attributes).length) {
    losses.push({ path: `${path}.attributes`, message: `${format} cannot carry attributes (${Object.keys(a.attributes).join(', ')})` });
  }
  if (!carried.source && a.source !== undefined) losses.push({ path: `${path}.source`, message: `${format} cannot carry the annotation source` });
  if (!carried.score && a.score !== undefined) losses.push({ path: `${path}.score`, message: `${format} cannot carry a score` });
  if (!carried.extra && a.extra && Object.keys(a.extra).length) {
    losses.push({ path: `${path}.extra`, message: `${format} cannot carry extra fields (${Object.keys(a.extra).join(', ')})` });
  }
}

/** Reports media fields other than `keep` that are set but not written. */
export function reportMediaLosses(media: Media, path: string, keep: readonly (keyof Media)[], losses: FormatLoss[], format: string): void {
  for (const key of ['uri', 'width', 'height', 'text', 'duration', 'fps', 'frameCount', 'extra'] as const) {
    if (keep.includes(key) || media[key] === undefined) continue;
    if (key === 'extra' && Object.keys(media.extra ?? {}).length === 0) continue;
    losses.push({ path: `${path}.media.${key}`, message: `${format} cannot carry media.${key}` });
  }
}

/** Reports an annotation of a kind the format cannot carry. */
export function reportKindLoss(a: Annotation, path: string, losses: FormatLoss[], format: string, kinds: string): void {
  losses.push({ path, message: `${format} carries only ${kinds}; this ${a.kind} annotation is not written` });
}
