import { ANNOTATION_KINDS, type AnnotationKind, type AttributeDefinition, type Label, type LabelInput, type LabelSchema } from '@labelkit/core';
import type { IssueList } from '../shared/issues.js';
import { attributeFromText } from '../shared/labels.js';
import { childElement, childElements, childText, el, parseXml, textContent, XmlError, type XmlElement } from '../shared/xml.js';

/** CVAT label types. */
export type CvatLabelType = 'any' | 'rectangle' | 'polygon' | 'polyline' | 'points' | 'ellipse' | 'cuboid' | 'mask' | 'skeleton' | 'tag';

/** Labels from `<meta><task|project><labels>`, plus each label's CVAT type. */
export interface CvatMeta {
  labels: LabelInput[];
  types: Record<string, CvatLabelType>;
  /**
   * Companion labels folded into their skeleton label: CVAT name → skeleton label name. A CVAT
   * skeleton label holds only skeletons, so labelkit writes the other shapes of such a label under
   * `"<label> (shapes)"` (see {@link companionLabelName}) and reads them back as the label itself.
   */
  companions: Map<string, string>;
  /** Attributes declared `<mutable>True</mutable>` (they change along a track), by label. */
  mutable: Map<string, Set<string>>;
}

/** Every kind but `keypoints`: what a CVAT label without a skeleton may hold in labelkit. */
export const KINDS_WITHOUT_KEYPOINTS: readonly AnnotationKind[] = ANNOTATION_KINDS.filter((k) => k !== 'keypoints');

/** Kinds a CVAT label type maps to (types absent here hold nothing labelkit has a kind for, or anything). */
const KINDS_OF_TYPE: Partial<Record<CvatLabelType, AnnotationKind[]>> = { rectangle: ['bbox', 'track'], polygon: ['polygon'], skeleton: ['keypoints'], tag: ['tag'] };

/** The kinds of a label declared with a CVAT type; a label without a skeleton never holds keypoints. */
function kindsOfType(type: CvatLabelType): AnnotationKind[] {
  return [...(KINDS_OF_TYPE[type] ?? KINDS_WITHOUT_KEYPOINTS)];
}

const COMPANION = /^(.+) \(shapes(?: \d+)?\)$/;

const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function splitValues(s: string): string[] {
  const t = s.replace(/\r/g, '');
  return (t.includes('\n') ? t.split('\n') : t.split(/\s+/)).map((v) => v.trim()).filter((v) => v !== '');
}

/** Reads the labels of a CVAT `<meta>` element. */
export function readMeta(meta: XmlElement, file: string, issues: IssueList): CvatMeta {
  const holder = childElement(meta, 'task') ?? childElement(meta, 'project') ?? childElement(meta, 'job');
  const labelsEl = holder ? childElement(holder, 'labels') : undefined;
  const out: CvatMeta = { labels: [], types: {}, companions: new Map(), mutable: new Map() };
  if (!labelsEl) return out;
  const all = childElements(labelsEl, 'label');
  const children = new Map<string, XmlElement[]>();
  for (const l of all) {
    const parent = childText(l, 'parent');
    if (parent) children.set(parent, [...(children.get(parent) ?? []), l]);
  }
  for (const l of all) {
    const name = childText(l, 'name');
    if (!name) {
      issues.add(`${file} line ${l.line}`, '<label> needs a <name>');
      continue;
    }
    if (childText(l, 'parent')) continue; // a skeleton joint, not a label of its own
    const type = (childText(l, 'type') || 'any') as CvatLabelType;
    out.types[name] = type;
    const label: LabelInput = { id: name };
    const color = childText(l, 'color');
    if (color && HEX.test(color)) label.color = color;
    // `points` is a free point set in CVAT, not a skeleton: labelkit keeps such shapes verbatim.
    label.kinds = kindsOfType(type);
    const attrEls = childElements(childElement(l, 'attributes') ?? el('x'), 'attribute');
    const attrs = attrEls.map((a) => readAttribute(a));
    const mutable = attrEls.filter((a) => /^true$/i.test(childText(a, 'mutable') ?? '')).map((a) => childText(a, 'name') ?? '');
    if (mutable.length) out.mutable.set(name, new Set(mutable));
    if (attrs.length) label.attributes = attrs;
    if (type === 'skeleton') {
      const joints = (children.get(name) ?? []).map((j) => childText(j, 'name')!);
      const edges = readSkeletonSvg(childElement(l, 'svg') ? textContent(childElement(l, 'svg')!) : '', `${file} line ${l.line}`, issues);
      label.skeleton = { keypoints: joints, ...(edges.length ? { edges: edges.filter(([a, b]) => joints.includes(a) && joints.includes(b)) } : {}) };
    }
    out.labels.push(label);
  }
  // Fold "<skeleton> (shapes)" companions (written by labelkit's export) into their skeleton label.
  for (const label of [...out.labels]) {
    const base = COMPANION.exec(label.id)?.[1];
    const skeleton = base === undefined || out.types[base] !== 'skeleton' || out.types[label.id] === 'skeleton' ? undefined : out.labels.find((l) => l.id === base);
    if (!skeleton) continue;
    for (const k of label.kinds ?? []) if (!skeleton.kinds!.includes(k)) skeleton.kinds!.push(k);
    out.companions.set(label.id, skeleton.id);
    out.labels.splice(out.labels.indexOf(label), 1);
    delete out.types[label.id];
  }
  return out;
}

function readAttribute(a: XmlElement): AttributeDefinition {
  const id = childText(a, 'name') ?? '';
  const input = childText(a, 'input_type') ?? 'text';
  const values = splitValues(childElement(a, 'values') ? textContent(childElement(a, 'values')!) : '');
  const dflt = childText(a, 'default_value');
  switch (input) {
    case 'checkbox':
      return { id, type: 'boolean', ...(dflt !== undefined && dflt !== '' ? { default: dflt === 'true' } : {}) };
    case 'radio':
    case 'select':
      return { id, type: 'select', options: values, ...(dflt && values.includes(dflt) ? { default: dflt } : {}) };
    case 'number': {
      const def = attributeFromText({ id, type: 'number' }, dflt ?? '');
      return { id, type: 'number', ...(typeof def === 'number' ? { default: def } : {}) };
    }
    default:
      return { id, type: 'text', ...(dflt !== undefined ? { default: dflt } : {}) };
  }
}

/** Edges `[from, to]` (joint names) from a CVAT skeleton SVG (escaped markup of lines and circles). */
export function readSkeletonSvg(svg: string, where: string, issues: IssueList): [string, string][] {
  if (!svg.trim()) return [];
  let root: XmlElement;
  try {
    root = parseXml(`<svg>${svg}</svg>`);
  } catch (e) {
    if (e instanceof XmlError) issues.warn(where, `skeleton <svg> unreadable (${e.message}); edges not imported`);
    else throw e;
    return [];
  }
  const nameOf = new Map<string, string>();
  for (const c of childElements(root, 'circle')) if (c.attributes['data-node-id']) nameOf.set(c.attributes['data-node-id'], c.attributes['data-label-name'] ?? c.attributes['data-node-id']);
  return childElements(root, 'line')
    .map((l) => [nameOf.get(l.attributes['data-node-from'] ?? ''), nameOf.get(l.attributes['data-node-to'] ?? '')] as [string, string])
    .filter(([a, b]) => a !== undefined && b !== undefined);
}

const TYPE_OF_KIND: Partial<Record<AnnotationKind, CvatLabelType>> = { bbox: 'rectangle', polygon: 'polygon', keypoints: 'skeleton', tag: 'tag' };
/** Kinds CVAT for images/video can draw on a label of its own (spans, segments and cuboids it cannot). */
const CVAT_KINDS: ReadonlySet<AnnotationKind> = new Set(['bbox', 'polygon', 'tag', 'track']);

/** The CVAT type of a label that may hold `kinds`: the one matching type, or `any`. */
function typeOfKinds(kinds: readonly AnnotationKind[]): CvatLabelType {
  // Boxes and box tracks are both CVAT rectangles (shapes on images, tracks on video).
  if (kinds.length > 0 && kinds.every((k) => k === 'bbox' || k === 'track')) return 'rectangle';
  return (kinds.length === 1 && TYPE_OF_KIND[kinds[0]!]) || 'any';
}

/**
 * The CVAT type to declare for a label on export. A label with a skeleton that holds keypoints is a
 * `skeleton` label whatever it was before (CVAT draws skeletons only on those); otherwise the type the
 * label was read with, or the one its kinds call for.
 */
export function cvatTypeOf(schema: LabelSchema, id: string, known?: Record<string, CvatLabelType>): CvatLabelType {
  const l = schema.byId.get(id)!;
  if (l.skeleton && l.kinds.includes('keypoints')) return 'skeleton';
  return known?.[id] ?? typeOfKinds(l.kinds);
}

/**
 * The companion label a CVAT export needs for a skeleton label that also holds other shapes (COCO's
 * `person`: polygons and a skeleton), since a CVAT skeleton label holds only skeletons: its name
 * (`"person (shapes)"`, numbered if a label of that name exists) and CVAT type. Undefined when the
 * label needs none.
 */
export function companionLabel(schema: LabelSchema, label: Label): { name: string; type: CvatLabelType; kinds: AnnotationKind[] } | undefined {
  if (!label.skeleton || !label.kinds.includes('keypoints')) return undefined;
  const kinds = label.kinds.filter((k) => CVAT_KINDS.has(k));
  if (!kinds.length) return undefined;
  let name = `${label.id} (shapes)`;
  for (let n = 2; schema.byId.has(name); n++) name = `${label.id} (shapes ${n})`;
  return { name, type: typeOfKinds(kinds), kinds };
}
