import { FormatError } from '../dataset.js';

/**
 * JSON formats take either the file's text or the already-parsed value. Text is parsed here, and a
 * syntax error becomes a {@link FormatError} naming the line and column.
 */
export function readJson(format: string, input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message) ?? (() => {
      const off = jsonErrorOffset(input);
      return off === undefined ? null : [String(off), String(off)];
    })();
    let path = 'line 1';
    if (m) {
      const offset = Number(m[1]);
      const before = input.slice(0, offset);
      const line = before.split('\n').length;
      path = `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
    } else {
      const lc = /line (\d+) column (\d+)/.exec(message);
      if (lc) path = `line ${lc[1]}, column ${lc[2]}`;
    }
    throw new FormatError(format, [{ path, message: `invalid JSON: ${message}` }]);
  }
}

/** Pretty-printed JSON text with a trailing newline. */
export function writeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Offset of the first JSON syntax error (for engines whose messages give no position). */
export function jsonErrorOffset(s: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail();
        str();
        ws();
        if (s[i] !== ':') fail();
        i++;
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
      if (!m) fail();
      i += m![0].length;
    } else {
      for (const w of ['true', 'false', 'null']) if (s.startsWith(w, i)) return void (i += w.length);
      fail();
    }
  };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') i++;
      else if (s.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (s[i] !== '"') fail();
    i++;
  };
  try {
    value();
    ws();
    return i < s.length ? i : undefined;
  } catch (e) {
    return typeof e === 'number' ? e : undefined;
  }
}
