import type { AnnotationKind, LabelInput } from '@labelkit/core';
import { childElements, parseXml, XmlError, type XmlElement } from '../shared/xml.js';
import type { IssueList } from '../shared/issues.js';

/** One control tag of a Label Studio labeling config (`<RectangleLabels name="label" toName="image">`). */
export interface LsControl {
  tag: string;
  name: string;
  toName: string;
  /** The object tag it labels (`Image`, `Text`, `Audio`, ...), when found. */
  objectTag?: string;
  values: string[];
}

/** What a labeling config tells: its controls, object tags and the labels they define. */
export interface LsConfig {
  controls: LsControl[];
  /** Object tags by name: `{ image: { tag: 'Image', value: '$image' } }`. */
  objects: Record<string, { tag: string; value: string }>;
  labels: LabelInput[];
}

const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const CONTROL_KIND: Record<string, AnnotationKind | 'byObject'> = {
  rectanglelabels: 'bbox',
  rectangle: 'bbox',
  polygonlabels: 'polygon',
  polygon: 'polygon',
  keypointlabels: 'keypoints',
  labels: 'byObject',
  choices: 'tag',
};

/** Parses a labeling config. Problems are added to `issues` with the config's line numbers. */
export function parseLabelConfig(xml: string, issues: IssueList): LsConfig | undefined {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) {
      issues.add(`config line ${e.line}`, e.message.replace(/^line \d+, /, ''));
      return undefined;
    }
    throw e;
  }
  const controls: LsControl[] = [];
  const objects: LsConfig['objects'] = {};
  const labels = new Map<string, LabelInput & { kinds: AnnotationKind[] }>();
  const walk = (e: XmlElement) => {
    if (e.attributes.name && e.attributes.value?.startsWith('$')) objects[e.attributes.name] = { tag: e.name, value: e.attributes.value };
    if (e.attributes.toName && e.attributes.name) controls.push({ tag: e.name, name: e.attributes.name, toName: e.attributes.toName, values: [] });
    for (const c of childElements(e)) walk(c);
  };
  walk(root);
  const find = (name: string): XmlElement | undefined => {
    let found: XmlElement | undefined;
    const w = (e: XmlElement) => {
      if (e.attributes.name === name && e.attributes.toName) found ??= e;
      childElements(e).forEach(w);
    };
    w(root);
    return found;
  };
  for (const c of controls) {
    c.objectTag = objects[c.toName.split(',')[0]!]?.tag;
    const el = find(c.name)!;
    const kids = childElements(el).filter((k) => k.name === 'Label' || k.name === 'Choice');
    const ordered = kids.every((k) => k.attributes.model_index !== undefined) ? [...kids].sort((a, b) => Number(a.attributes.model_index) - Number(b.attributes.model_index)) : kids;
    c.values = ordered.map((k) => k.attributes.value ?? k.attributes.alias ?? '');
    let kind = CONTROL_KIND[c.tag.toLowerCase()];
    if (kind === 'byObject') kind = c.objectTag === 'Audio' || c.objectTag === 'AudioPlus' ? 'segment' : c.objectTag === 'Video' ? 'track' : 'span';
    if (!kind) continue;
    if (kind === 'keypoints') {
      labels.set(c.name, { id: c.name, kinds: ['keypoints'], skeleton: { keypoints: c.values } });
      continue;
    }
    ordered.forEach((k) => {
      const v = k.attributes.value;
      if (!v) return issues.add(`config line ${k.line}`, `<${k.name}> needs a value`);
      const bg = k.attributes.background;
      const l = labels.get(v) ?? { id: v, kinds: [] };
      if (!l.kinds.includes(kind as AnnotationKind)) l.kinds.push(kind as AnnotationKind);
      if (bg && HEX.test(bg) && !l.color) l.color = bg;
      labels.set(v, l);
    });
  }
  return { controls, objects, labels: [...labels.values()] };
}
