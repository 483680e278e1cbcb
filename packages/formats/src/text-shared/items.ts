/** Deterministic ids shared by the text and audio formats. */

/** Default id of the `index`-th item (0-based) of a file that does not name its items. */
export function defaultItemId(index: number): string {
  return String(index);
}

/** Deterministic annotation id: `<item>-<index>`. */
export function annotationId(itemId: string, index: number): string {
  return `${itemId}-${index}`;
}

/** Reads an item id field (`id` in JSONL): a string or a number. */
export function readItemId(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Writes an item id back: as a number when it is a canonical integer, as in doccano's exports. */
export function writeItemId(id: string): string | number {
  return /^(0|[1-9]\d{0,14})$/.test(id) ? Number(id) : id;
}
