import { FormatError, type FormatIssue, type FormatLoss } from '../dataset.js';

/** Collects every problem of an input so that `parse` can report them all at once. */
export class IssueList {
  readonly issues: FormatIssue[] = [];
  constructor(readonly format: string) {}
  /** Records one problem at `path` (`line 12`, `line 3: spans[0].start`, `[2].text`). */
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
  get size(): number {
    return this.issues.length;
  }
  /** Throws a {@link FormatError} listing every recorded problem (in line order), if any. */
  throwIfAny(): void {
    if (!this.issues.length) return;
    const lineOf = (path: string) => Number(/(?:^|\s)line (\d+)/.exec(path)?.[1] ?? 0);
    const sorted = this.issues.map((issue, i) => ({ issue, i })).sort((a, b) => lineOf(a.issue.path) - lineOf(b.issue.path) || a.i - b.i);
    throw new FormatError(this.format, sorted.map((s) => s.issue));
  }
}

/** Joins a place and a sub-path: `at('line 3', 'spans[0]')` → `line 3: spans[0]`. */
export function at(place: string, sub: string): string {
  if (!sub) return place;
  if (place.startsWith('line ')) return `${place}: ${sub}`;
  return sub.startsWith('[') ? `${place}${sub}` : `${place}.${sub}`;
}

/** Short description of a value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}

/** Pushes a loss. */
export function lose(losses: FormatLoss[], path: string, message: string): void {
  losses.push({ path, message });
}
