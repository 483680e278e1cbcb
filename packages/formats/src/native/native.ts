import { defineSchema, SchemaError, validateAnnotations, type Annotation, type LabelInput, type LabelSchema } from '@labelkit/core';
import type { Dataset, DatasetItem, Format, Media } from '../dataset.js';
import { IssueList, at, describe, isFiniteNumber, isRecord } from '../shared/issues.js';
import { readJson, writeJson } from '../shared/json-input.js';

/** The current version of labelkit's own file format. */
export const NATIVE_VERSION = 1;

/** labelkit's own file: `{ "labelkit": 1, "schema": { labels, exclusiveTags? }, "items": [{ media, annotations }] }`. */
export interface NativeFile {
  labelkit: 1;
  schema: { labels: LabelInput[]; exclusiveTags?: boolean };
  items: { media: Media; annotations: Annotation[] }[];
  extra?: Record<string, unknown>;
}

export interface NativeParseOptions {
  /** Validate against this schema instead of the file's own. */
  schema?: LabelSchema;
}

export interface NativeSerializeOptions {
  /** Indent the JSON (default true). */
  pretty?: boolean;
}

const MEDIA_NUMBERS = ['width', 'height', 'duration', 'fps', 'frameCount'] as const;

/** labelkit's own versioned JSON: lossless, validated with core's `defineSchema` and `validateAnnotations`. */
export const native: Format<string | NativeFile | unknown, string, NativeParseOptions, NativeSerializeOptions> = {
  name: 'native',
  parse(input, options = {}) {
    const issues = new IssueList('native');
    const doc = readJson('native', input);
    if (!isRecord(doc)) {
      issues.add('(root)', `expected an object { "labelkit": 1, "schema", "items" }, got ${describe(doc)}`);
      issues.throwIfAny();
    }
    const d = doc as Record<string, unknown>;
    if (d.labelkit !== NATIVE_VERSION) {
      issues.add('labelkit', d.labelkit === undefined ? 'missing "labelkit" version field; is this a labelkit file?' : `unsupported version ${describe(d.labelkit)}; this reader knows version ${NATIVE_VERSION}`);
    }
    let schema: LabelSchema | undefined = options.schema;
    if (!schema) {
      try {
        schema = defineSchema(d.schema as never);
      } catch (e) {
        if (!(e instanceof SchemaError)) throw e;
        for (const i of e.issues) issues.add(i.path ? `schema.${i.path}` : 'schema', i.message);
      }
    }
    if (!Array.isArray(d.items)) issues.add('items', `expected an array of { media, annotations }, got ${describe(d.items)}`);
    const items: DatasetItem[] = [];
    const mediaIds = new Map<string, number>();
    (Array.isArray(d.items) ? d.items : []).forEach((raw: unknown, i: number) => {
      const path = at('items', i);
      if (!isRecord(raw)) return issues.add(path, `expected { media, annotations }, got ${describe(raw)}`);
      const media = raw.media;
      if (!isRecord(media)) return issues.add(`${path}.media`, `expected an object, got ${describe(media)}`);
      if (typeof media.id !== 'string' || media.id === '') issues.add(`${path}.media.id`, `expected a non-empty string, got ${describe(media.id)}`);
      else if (mediaIds.has(media.id)) issues.add(`${path}.media.id`, `duplicate media id "${media.id}" (also items[${mediaIds.get(media.id)}])`);
      else mediaIds.set(media.id, i);
      for (const k of MEDIA_NUMBERS) {
        const v = media[k];
        if (v !== undefined && (!isFiniteNumber(v) || v <= 0)) issues.add(`${path}.media.${k}`, `expected a positive number, got ${describe(v)}`);
      }
      for (const k of ['uri', 'text'] as const) if (media[k] !== undefined && typeof media[k] !== 'string') issues.add(`${path}.media.${k}`, `expected a string, got ${describe(media[k])}`);
      if (media.extra !== undefined && !isRecord(media.extra)) issues.add(`${path}.media.extra`, `expected an object, got ${describe(media.extra)}`);
      if (!Array.isArray(raw.annotations)) return issues.add(`${path}.annotations`, `expected an array, got ${describe(raw.annotations)}`);
      if (schema) {
        const found = validateAnnotations(schema, raw.annotations, {
          text: typeof media.text === 'string' ? media.text : undefined,
          width: isFiniteNumber(media.width) ? media.width : undefined,
          height: isFiniteNumber(media.height) ? media.height : undefined,
          duration: isFiniteNumber(media.duration) ? media.duration : undefined,
          frameCount: isFiniteNumber(media.frameCount) ? media.frameCount : undefined,
        });
        for (const f of found) issues.add(`${path}.annotations${f.path}`, f.message);
      }
      items.push({ media: media as unknown as Media, annotations: raw.annotations as Annotation[] });
    });
    if (d.extra !== undefined && !isRecord(d.extra)) issues.add('extra', `expected an object, got ${describe(d.extra)}`);
    issues.throwIfAny();
    const dataset: Dataset = { schema: schema!, items };
    if (isRecord(d.extra)) dataset.extra = d.extra;
    return { dataset, warnings: issues.warnings };
  },
  serialize(dataset, options = {}) {
    const file: NativeFile = {
      labelkit: NATIVE_VERSION,
      schema: schemaToJson(dataset.schema),
      items: dataset.items.map((it) => ({ media: it.media, annotations: it.annotations })),
    };
    if (dataset.extra && Object.keys(dataset.extra).length) file.extra = dataset.extra;
    return { output: options.pretty === false ? JSON.stringify(file) : writeJson(file), losses: [] };
  },
};

/** A schema as plain JSON that `defineSchema` accepts back. */
export function schemaToJson(schema: LabelSchema): NativeFile['schema'] {
  const labels = schema.labels.map((l) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(l)) if (v !== undefined) out[k] = Array.isArray(v) ? [...v] : v;
    return out as unknown as LabelInput;
  });
  return schema.exclusiveTags ? { labels, exclusiveTags: true } : { labels };
}
