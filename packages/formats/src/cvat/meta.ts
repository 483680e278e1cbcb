import type { AttributeDefinition, LabelInput, LabelSchema } from '@labelkit/core';
import type { IssueList } from '../shared/issues.js';
import { attributeFromText } from '../shared/labels.js';
import { childElement, childElements, childText, el, parseXml, textContent, XmlError, type XmlElement } from '../shared/xml.js';

/** CVAT label types. */
export type CvatLabelType = 'any' | 'rectangle' | 'polygon' | 'polyline' | 'points' | 'ellipse' | 'cuboid' | 'mask' | 'skeleton' | 'tag';

/** Labels from `<meta><task|project><labels>`, plus each label's CVAT type. */
export interface CvatMeta {
  labels: LabelInput[];
  types: Record<string, CvatLabelType>;
}

const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function splitValues(s: string): string[] {
  const t = s.replace(/\r/g, '');
  return (t.includes('\n') ? t.split('\n') : t.split(/\s+/)).map((v) => v.trim()).filter((v) => v !== '');
}

/** Reads the labels of a CVAT `<meta>` element. */
export function readMeta(meta: XmlElement, file: string, issues: IssueList): CvatMeta {
  const holder = childElement(meta, 'task') ?? childElement(meta, 'project') ?? childElement(meta, 'job');
  const labelsEl = holder ? childElement(holder, 'labels') : undefined;
  const out: CvatMeta = { labels: [], types: {} };
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
    const kinds = ({ rectangle: ['bbox'], polygon: ['polygon'], points: ['keypoints'], skeleton: ['keypoints'], tag: ['tag'] } as const)[type as 'rectangle'];
    if (kinds) label.kinds = [...kinds];
    const attrs = childElements(childElement(l, 'attributes') ?? el('x'), 'attribute').map((a) => readAttribute(a));
    if (attrs.length) label.attributes = attrs;
    if (type === 'skeleton') {
      const joints = (children.get(name) ?? []).map((j) => childText(j, 'name')!);
      const edges = readSkeletonSvg(childElement(l, 'svg') ? textContent(childElement(l, 'svg')!) : '', `${file} line ${l.line}`, issues);
      label.skeleton = { keypoints: joints, ...(edges.length ? { edges: edges.filter(([a, b]) => joints.includes(a) && joints.includes(b)) } : {}) };
    }
    out.labels.push(label);
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

/** The CVAT type to declare for a label on export. */
export function cvatTypeOf(schema: LabelSchema, id: string, known?: Record<string, CvatLabelType>): CvatLabelType {
  const k = known?.[id];
  if (k) return k;
  const l = schema.byId.get(id)!;
  if (l.kinds.length === 1) {
    const m = { bbox: 'rectangle', polygon: 'polygon', keypoints: 'skeleton', tag: 'tag' } as Record<string, CvatLabelType>;
    if (m[l.kinds[0]!]) return m[l.kinds[0]!]!;
  }
  return l.skeleton && l.kinds.includes('keypoints') ? 'skeleton' : 'any';
}
