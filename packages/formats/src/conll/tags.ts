/** IOB / BIOES tag decoding and encoding for CoNLL. */

/** A decoded entity over token indexes `[start, end)` of one sentence. */
export interface TokenEntity {
  start: number;
  end: number;
  type: string;
}

/** A parsed tag: `O`, or a prefix (`B`, `I`, `E`, `S`, also `L`, `U`) and an entity type. */
export type Tag = { prefix: 'O' } | { prefix: 'B' | 'I' | 'E' | 'S' | 'L' | 'U'; type: string };

/** Parses one tag; `undefined` when it is neither `O` nor `X-TYPE`. */
export function parseTag(tag: string): Tag | undefined {
  if (tag === 'O') return { prefix: 'O' };
  const m = /^([BIESLU])-(.+)$/.exec(tag);
  return m ? { prefix: m[1] as 'B', type: m[2]! } : undefined;
}

/**
 * Decodes a sentence's tags into entities. Reads IOB2, IOB1 (an `I-` after `O` or after another type
 * starts an entity) and BIOES/BILOU alike.
 */
export function decodeTags(tags: readonly Tag[]): TokenEntity[] {
  const out: TokenEntity[] = [];
  let cur: TokenEntity | undefined;
  const close = () => {
    if (cur) out.push(cur);
    cur = undefined;
  };
  tags.forEach((t, k) => {
    if (t.prefix === 'O') return close();
    const continues = cur !== undefined && cur.type === t.type && cur.end === k;
    if (t.prefix === 'B' || t.prefix === 'S' || t.prefix === 'U' || !continues) {
      close();
      cur = { start: k, end: k + 1, type: t.type };
    } else cur!.end = k + 1;
    if (t.prefix === 'S' || t.prefix === 'U' || t.prefix === 'E' || t.prefix === 'L') close();
  });
  close();
  return out;
}

/** Tag schemes `serialize` can write. */
export type TagScheme = 'iob2' | 'iob1' | 'bioes';

/** Encodes non-overlapping entities (sorted) over `count` tokens. */
export function encodeTags(entities: readonly TokenEntity[], count: number, scheme: TagScheme): string[] {
  const tags = new Array<string>(count).fill('O');
  let prev: TokenEntity | undefined;
  for (const e of entities) {
    for (let k = e.start; k < e.end; k++) {
      let prefix: string;
      if (scheme === 'iob2') prefix = k === e.start ? 'B' : 'I';
      // IOB1: `B-` only where an entity directly follows one of the same type.
      else if (scheme === 'iob1') prefix = k === e.start && prev?.end === e.start && prev.type === e.type ? 'B' : 'I';
      else if (e.end - e.start === 1) prefix = 'S';
      else prefix = k === e.start ? 'B' : k === e.end - 1 ? 'E' : 'I';
      tags[k] = `${prefix}-${e.type}`;
    }
    prev = e;
  }
  return tags;
}
