import { ANNOTATION_KINDS, type AnnotationKind } from './annotation.js';
import { SchemaError, describeValue, joinPath, type Issue } from './issues.js';
import type { AttributeDefinition, Label, LabelInput, LabelSchema, SchemaInput, Skeleton } from './schema-types.js';

/** 20 distinct colours (Sasha Trubetskoy's list), assigned in order to labels that have none. */
export const LABEL_PALETTE = [
  '#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe',
  '#008080', '#e6beff', '#9a6324', '#fffac8', '#800000', '#aaffc3', '#808000', '#ffd8b1', '#000075', '#808080',
] as const;

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const ATTRIBUTE_TYPES = ['select', 'multiselect', 'boolean', 'number', 'text'] as const;
const KIND_SET: ReadonlySet<string> = new Set(ANNOTATION_KINDS);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * Validates a label schema and returns it frozen, with lookups (`byId`, `children`) and defaults filled in
 * (name = id, a palette colour, `selectable: true`). A label without `kinds` inherits its parent's, or
 * allows every kind at the top level — except `keypoints`, which it allows only with a skeleton of its own.
 *
 * @throws {SchemaError} naming every problem with its path (`labels[3].hotkey`) and what was expected.
 */
export function defineSchema(input: SchemaInput): LabelSchema {
  const issues: Issue[] = [];
  const raw: unknown = input;
  if (!isRecord(raw)) throw new SchemaError([{ path: '', message: `expected an object with "labels", got ${describeValue(raw)}` }]);
  if (!Array.isArray(raw.labels)) {
    throw new SchemaError([{ path: 'labels', message: `expected an array of labels, got ${describeValue(raw.labels)}` }]);
  }
  if (raw.exclusiveTags !== undefined && typeof raw.exclusiveTags !== 'boolean') {
    issues.push({ path: 'exclusiveTags', message: `expected a boolean, got ${describeValue(raw.exclusiveTags)}` });
  }
  const labels = raw.labels as unknown[];

  const firstIndexById = new Map<string, number>();
  labels.forEach((l, i) => {
    const path = `labels[${i}]`;
    if (!isRecord(l)) {
      issues.push({ path, message: `expected a label object, got ${describeValue(l)}` });
      return;
    }
    if (!isNonEmptyString(l.id)) {
      issues.push({ path: `${path}.id`, message: `expected a non-empty string id, got ${describeValue(l.id)}` });
    } else if (firstIndexById.has(l.id)) {
      issues.push({ path: `${path}.id`, message: `duplicate label id "${l.id}" (first used at labels[${firstIndexById.get(l.id)}])` });
    } else {
      firstIndexById.set(l.id, i);
    }
    checkLabelFields(l, path, issues);
  });

  // Parents must exist and must not form cycles.
  const parentOf = new Map<string, string>();
  labels.forEach((l, i) => {
    if (!isRecord(l) || !isNonEmptyString(l.id) || l.parent === undefined) return;
    if (!isNonEmptyString(l.parent)) {
      issues.push({ path: `labels[${i}].parent`, message: `expected a label id, got ${describeValue(l.parent)}` });
    } else if (!firstIndexById.has(l.parent)) {
      issues.push({ path: `labels[${i}].parent`, message: `unknown parent label "${l.parent}"` });
    } else {
      parentOf.set(l.id, l.parent);
    }
  });
  const reportedCycles = new Set<string>();
  for (const [start] of parentOf) {
    const seen = new Set<string>([start]);
    let cur = parentOf.get(start);
    while (cur !== undefined) {
      if (cur === start) {
        const cycle = [...seen].sort().join(',');
        if (!reportedCycles.has(cycle)) {
          reportedCycles.add(cycle);
          issues.push({ path: `labels[${firstIndexById.get(start)}].parent`, message: `parent chain forms a cycle: ${[...seen, start].join(' → ')}` });
        }
        break;
      }
      if (seen.has(cur)) break; // a cycle that does not include `start`; reported from its own members
      seen.add(cur);
      cur = parentOf.get(cur);
    }
  }

  // Resolve kinds (inherited from parents) before checking hotkeys, which may clash only within a kind.
  const kindsOf = (id: string, depth = 0): AnnotationKind[] => {
    const idx = firstIndexById.get(id);
    const l = idx === undefined ? undefined : labels[idx];
    if (!isRecord(l) || depth > labels.length) return [...ANNOTATION_KINDS];
    if (Array.isArray(l.kinds)) return l.kinds.filter((k): k is AnnotationKind => KIND_SET.has(String(k)));
    const p = parentOf.get(id);
    const inherited = p === undefined ? [...ANNOTATION_KINDS] : kindsOf(p, depth + 1);
    // Keypoints need the label's own skeleton: a label without one does not inherit the kind.
    return l.skeleton === undefined ? inherited.filter((k) => k !== 'keypoints') : inherited;
  };
  const hotkeyOwner = new Map<string, number>();
  labels.forEach((l, i) => {
    if (!isRecord(l) || !isNonEmptyString(l.id) || !isNonEmptyString(l.hotkey)) return;
    for (const kind of kindsOf(l.id)) {
      const key = `${kind}\u0000${normaliseHotkey(l.hotkey)}`;
      const other = hotkeyOwner.get(key);
      if (other !== undefined) {
        const otherLabel = labels[other] as Record<string, unknown>;
        issues.push({
          path: `labels[${i}].hotkey`,
          message: `hotkey "${l.hotkey}" is already used by label "${String(otherLabel.id)}" (labels[${other}]) for kind "${kind}"`,
        });
        break;
      }
      hotkeyOwner.set(key, i);
    }
  });

  if (issues.length) throw new SchemaError(issues);

  const valid = labels as LabelInput[];
  const childIds = new Map<string, string[]>();
  const built: Label[] = valid.map((l, i) => {
    const parentKey = l.parent ?? '';
    const list = childIds.get(parentKey) ?? [];
    list.push(l.id);
    childIds.set(parentKey, list);
    return deepFreeze({
      ...l,
      name: l.name ?? l.id,
      color: (l.color ?? LABEL_PALETTE[i % LABEL_PALETTE.length]!).toLowerCase(),
      kinds: kindsOf(l.id),
      selectable: l.selectable ?? true,
    } satisfies Label);
  });
  const schema: LabelSchema = {
    labels: Object.freeze(built),
    exclusiveTags: (raw.exclusiveTags as boolean | undefined) ?? false,
    byId: new Map(built.map((l) => [l.id, l])),
    children: new Map([...childIds].map(([k, v]) => [k, Object.freeze(v)])),
  };
  return Object.freeze(schema);
}

const MODIFIER_ALIASES: Record<string, string> = { mod: 'mod', ctrl: 'ctrl', control: 'ctrl', meta: 'meta', cmd: 'meta', command: 'meta', alt: 'alt', option: 'alt', shift: 'shift' };

/** Lower-cases a hotkey and orders its modifiers, so `Shift+Alt+P` and `alt+shift+p` compare equal. */
function normaliseHotkey(hotkey: string): string {
  const parts = hotkey.split('+').map((p) => p.trim().toLowerCase());
  const mods = new Set<string>();
  const keys: string[] = [];
  for (const p of parts) {
    const m = MODIFIER_ALIASES[p];
    if (m) mods.add(m);
    else keys.push(p || '+');
  }
  return [...[...mods].sort(), keys.join('+')].join('+');
}

function checkLabelFields(l: Record<string, unknown>, path: string, issues: Issue[]): void {
  const at = (k: string) => joinPath(path, k);
  if (l.name !== undefined && !isNonEmptyString(l.name)) issues.push({ path: at('name'), message: `expected a non-empty string, got ${describeValue(l.name)}` });
  if (l.color !== undefined && (typeof l.color !== 'string' || !HEX_COLOR.test(l.color))) {
    issues.push({ path: at('color'), message: `expected a hex colour like "#e6194b" or "#f00", got ${describeValue(l.color)}` });
  }
  if (l.hotkey !== undefined && !isNonEmptyString(l.hotkey)) issues.push({ path: at('hotkey'), message: `expected a shortcut string like "1" or "Shift+P", got ${describeValue(l.hotkey)}` });
  for (const flag of ['selectable', 'exclusive'] as const) {
    if (l[flag] !== undefined && typeof l[flag] !== 'boolean') issues.push({ path: at(flag), message: `expected a boolean, got ${describeValue(l[flag])}` });
  }
  if (l.description !== undefined && typeof l.description !== 'string') issues.push({ path: at('description'), message: `expected a string, got ${describeValue(l.description)}` });
  if (l.kinds !== undefined) {
    if (!Array.isArray(l.kinds)) {
      issues.push({ path: at('kinds'), message: `expected an array of kinds (${ANNOTATION_KINDS.join(', ')}), got ${describeValue(l.kinds)}` });
    } else {
      l.kinds.forEach((k, j) => {
        if (!KIND_SET.has(String(k))) issues.push({ path: `${at('kinds')}[${j}]`, message: `unknown kind ${describeValue(k)}; expected one of ${ANNOTATION_KINDS.join(', ')}` });
      });
    }
  }
  if (l.attributes !== undefined) {
    if (!Array.isArray(l.attributes)) issues.push({ path: at('attributes'), message: `expected an array of attribute definitions, got ${describeValue(l.attributes)}` });
    else checkAttributes(l.attributes, at('attributes'), issues);
  }
  if (l.skeleton !== undefined) checkSkeleton(l.skeleton, at('skeleton'), issues);
  else if (Array.isArray(l.kinds) && l.kinds.includes('keypoints')) {
    issues.push({ path: at('skeleton'), message: 'a label with kind "keypoints" needs a skeleton ({ keypoints: [...], edges?: [...] })' });
  }
}

function checkAttributes(attrs: unknown[], path: string, issues: Issue[]): void {
  const seen = new Map<string, number>();
  attrs.forEach((a, j) => {
    const p = `${path}[${j}]`;
    if (!isRecord(a)) {
      issues.push({ path: p, message: `expected an attribute definition object, got ${describeValue(a)}` });
      return;
    }
    if (!isNonEmptyString(a.id)) issues.push({ path: `${p}.id`, message: `expected a non-empty string id, got ${describeValue(a.id)}` });
    else if (seen.has(a.id)) issues.push({ path: `${p}.id`, message: `duplicate attribute id "${a.id}" (first used at ${path}[${seen.get(a.id)}])` });
    else seen.set(a.id, j);
    if (!(ATTRIBUTE_TYPES as readonly unknown[]).includes(a.type)) {
      issues.push({ path: `${p}.type`, message: `unknown attribute type ${describeValue(a.type)}; expected one of ${ATTRIBUTE_TYPES.join(', ')}` });
      return;
    }
    if (a.required !== undefined && typeof a.required !== 'boolean') issues.push({ path: `${p}.required`, message: `expected a boolean, got ${describeValue(a.required)}` });
    const def = a as unknown as AttributeDefinition;
    switch (def.type) {
      case 'select':
      case 'multiselect': {
        if (!Array.isArray(def.options) || def.options.length === 0) {
          issues.push({ path: `${p}.options`, message: `a ${def.type} attribute needs a non-empty array of string options` });
          break;
        }
        const opts = new Set<string>();
        def.options.forEach((o, k) => {
          if (typeof o !== 'string' || !o.length) issues.push({ path: `${p}.options[${k}]`, message: `expected a non-empty string, got ${describeValue(o)}` });
          else if (opts.has(o)) issues.push({ path: `${p}.options[${k}]`, message: `duplicate option "${o}"` });
          else opts.add(o);
        });
        if (def.default !== undefined) {
          const defaults: unknown[] = def.type === 'select' ? [def.default] : Array.isArray(def.default) ? def.default : [def.default];
          if (def.type === 'multiselect' && !Array.isArray(def.default)) issues.push({ path: `${p}.default`, message: 'expected an array of options' });
          for (const d of defaults) {
            if (typeof d !== 'string' || !opts.has(d)) issues.push({ path: `${p}.default`, message: `default ${describeValue(d)} is not one of the options (${[...opts].join(', ')})` });
          }
        }
        break;
      }
      case 'boolean':
        if (def.default !== undefined && typeof def.default !== 'boolean') issues.push({ path: `${p}.default`, message: `expected a boolean default, got ${describeValue(def.default)}` });
        break;
      case 'number': {
        for (const k of ['min', 'max', 'step'] as const) {
          const v = def[k];
          if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) issues.push({ path: `${p}.${k}`, message: `expected a finite number, got ${describeValue(v)}` });
        }
        if (def.step !== undefined && def.step <= 0) issues.push({ path: `${p}.step`, message: `expected a step > 0, got ${def.step}` });
        if (typeof def.min === 'number' && typeof def.max === 'number' && def.min > def.max) issues.push({ path: `${p}.max`, message: `max ${def.max} is below min ${def.min}` });
        if (def.default !== undefined) {
          const problem = checkNumber(def.default, def);
          if (problem) issues.push({ path: `${p}.default`, message: `default ${problem}` });
        }
        break;
      }
      case 'text': {
        if (def.maxLength !== undefined && (!Number.isInteger(def.maxLength) || def.maxLength < 1)) issues.push({ path: `${p}.maxLength`, message: `expected a positive integer, got ${describeValue(def.maxLength)}` });
        if (def.pattern !== undefined) {
          try {
            new RegExp(def.pattern, 'u');
          } catch (e) {
            issues.push({ path: `${p}.pattern`, message: `not a valid regular expression: ${(e as Error).message}` });
          }
        }
        if (def.default !== undefined) {
          const problem = checkText(def.default, def);
          if (problem) issues.push({ path: `${p}.default`, message: `default ${problem}` });
        }
        break;
      }
    }
  });
}

/** Why `value` is not valid for a number attribute, or undefined if it is. */
export function checkNumber(value: unknown, def: { min?: number; max?: number; integer?: boolean; step?: number }): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a finite number, got ${describeValue(value)}`;
  if (def.integer && !Number.isInteger(value)) return `expected an integer, got ${value}`;
  if (def.min !== undefined && value < def.min) return `${value} is below the minimum ${def.min}`;
  if (def.max !== undefined && value > def.max) return `${value} is above the maximum ${def.max}`;
  return undefined;
}

/** Why `value` is not valid for a text attribute, or undefined if it is. */
export function checkText(value: unknown, def: { maxLength?: number; pattern?: string }): string | undefined {
  if (typeof value !== 'string') return `expected a string, got ${describeValue(value)}`;
  if (def.maxLength !== undefined && [...value].length > def.maxLength) return `is longer than ${def.maxLength} characters`;
  if (def.pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${def.pattern})$`, 'u');
    } catch {
      return undefined; // reported on the schema itself
    }
    if (!re.test(value)) return `${describeValue(value)} does not match the pattern /${def.pattern}/`;
  }
  return undefined;
}

function checkSkeleton(s: unknown, path: string, issues: Issue[]): void {
  if (!isRecord(s)) {
    issues.push({ path, message: `expected { keypoints: string[], edges?: [a, b][], mirror?: [a, b][] }, got ${describeValue(s)}` });
    return;
  }
  const names = new Set<string>();
  if (!Array.isArray(s.keypoints) || s.keypoints.length === 0) {
    issues.push({ path: `${path}.keypoints`, message: 'expected a non-empty array of keypoint names' });
    return;
  }
  s.keypoints.forEach((k, i) => {
    if (!isNonEmptyString(k)) issues.push({ path: `${path}.keypoints[${i}]`, message: `expected a non-empty keypoint name, got ${describeValue(k)}` });
    else if (names.has(k)) issues.push({ path: `${path}.keypoints[${i}]`, message: `duplicate keypoint name "${k}"` });
    else names.add(k);
  });
  const sigmas = (s as Partial<Record<keyof Skeleton, unknown>>).sigmas;
  if (sigmas !== undefined) {
    if (!Array.isArray(sigmas) || sigmas.length !== s.keypoints.length) {
      issues.push({ path: `${path}.sigmas`, message: `expected ${s.keypoints.length} numbers (one σ per keypoint), got ${describeValue(sigmas)}` });
    } else {
      sigmas.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) issues.push({ path: `${path}.sigmas[${i}]`, message: `expected a positive number, got ${describeValue(v)}` });
      });
    }
  }
  for (const field of ['edges', 'mirror'] as const) {
    const pairs = (s as Partial<Record<keyof Skeleton, unknown>>)[field];
    if (pairs === undefined) continue;
    if (!Array.isArray(pairs)) {
      issues.push({ path: `${path}.${field}`, message: 'expected an array of [name, name] pairs' });
      continue;
    }
    pairs.forEach((pair, i) => {
      const p = `${path}.${field}[${i}]`;
      if (!Array.isArray(pair) || pair.length !== 2) {
        issues.push({ path: p, message: `expected a pair [name, name], got ${describeValue(pair)}` });
        return;
      }
      pair.forEach((n, j) => {
        if (typeof n !== 'string' || !names.has(n)) issues.push({ path: `${p}[${j}]`, message: `unknown keypoint ${describeValue(n)}; expected one of the skeleton's keypoints` });
      });
      if (pair[0] === pair[1]) issues.push({ path: p, message: `a pair must name two different keypoints, got "${String(pair[0])}" twice` });
    });
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Ancestors of a label, nearest first. */
export function labelAncestors(schema: LabelSchema, id: string): Label[] {
  const out: Label[] = [];
  let cur = schema.byId.get(id)?.parent;
  while (cur !== undefined && out.length <= schema.labels.length) {
    const l = schema.byId.get(cur);
    if (!l) break;
    out.push(l);
    cur = l.parent;
  }
  return out;
}

/** Labels that may be chosen for a kind (selectable, kind allowed), in schema order. */
export function labelsForKind(schema: LabelSchema, kind: AnnotationKind): Label[] {
  return schema.labels.filter((l) => l.selectable && l.kinds.includes(kind));
}

/** Default attribute values of a label, for a new annotation. */
export function defaultAttributes(label: Label | undefined): Record<string, string | number | boolean | string[]> {
  const out: Record<string, string | number | boolean | string[]> = {};
  for (const a of label?.attributes ?? []) {
    if (a.default !== undefined) out[a.id] = Array.isArray(a.default) ? [...a.default] : a.default;
  }
  return out;
}
