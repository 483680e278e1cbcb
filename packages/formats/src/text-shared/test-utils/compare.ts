import type { Annotation } from '@labelkit/core';
import type { Dataset } from '../../dataset.js';

/** Items of a dataset with annotation ids dropped and annotations in a canonical order, for round-trip checks. */
export function comparable(d: Dataset): unknown[] {
  return d.items.map((item) => ({
    media: item.media,
    annotations: item.annotations
      .map((a) => {
        const { id: _id, ...rest } = a;
        return rest;
      })
      .sort(order),
  }));
}

function order(a: Omit<Annotation, 'id'>, b: Omit<Annotation, 'id'>): number {
  // Times are rounded so that float noise below the 1e-6 s tolerance does not change the order.
  const r = (v: unknown) => (typeof v === 'number' ? v.toFixed(5).padStart(20, '0') : '');
  const key = (x: Omit<Annotation, 'id'>) => JSON.stringify([x.kind, 'start' in x ? r(x.start) : '', 'end' in x ? r(x.end) : '', x.label, 'text' in x ? x.text : '', 'channel' in x ? x.channel : -1]);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** Deep equality where numbers may differ by `tolerance`; returns the first difference's path or `undefined`. */
export function difference(actual: unknown, expected: unknown, tolerance = 1e-6, path = ''): string | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= tolerance ? undefined : `${path}: ${actual} vs ${expected}`;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return `${path}: length ${actual.length} vs ${expected.length}`;
    for (let i = 0; i < actual.length; i++) {
      const d = difference(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const k of keys) {
      const d = difference((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tolerance, `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${path}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`;
}
