import {
  ANNOTATION_KINDS,
  defineSchema,
  type AnnotationKind,
  type AttributeDefinition,
  type AttributeValue,
  type LabelInput,
  type LabelSchema,
  type Label,
  type Skeleton,
} from '@labelkit/core';
import type { IssueList } from './issues.js';

/**
 * Maps a file's label names to label ids and builds the dataset's schema.
 *
 * - With a given schema (`options.schema`), every name must match a label id (or, failing that, a
 *   label name); anything else is an error naming the place, with a suggestion when only the case
 *   differs. Attribute values the schema does not define are moved to `extra` by the caller.
 * - Without one, labels are inferred: id = the name (stable across exports), in order of first
 *   declaration or use, with the kinds they are used for and attribute definitions inferred from
 *   the values (boolean, number, text, multiselect).
 */
export class LabelSet {
  private readonly decls = new Map<string, LabelInput & { kinds: AnnotationKind[] }>();
  private readonly attrValues = new Map<string, Map<string, AttributeValue[]>>();
  private readonly byName = new Map<string, string>();

  constructor(
    private readonly issues: IssueList,
    readonly given?: LabelSchema,
  ) {
    if (given) for (const l of given.labels) if (!this.byName.has(l.name)) this.byName.set(l.name, l.id);
  }

  /** Declares a label from the file's own label list (COCO categories, CVAT meta, a config). */
  declare(input: LabelInput, path: string): string | undefined {
    if (this.given) return this.resolveGiven(input.name ?? input.id, path);
    const existing = this.decls.get(input.id);
    if (existing) {
      // Merge: a later declaration may add kinds, a skeleton or attributes.
      for (const k of input.kinds ?? []) if (!existing.kinds.includes(k)) existing.kinds.push(k);
      if (input.skeleton && !existing.skeleton) existing.skeleton = input.skeleton;
      if (input.attributes && !existing.attributes) existing.attributes = input.attributes;
      return input.id;
    }
    this.decls.set(input.id, { ...input, kinds: [...(input.kinds ?? [])] });
    return input.id;
  }

  /** The label id for a name used by an annotation of `kind` at `path`; undefined (and an issue) if unknown. */
  use(name: string, kind: AnnotationKind, path: string): string | undefined {
    if (this.given) return this.resolveGiven(name, path);
    const d = this.decls.get(name);
    if (d) {
      if (!d.kinds.includes(kind)) d.kinds.push(kind);
      return name;
    }
    this.decls.set(name, { id: name, kinds: [kind] });
    return name;
  }

  /** The label (given or declared so far). */
  label(id: string): LabelInput | Label | undefined {
    return this.given ? this.given.byId.get(id) : this.decls.get(id);
  }

  /** Gives an inferred label a skeleton if it has none yet. */
  ensureSkeleton(id: string, skeleton: Skeleton): void {
    const d = this.decls.get(id);
    if (d && !d.skeleton) d.skeleton = skeleton;
  }

  /**
   * Splits attribute values into those the label defines (or, when inferring, all of them) and
   * the rest, which the caller keeps in `extra`.
   */
  attributes(labelId: string, values: Record<string, AttributeValue>): { attributes?: Record<string, AttributeValue>; rest?: Record<string, AttributeValue> } {
    const keys = Object.keys(values);
    if (keys.length === 0) return {};
    if (this.given) {
      const defs = new Set((this.given.byId.get(labelId)?.attributes ?? []).map((a) => a.id));
      const attributes: Record<string, AttributeValue> = {};
      const rest: Record<string, AttributeValue> = {};
      for (const k of keys) (defs.has(k) ? attributes : rest)[k] = values[k]!;
      return { ...(Object.keys(attributes).length ? { attributes } : {}), ...(Object.keys(rest).length ? { rest } : {}) };
    }
    let m = this.attrValues.get(labelId);
    if (!m) this.attrValues.set(labelId, (m = new Map()));
    for (const k of keys) {
      const list = m.get(k) ?? [];
      list.push(values[k]!);
      m.set(k, list);
    }
    return { attributes: values };
  }

  /** The schema: the given one, or one built from the declarations and uses. */
  build(): LabelSchema {
    if (this.given) return this.given;
    const labels: LabelInput[] = [];
    for (const d of this.decls.values()) {
      const label: LabelInput = { ...d };
      // Declared but never used: any kind (or the parent's), but keypoints only with a skeleton.
      if (d.kinds.length === 0) {
        if (d.skeleton || d.parent !== undefined) delete label.kinds;
        else label.kinds = ANNOTATION_KINDS.filter((k) => k !== 'keypoints');
      }
      if (d.kinds.includes('keypoints') && !d.skeleton) label.kinds = d.kinds.filter((k) => k !== 'keypoints');
      const inferred = this.attrValues.get(d.id);
      if (inferred) {
        const defs = [...(d.attributes ?? [])];
        for (const [k, vals] of inferred) if (!defs.some((a) => a.id === k)) defs.push(inferAttribute(k, vals));
        label.attributes = defs;
      }
      labels.push(label);
    }
    return defineSchema({ labels });
  }

  private resolveGiven(name: string, path: string): string | undefined {
    const s = this.given!;
    if (s.byId.has(name)) return name;
    const byName = this.byName.get(name);
    if (byName !== undefined) return byName;
    const lower = name.toLowerCase();
    const near = s.labels.find((l) => l.id.toLowerCase() === lower || l.name.toLowerCase() === lower);
    this.issues.add(path, `unknown label "${name}": not in the given schema${near ? ` (did you mean "${near.id}"?)` : ` (labels: ${s.labels.map((l) => l.id).slice(0, 10).join(', ')})`}`);
    return undefined;
  }
}

/** Infers an attribute definition from the values seen. */
export function inferAttribute(id: string, values: AttributeValue[]): AttributeDefinition {
  if (values.every((v) => typeof v === 'boolean')) return { id, type: 'boolean' };
  if (values.every((v) => typeof v === 'number')) return { id, type: 'number' };
  if (values.every((v) => Array.isArray(v))) {
    const options = [...new Set(values.flatMap((v) => v as string[]))];
    return { id, type: 'multiselect', options };
  }
  return { id, type: 'text' };
}

/** Converts an attribute value from text as the definition wants it (CVAT, VOC). */
export function attributeFromText(def: AttributeDefinition | undefined, text: string): AttributeValue {
  if (!def) return text;
  switch (def.type) {
    case 'boolean':
      return text === 'true' || text === '1' || text === 'True';
    case 'number': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : text;
    }
    case 'multiselect':
      return text === '' ? [] : text.split(',');
    default:
      return text;
  }
}

/** Writes an attribute value as text. */
export function attributeToText(value: AttributeValue): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
