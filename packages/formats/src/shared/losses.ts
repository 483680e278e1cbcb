import type { Annotation } from '@labelkit/core';
import type { FormatLoss } from '../dataset.js';

/** What a format carries of the fields every annotation has. */
export interface Carries {
  id?: boolean;
  attributes?: boolean;
  source?: boolean;
  score?: boolean;
  extra?: boolean;
}

/** Reports the common fields of `a` that the format (named `format`) does not carry. */
export function commonLosses(format: string, a: Annotation, path: string, carries: Carries, losses: FormatLoss[]): void {
  if (!carries.attributes && a.attributes && Object.keys(a.attributes).length) losses.push({ path: `${path}.attributes`, message: `${format} has no attributes; ${Object.keys(a.attributes).join(', ')} not exported` });
  if (!carries.source && a.source !== undefined) losses.push({ path: `${path}.source`, message: `${format} does not record the source ("${a.source}")` });
  if (!carries.score && a.score !== undefined) losses.push({ path: `${path}.score`, message: `${format} does not record a score (${a.score})` });
  if (!carries.extra && a.extra && Object.keys(a.extra).length) losses.push({ path: `${path}.extra`, message: `foreign fields ${Object.keys(a.extra).join(', ')} not exported` });
}

/** Reports an annotation whose kind the format cannot write at all. */
export function kindLoss(format: string, a: Annotation, path: string, losses: FormatLoss[]): void {
  losses.push({ path, message: `${format} cannot carry a "${a.kind}" annotation (label "${a.label}"); not exported` });
}
