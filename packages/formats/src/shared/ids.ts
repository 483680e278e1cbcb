/**
 * Deterministic, unique ids: derived from the source (an annotation id, a file name and line), never
 * random, so that parsing the same file twice gives the same ids.
 */
export class IdPool {
  private readonly used = new Set<string>();
  /** Returns `base`, or `base~2`, `base~3`, ... when `base` is already taken. */
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}~${n}`;
    this.used.add(id);
    return id;
  }
  has(id: string): boolean {
    return this.used.has(id);
  }
}
