/** Reads the values of a Praat text file (long or short form) as one sequence. */

/** A value of a Praat text file and the line it is on. */
export type PraatToken =
  | { type: 'string'; value: string; line: number }
  | { type: 'number'; value: number; line: number }
  | { type: 'flag'; value: string; line: number };

/**
 * Tokenizes both Praat text forms alike: the long form's `name = value` keys and `[1]:` indexes are
 * skipped, so only strings (`"..."`, `""` escapes a quote), numbers and `<flags>` remain.
 */
export function tokenize(text: string): PraatToken[] {
  const out: PraatToken[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '"') {
      const startLine = line;
      let value = '';
      i++;
      for (;;) {
        if (i >= n) {
          out.push({ type: 'string', value, line: -startLine });
          break;
        }
        const d = text[i]!;
        if (d === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          out.push({ type: 'string', value, line: startLine });
          break;
        }
        if (d === '\n') line++;
        value += d;
        i++;
      }
    } else if (c === '!') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '<') {
      const j = text.indexOf('>', i);
      const end = j < 0 ? n : j + 1;
      out.push({ type: 'flag', value: text.slice(i + 1, end - 1), line });
      i = end;
    } else if (c === '[') {
      const j = text.indexOf(']', i);
      i = j < 0 ? n : j + 1;
    } else if (/[-+0-9.]/.test(c)) {
      const m = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 64));
      if (m) {
        out.push({ type: 'number', value: Number(m[0]), line });
        i += m[0].length;
      } else i++;
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < n && /[A-Za-z0-9_?]/.test(text[i]!)) i++;
    } else i++;
  }
  return out;
}
