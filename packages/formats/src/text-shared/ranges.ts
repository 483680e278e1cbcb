import { isOffset } from './codepoints.js';
import { describe, type IssueList } from './issues.js';

/** Checks a code-point range `[start, end)` inside a text of `length` code points. */
export function checkRange(start: unknown, end: unknown, length: number, place: string, issues: IssueList): boolean {
  let ok = true;
  if (!isOffset(start)) {
    issues.add(`${place}.start`, `expected a non-negative integer code-point offset, got ${describe(start)}`);
    ok = false;
  }
  if (!isOffset(end)) {
    issues.add(`${place}.end`, `expected a non-negative integer code-point offset, got ${describe(end)}`);
    ok = false;
  }
  if (!ok) return false;
  if ((start as number) >= (end as number)) {
    issues.add(place, `expected start < end, got [${String(start)}, ${String(end)})`);
    return false;
  }
  if ((end as number) > length) {
    issues.add(`${place}.end`, `offset ${String(end)} is past the end of the text (${length} code points)`);
    return false;
  }
  return true;
}
