/** One problem found while validating, with its place: a path like `labels[3].hotkey` or `[2].points[1]`. */
export interface Issue {
  path: string;
  message: string;
}

/** Appends a property name or index to a path: `join('labels[0]', 'id')` → `labels[0].id`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Formats issues for an error message, one per line, capped so huge inputs stay readable. */
export function formatIssues(issues: readonly Issue[], max = 20): string {
  const lines = issues.slice(0, max).map((i) => `  ${i.path || '(root)'}: ${i.message}`);
  if (issues.length > max) lines.push(`  ... and ${issues.length - max} more`);
  return lines.join('\n');
}

/** Thrown by `defineSchema` when the schema is invalid; `issues` names every problem. */
export class SchemaError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: Issue[]) {
    super(`Invalid label schema (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${formatIssues(issues)}`);
    this.name = 'SchemaError';
    this.issues = issues;
  }
}

/** Thrown by `assertValidAnnotations` when annotations are invalid. */
export class AnnotationError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: Issue[]) {
    super(`Invalid annotations (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${formatIssues(issues)}`);
    this.name = 'AnnotationError';
    this.issues = issues;
  }
}

/** A short, safe description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a${typeof value === 'object' ? 'n object' : ` ${typeof value}`}`;
}
