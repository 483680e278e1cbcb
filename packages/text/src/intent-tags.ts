import { createId, defaultAttributes, type Annotation, type AnnotationStore, type ChangeInput, type LabelSchema, type TagAnnotation } from '@labelkit/core';

/** What a tag applies to: the whole item (`null`) or a code-point range (a sentence or a turn). */
export type TagTarget = { start: number; end: number } | null;

/** True when `tag` is on `target` (no range for the whole item, else the same range). */
export function isTagOn(tag: TagAnnotation, target: TagTarget): boolean {
  if (target === null) return tag.start === undefined && tag.end === undefined;
  return tag.start === target.start && tag.end === target.end;
}

/** The tag annotations on `target`, in list order. */
export function tagsOn(annotations: readonly Annotation[], target: TagTarget): TagAnnotation[] {
  return annotations.filter((a): a is TagAnnotation => a.kind === 'tag' && isTagOn(a, target));
}

/**
 * Label ids that exclude `labelId` (it cannot share a target with them): its siblings when its
 * parent is `exclusive: true`, or the other top-level tag labels when it is top-level and the schema
 * has `exclusiveTags: true`. Empty when the label is multi-label.
 */
export function exclusiveSiblings(schema: LabelSchema, labelId: string): string[] {
  const label = schema.byId.get(labelId);
  if (label === undefined) return [];
  const parent = label.parent === undefined ? undefined : schema.byId.get(label.parent);
  const exclusive = parent === undefined ? label.parent === undefined && schema.exclusiveTags : parent.exclusive === true;
  if (!exclusive) return [];
  return (schema.children.get(label.parent ?? '') ?? []).filter((id) => id !== labelId && schema.byId.get(id)?.kinds.includes('tag') === true);
}

/**
 * The edit that toggles label `labelId` on `target`: removes the tag when present; otherwise adds
 * it (with the label's default attributes) and removes the tags it excludes (see
 * {@link exclusiveSiblings}), so single-label groups stay single-label. `makeId` names the new tag.
 */
export function toggleTag(schema: LabelSchema, annotations: readonly Annotation[], labelId: string, target: TagTarget, makeId: () => string = () => createId('tag-')): ChangeInput {
  const on = tagsOn(annotations, target);
  const existing = on.find((t) => t.label === labelId);
  if (existing) return { removed: [existing.id] };
  const excluded = new Set(exclusiveSiblings(schema, labelId));
  const attrs = defaultAttributes(schema.byId.get(labelId));
  const tag: TagAnnotation = { id: makeId(), kind: 'tag', label: labelId, source: 'human', ...(target ? { start: target.start, end: target.end } : {}), ...(Object.keys(attrs).length ? { attributes: attrs } : {}) };
  return { added: [tag], removed: on.filter((t) => excluded.has(t.label)).map((t) => t.id) };
}

/** A key per tag target: the same for tags on the same range (or on the whole item). */
function targetKey(tag: TagAnnotation): string {
  return tag.start === undefined || tag.end === undefined ? '' : `${tag.start}:${tag.end}`;
}

/**
 * The `commit` of the intent tagger's suggestion review (core's `SuggestionReviewOptions.commit`):
 * puts accepted suggestions into the store as one edit, intents obeying exclusivity. They are applied
 * lowest score first (unscored as 0), each replacing a tag of its own label on its target and the
 * tags it excludes ({@link exclusiveSiblings}), so where accepted intents exclude each other the one
 * with the highest score stays. Slots (spans) are added as they are.
 */
export function commitAcceptedIntents(schema: LabelSchema): (accepted: readonly Annotation[], store: AnnotationStore) => void {
  return (accepted, store) => {
    const onTarget = new Map<string, TagAnnotation[]>();
    for (const a of store.getSnapshot()) if (a.kind === 'tag') onTarget.set(targetKey(a), [...(onTarget.get(targetKey(a)) ?? []), a]);
    const added = new Map<string, Annotation>();
    const removed = new Set<string>();
    for (const a of [...accepted].sort((x, y) => (x.score ?? 0) - (y.score ?? 0))) {
      if (a.kind !== 'tag') {
        added.set(a.id, a);
        continue;
      }
      const out = new Set([a.label, ...exclusiveSiblings(schema, a.label)]);
      const on = onTarget.get(targetKey(a)) ?? [];
      for (const t of on) {
        if (!out.has(t.label)) continue;
        if (added.has(t.id)) added.delete(t.id);
        else removed.add(t.id);
      }
      onTarget.set(targetKey(a), [...on.filter((t) => !out.has(t.label)), a]);
      added.set(a.id, a);
    }
    store.apply({ added: [...added.values()], removed: [...removed] }, { origin: 'user' });
  };
}
