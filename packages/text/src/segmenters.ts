const cache = new Map<string, Intl.Segmenter>();

/** A shared `Intl.Segmenter` per granularity and locale (building one costs far more than using it). */
export function cachedSegmenter(granularity: 'grapheme' | 'word' | 'sentence', locale?: string): Intl.Segmenter {
  const key = `${granularity}|${locale ?? ''}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = new Intl.Segmenter(locale, { granularity });
    cache.set(key, s);
  }
  return s;
}
