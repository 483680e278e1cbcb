import {
  defineSchema,
  type AnnotationKind,
  type AttributeDefinition,
  type AttributeValue,
  type LabelInput,
  type LabelSchema,
} from '@labelkit/core';
import type { IssueList } from './issues.js';

interface Inferred {
  id: string;
  kinds: AnnotationKind[];
  attributes: Map<string, { type: 'boolean' | 'select' | 'number' | 'text'; options: string[] }>;
}

/**
 * Turns label names found in a file into label ids. With a schema (`options.schema`), a name must be
 * a label id (or, failing that, a label name) of the schema, else an issue names the place. Without one,
 * labels are inferred: id = the name, in the order of first appearance, with the kinds they were used
 * for and the attributes seen on them.
 */
export class LabelRegistry {
  private readonly inferred = new Map<string, Inferred>();
  constructor(
    private readonly issues: IssueList,
    private readonly schema?: LabelSchema,
  ) {}

  /** The label id for `name`, or `undefined` (and an issue at `place`) when the schema lacks it. */
  resolve(name: string, kind: AnnotationKind, place: string): string | undefined {
    if (this.schema) {
      if (this.schema.byId.has(name)) return name;
      const byName = this.schema.labels.find((l) => l.name === name);
      if (byName) return byName.id;
      this.issues.add(place, `unknown label "${name}": expected one of the schema's labels (${this.schema.labels.map((l) => l.id).join(', ')})`);
      return undefined;
    }
    if (!name.trim()) {
      this.issues.add(place, 'expected a non-empty label');
      return undefined;
    }
    let entry = this.inferred.get(name);
    if (!entry) {
      entry = { id: name, kinds: [], attributes: new Map() };
      this.inferred.set(name, entry);
    }
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    return name;
  }

  /** Records an attribute value seen on a label, to infer its definition. */
  noteAttribute(labelId: string, attribute: string, value: AttributeValue): void {
    const entry = this.inferred.get(labelId);
    if (!entry) return;
    const type = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : typeof value === 'string' ? 'select' : 'text';
    const def = entry.attributes.get(attribute) ?? { type, options: [] };
    if (def.type !== type) def.type = 'text';
    if (typeof value === 'string' && !def.options.includes(value)) def.options.push(value);
    entry.attributes.set(attribute, def);
  }

  /** The schema given in the options, or the inferred one. */
  build(): LabelSchema {
    if (this.schema) return this.schema;
    const labels: LabelInput[] = [...this.inferred.values()].map((e) => {
      const label: LabelInput = { id: e.id, kinds: e.kinds };
      if (e.attributes.size) {
        label.attributes = [...e.attributes].map(([id, d]): AttributeDefinition => {
          if (d.type === 'select') return { id, type: 'select', options: d.options };
          if (d.type === 'boolean') return { id, type: 'boolean' };
          if (d.type === 'number') return { id, type: 'number' };
          return { id, type: 'text' };
        });
      }
      return label;
    });
    return defineSchema({ labels });
  }
}
