import type { Point2 } from '@labelkit/core';

const TOKEN = /([MmLlHhVvZzCcSsQqTtAa])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([\s,]+)|(.)/g;

/**
 * The closed subpaths of an SVG path `d` made of straight lines (`M`, `L`, `H`, `V`, `Z`, absolute
 * or relative), each as a ring without its closing point; or why it is not such a path (curves, an
 * open subpath, which is a line rather than a region).
 */
export function pathRings(d: string): Point2[][] | string {
  const tokens: (string | number)[] = [];
  for (const m of d.matchAll(TOKEN)) {
    if (m[4] !== undefined) return `unexpected "${m[4]}" in the path data`;
    if (m[1] !== undefined) tokens.push(m[1]);
    else if (m[2] !== undefined) tokens.push(Number(m[2]));
  }
  if (tokens.some((t) => typeof t === 'string' && /[CcSsQqTtAa]/.test(t))) return 'curved path commands (C, S, Q, T, A) are not supported: only straight lines (M, L, H, V, Z)';
  const rings: Point2[][] = [];
  let ring: Point2[] | null = null;
  let closed = false;
  let cur: Point2 = [0, 0];
  let start: Point2 = [0, 0];
  let cmd = '';
  let i = 0;
  const num = (): number | undefined => (typeof tokens[i] === 'number' ? (tokens[i++] as number) : undefined);
  const finish = (): string | undefined => {
    if (ring && !closed) return 'an open subpath (no Z) is a line, not a region; labelkit has no line or polyline kind';
    if (ring) rings.push(ring);
    ring = null;
    return undefined;
  };
  while (i < tokens.length) {
    if (typeof tokens[i] === 'string') cmd = tokens[i++] as string;
    else if (!cmd) return 'the path data must start with a command (M)';
    const rel = cmd === cmd.toLowerCase();
    const C = cmd.toUpperCase();
    if (C === 'Z') {
      if (!ring) return 'Z without a subpath';
      closed = true;
      cur = start;
      const bad = finish();
      if (bad) return bad;
      cmd = '';
      continue;
    }
    if (C === 'M' || C === 'L') {
      const x = num();
      const y = num();
      if (x === undefined || y === undefined) return `${cmd} needs x and y`;
      cur = rel ? [cur[0] + x, cur[1] + y] : [x, y];
      if (C === 'M') {
        const bad = finish();
        if (bad) return bad;
        ring = [cur];
        closed = false;
        start = cur;
        // Coordinate pairs after a moveto are linetos.
        cmd = rel ? 'l' : 'L';
      } else {
        if (!ring) return `${cmd} before any M`;
        ring.push(cur);
      }
      continue;
    }
    // H or V
    const v = num();
    if (v === undefined) return `${cmd} needs a number`;
    if (!ring) return `${cmd} before any M`;
    cur = C === 'H' ? [rel ? cur[0] + v : v, cur[1]] : [cur[0], rel ? cur[1] + v : v];
    ring.push(cur);
  }
  const bad = finish();
  if (bad) return bad;
  // A ring written with its first point repeated before Z.
  return rings.map((r) => (r.length > 1 && r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1] ? r.slice(0, -1) : r));
}
