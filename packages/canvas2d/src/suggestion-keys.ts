/**
 * Pending suggestions are selected, hit-tested and dragged by the same select tool as annotations,
 * under a key that cannot clash with an annotation id (a suggestion may share its id with an
 * annotation, e.g. one accepted earlier).
 */
const PREFIX = '\u0000suggestion:';

/** The select-tool key of the suggestion with this id. */
export function suggestionKey(id: string): string {
  return PREFIX + id;
}

/** The suggestion id behind a select-tool key, or `null` for an annotation id. */
export function suggestionIdOf(key: string): string | null {
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length) : null;
}
