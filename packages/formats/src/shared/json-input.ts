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
    const m = /position (\d+)/.exec(message);
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
