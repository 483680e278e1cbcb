import type { BBoxAnnotation } from '../../annotation.js';

/** A box annotation for tests: 10 × 10 unless sized, attributes only when given. */
export function testBox(id: string, label: string, x: number, y: number, w = 10, h = 10, attributes?: BBoxAnnotation['attributes']): BBoxAnnotation {
  return { id, kind: 'bbox', label, x, y, width: w, height: h, ...(attributes ? { attributes } : {}) };
}
