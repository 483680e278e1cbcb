import { FormatError, type FormatIssue, type FormatLoss } from '../dataset.js';

/** Collects problems while parsing so that one `FormatError` can name all of them. */
export class IssueList {
  readonly issues: FormatIssue[] = [];
  readonly warnings: FormatLoss[] = [];
  constructor(readonly format: string) {}
  /** Records a problem at `path` (a JSON path or `line 12`). */
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
  /** Records a warning (the input was accepted, but something was assumed or kept aside). */
  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
  get ok(): boolean {
    return this.issues.length === 0;
  }
  /** Throws a {@link FormatError} if any problem was recorded. */
  throwIfAny(): void {
    if (this.issues.length) throw new FormatError(this.format, this.issues);
  }
}

/** Appends a key or an index to a JSON path: `at('images', 3)` → `images[3]`. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base ? `${base}.${key}` : key;
}

/** A short description of a value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
