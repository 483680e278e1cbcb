import { at, describe, type IssueList } from './issues.js';

/** One record of a JSON Lines input with its place for messages. */
export interface JsonlRecord {
  value: Record<string, unknown>;
  /** `line 3` for a JSONL string, `[2]` for an array of parsed objects. */
  place: string;
  /** 0-based index among the records (blank lines skipped). */
  index: number;
}

/**
 * Reads JSON Lines (one JSON object per non-blank line) or an already parsed array of objects.
 * Every line that is not a JSON object is recorded in `issues` with its line number; reading goes on.
 */
export function readJsonl(input: unknown, issues: IssueList): JsonlRecord[] {
  const records: JsonlRecord[] = [];
  if (Array.isArray(input)) {
    input.forEach((value, i) => {
      if (!isPlainObject(value)) issues.add(`[${i}]`, `expected a JSON object, got ${describe(value)}`);
      else records.push({ value, place: `[${i}]`, index: records.length });
    });
    return records;
  }
  if (isPlainObject(input)) return [{ value: input, place: '[0]', index: 0 }];
  if (typeof input !== 'string') {
    issues.add('', `expected JSON Lines text or an array of objects, got ${describe(input)}`);
    return records;
  }
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const place = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      issues.add(place, `expected one JSON object per line: ${(e as Error).message}`);
      return;
    }
    if (!isPlainObject(value)) issues.add(place, `expected a JSON object, got ${describe(value)}`);
    else records.push({ value, place, index: records.length });
  });
  return records;
}

/** Writes records as JSON Lines (one per line, trailing newline). */
export function writeJsonl(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

/** True for a non-null, non-array object. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export { at };
