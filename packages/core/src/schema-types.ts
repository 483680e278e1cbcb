import type { AnnotationKind } from './annotation.js';

/** A typed attribute definition on a label. */
export type AttributeDefinition =
  | SelectAttribute
  | MultiSelectAttribute
  | BooleanAttribute
  | NumberAttribute
  | TextAttribute;

interface AttributeCommon {
  /** Stable id, unique within its label. */
  id: string;
  /** Display name; defaults to the id. */
  name?: string;
  /** A value must be given before the annotation is valid. */
  required?: boolean;
  /** Help text for the attribute editor. */
  description?: string;
}

export interface SelectAttribute extends AttributeCommon {
  type: 'select';
  options: string[];
  default?: string;
}
export interface MultiSelectAttribute extends AttributeCommon {
  type: 'multiselect';
  options: string[];
  default?: string[];
}
export interface BooleanAttribute extends AttributeCommon {
  type: 'boolean';
  default?: boolean;
}
export interface NumberAttribute extends AttributeCommon {
  type: 'number';
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  default?: number;
}
export interface TextAttribute extends AttributeCommon {
  type: 'text';
  maxLength?: number;
  /** A regular expression (JavaScript syntax, whole-value match) the text must satisfy. */
  pattern?: string;
  default?: string;
}

/** A keypoint skeleton: joint names in order, edges to draw, left/right mirror pairs. */
export interface Skeleton {
  keypoints: string[];
  edges?: [string, string][];
  mirror?: [string, string][];
  /**
   * Per-keypoint σ for OKS (object keypoint similarity) in agreement checks, one per keypoint in
   * order; absent means pycocotools' σ for a 17-point skeleton, else 0.09 for each.
   */
  sigmas?: number[];
}

/** A label as written by the host. */
export interface LabelInput {
  /** Stable id; never changes when the label is renamed. */
  id: string;
  /** Display name; defaults to the id. */
  name?: string;
  /** CSS hex colour `#rgb` or `#rrggbb`; a palette colour is assigned when absent. */
  color?: string;
  /** Shortcut that activates the label, e.g. `"1"` or `"Shift+P"`. */
  hotkey?: string;
  /** Annotation kinds this label may be used for; absent on a pure group. */
  kinds?: AnnotationKind[];
  /** Parent label id, for hierarchies. */
  parent?: string;
  /** A group that cannot be chosen itself (only its children). */
  selectable?: boolean;
  /** On a parent of `tag` labels: its children are mutually exclusive (one per item or per range). */
  exclusive?: boolean;
  attributes?: AttributeDefinition[];
  skeleton?: Skeleton;
  /** Free description shown in pickers. */
  description?: string;
}

/** What the host passes to `defineSchema`. */
export interface SchemaInput {
  labels: LabelInput[];
  /** Top-level `tag` labels are mutually exclusive (single-label classification). */
  exclusiveTags?: boolean;
}

/** A validated label: name and colour always present. */
export interface Label extends Readonly<Omit<LabelInput, 'name' | 'color' | 'kinds' | 'selectable'>> {
  readonly name: string;
  readonly color: string;
  readonly kinds: readonly AnnotationKind[];
  readonly selectable: boolean;
}

/** A validated, frozen label schema. Create with `defineSchema`. */
export interface LabelSchema {
  readonly labels: readonly Label[];
  readonly exclusiveTags: boolean;
  /** Label by id. */
  readonly byId: ReadonlyMap<string, Label>;
  /** Children ids of each label id ('' for top level), in declaration order. */
  readonly children: ReadonlyMap<string, readonly string[]>;
}
