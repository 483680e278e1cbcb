import { defineSchema, SchemaError, type Annotation, type KeypointsAnnotation, type LabelSchema, type Point2 } from '@labelkit/core';
import type { DatasetItem, Format, FormatLoss, Media } from '../dataset.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, at, describe, isFiniteNumber, isRecord } from '../shared/issues.js';
import { readJson, writeJson } from '../shared/json-input.js';
import { LabelSet } from '../shared/labels.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { parseLabelConfig, type LsConfig } from './config.js';
import { boxToPercent, percentToBox } from './rect.js';
import { readSequence, sequenceFps, writeSequence } from './video.js';

export interface LabelStudioParseOptions {
  /** The project's labeling config XML: builds the schema (and tells text from audio `Labels`). */
  config?: string;
  /** Map labels to this schema instead of the config or inference. */
  schema?: LabelSchema;
  /**
   * Units of text `start`/`end`. Label Studio exports Unicode code points (since label-studio-frontend
   * PR #308, 2021); `'utf16'` reads JS string offsets of older versions. Default `'codepoints'`; a
   * span whose `text` only matches the UTF-16 slice is read as UTF-16 with a warning.
   */
  offsets?: 'codepoints' | 'utf16';
  /** Image size when results carry no `original_width`/`original_height`. */
  width?: number;
  height?: number;
}

export type LabelStudioSerializeOptions = { pretty?: boolean };

type Json = Record<string, unknown>;

/** Default control (`from_name`) written per result type when an annotation has none in `extra`. */
const DEFAULT_FROM: Record<string, string> = { rectanglelabels: 'label', polygonlabels: 'label', labels: 'label', choices: 'choice', videorectangle: 'box' };
const RESULT_KNOWN = new Set(['id', 'type', 'value', 'from_name', 'to_name', 'original_width', 'original_height', 'image_rotation', 'score']);
const VALUE_KNOWN: Record<string, string[]> = {
  rectanglelabels: ['x', 'y', 'width', 'height', 'rotation', 'rectanglelabels'],
  polygonlabels: ['points', 'polygonlabels', 'closed'],
  keypointlabels: ['x', 'y', 'keypointlabels'],
  labels: ['start', 'end', 'text', 'labels'],
  choices: ['choices'],
  videorectangle: ['sequence', 'labels', 'framesCount', 'duration'],
};
/** Result types whose coordinates are percent of the image or video frame size. */
const SIZED = ['rectanglelabels', 'polygonlabels', 'keypointlabels', 'videorectangle'];

/** Label Studio JSON tasks (export "JSON" or one task). Percent coordinates of `original_width`/`original_height`. */
export const labelStudio: Format<string | unknown[] | object, string, LabelStudioParseOptions, LabelStudioSerializeOptions> = {
  name: 'labelStudio',
  parse(input, options = {}) {
    const issues = new IssueList('labelStudio');
    const doc = readJson('labelStudio', input);
    const tasks = Array.isArray(doc) ? doc : [doc];
    let config: LsConfig | undefined;
    if (options.config !== undefined) config = parseLabelConfig(options.config, issues);
    let given = options.schema;
    if (config && !given) {
      try {
        given = defineSchema({ labels: config.labels });
      } catch (e) {
        if (!(e instanceof SchemaError)) throw e;
        for (const i of e.issues) issues.add(`config ${i.path}`, i.message);
        issues.throwIfAny();
      }
    }
    const labels = new LabelSet(issues, given);
    const objectTag = (toName: unknown) => (typeof toName === 'string' ? config?.objects[toName]?.tag : undefined);
    const items: DatasetItem[] = [];
    const mediaIds = new IdPool();
    tasks.forEach((task: unknown, ti: number) => {
      const tpath = Array.isArray(doc) ? at('', ti) : '(task)';
      if (!isRecord(task)) return issues.add(tpath, `expected a task object, got ${describe(task)}`);
      if (task.data === undefined) issues.warn(`${tpath}.data`, "the task has no data (an annotation file of Label Studio's frontend); the media's URL is unknown");
      const data = task.data ?? {};
      if (!isRecord(data)) return issues.add(`${tpath}.data`, `expected an object, got ${describe(data)}`);
      const anns = task.annotations ?? task.completions ?? [];
      if (!Array.isArray(anns)) return issues.add(`${tpath}.annotations`, `expected an array, got ${describe(anns)}`);
      const first = anns.find((a) => isRecord(a) && !a.was_cancelled) as Json | undefined;
      const results = first?.result ?? [];
      const apath = `${tpath}.annotations[${anns.indexOf(first)}]`;
      if (!Array.isArray(results)) return issues.add(`${apath}.result`, `expected an array, got ${describe(results)}`);
      // Media.
      const mediaId = mediaIds.take(task.id !== undefined ? String(task.id) : `task${ti + 1}`);
      const firstTo = (results.find((r) => isRecord(r) && typeof r.to_name === 'string') as Json | undefined)?.to_name as string | undefined;
      const valueKey = (firstTo && config?.objects[firstTo]?.value.slice(1)) ?? (firstTo && firstTo in data ? firstTo : ['image', 'audio', 'url', 'video', 'text'].find((k) => typeof data[k] === 'string'));
      const media: Media = { id: mediaId };
      const text = typeof data.text === 'string' ? data.text : undefined;
      if (text !== undefined && (valueKey === 'text' || valueKey === undefined)) media.text = text;
      else if (valueKey && typeof data[valueKey] === 'string') media.uri = data[valueKey] as string;
      const sized = results.find((r) => isRecord(r) && isFiniteNumber(r.original_width)) as Json | undefined;
      const W = (sized?.original_width as number | undefined) ?? options.width;
      const H = (sized?.original_height as number | undefined) ?? options.height;
      if (W !== undefined && H !== undefined && results.some((r) => isRecord(r) && SIZED.includes(String(r.type)))) {
        media.width = W;
        media.height = H;
      }
      const taskExtra: Json = {};
      for (const [k, v] of Object.entries(task)) if (k !== 'annotations' && k !== 'completions' && k !== 'id') taskExtra[k] = v;
      if (task.id !== undefined) taskExtra.id = task.id;
      const annExtra: Json = {};
      if (first) for (const [k, v] of Object.entries(first)) if (k !== 'result') annExtra[k] = v;
      const others = anns.filter((a) => a !== first);
      const mediaExtra: Json = { task: taskExtra, annotation: annExtra };
      if (others.length) {
        mediaExtra.otherAnnotations = others;
        issues.warn(`${tpath}.annotations`, `only the first annotation was imported; ${others.length} other(s) kept in media.extra.labelStudio.otherAnnotations`);
      }
      const annotations: Annotation[] = [];
      const ids = new IdPool();
      const cps = media.text !== undefined ? Array.from(media.text) : undefined;
      const kpGroups = new Map<string, { ann: KeypointsAnnotation; names: string[] }>();
      const unsupported: unknown[] = [];
      results.forEach((r: unknown, ri: number) => {
        const rpath = `${apath}.result[${ri}]`;
        if (!isRecord(r)) return issues.add(rpath, `expected a result object, got ${describe(r)}`);
        const type = String(r.type);
        const v = r.value;
        if (type === 'relation') return unsupported.push(r);
        if (!isRecord(v)) return unsupported.push(r);
        const rid = typeof r.id === 'string' && r.id ? r.id : `r${ri + 1}`;
        const extra: Json = {};
        for (const [k, x] of Object.entries(r)) if (!RESULT_KNOWN.has(k)) extra[k] = x;
        for (const [k, x] of Object.entries(v)) {
          if ((VALUE_KNOWN[type] ?? []).includes(k)) continue;
          const ev = (extra.value ??= {}) as Json;
          ev[k] = x;
        }
        if (typeof r.from_name === 'string' && r.from_name !== DEFAULT_FROM[type]) extra.from_name = r.from_name;
        if (typeof r.to_name === 'string' && r.to_name !== ({ labels: media.text !== undefined ? 'text' : 'audio', choices: media.text !== undefined ? 'text' : media.width ? 'image' : 'audio' } as Json)[type] && !(['rectanglelabels', 'polygonlabels', 'keypointlabels'].includes(type) && r.to_name === 'image') && !(type === 'videorectangle' && r.to_name === 'video')) extra.to_name = r.to_name;
        if (r.image_rotation !== undefined && r.image_rotation !== 0) extra.image_rotation = r.image_rotation;
        const score = isFiniteNumber(r.score) ? { score: r.score } : {};
        const names = (v[type] ?? v.labels) as unknown;
        const labelList = Array.isArray(names) ? names.filter((x): x is string => typeof x === 'string') : [];
        const rW = isFiniteNumber(r.original_width) ? r.original_width : W;
        const rH = isFiniteNumber(r.original_height) ? r.original_height : H;
        const needSize = () => {
          if (rW === undefined || rH === undefined) issues.add(rpath, 'no original_width/original_height and no options.width/height: cannot convert percent to pixels');
          return rW !== undefined && rH !== undefined;
        };
        const finish = (a: Annotation) => {
          if (labelList.length > 1) extra.moreLabels = labelList.slice(1);
          if (Object.keys(extra).length) a.extra = { labelStudio: extra };
          annotations.push(a);
        };
        const num = (k: string) => {
          if (!isFiniteNumber(v[k])) {
            issues.add(`${rpath}.value.${k}`, `expected a number, got ${describe(v[k])}`);
            return NaN;
          }
          return v[k] as number;
        };
        if (type === 'rectanglelabels' || type === 'rectangle') {
          const [x, y, w, h] = ['x', 'y', 'width', 'height'].map(num) as [number, number, number, number];
          const rot = isFiniteNumber(v.rotation) ? v.rotation : 0;
          if (!needSize() || [x, y, w, h].some(Number.isNaN)) return;
          const label = labelList[0] ? labels.use(labelList[0], 'bbox', `${rpath}.value.rectanglelabels`) : undefined;
          if (!labelList[0]) issues.add(`${rpath}.value.rectanglelabels`, 'no label');
          if (!label) return;
          finish({ id: ids.take(rid), kind: 'bbox', label, ...percentToBox({ x, y, width: w, height: h, rotation: rot }, rW!, rH!), ...score });
        } else if (type === 'polygonlabels' || type === 'polygon') {
          const pts = v.points;
          if (!Array.isArray(pts) || pts.length < 3 || !pts.every((p) => Array.isArray(p) && p.length === 2 && p.every(isFiniteNumber))) return issues.add(`${rpath}.value.points`, `expected at least 3 [x, y] percent pairs, got ${describe(pts)}`);
          if (!needSize()) return;
          const label = labelList[0] ? labels.use(labelList[0], 'polygon', `${rpath}.value.polygonlabels`) : undefined;
          if (!labelList[0]) issues.add(`${rpath}.value.polygonlabels`, 'no label');
          if (!label) return;
          if (v.closed === false) extra.closed = false;
          finish({ id: ids.take(rid), kind: 'polygon', label, points: (pts as Point2[]).map(([px, py]) => [(px / 100) * rW!, (py / 100) * rH!] as Point2), ...score });
        } else if (type === 'keypointlabels' || type === 'keypoint') {
          const [x, y] = ['x', 'y'].map(num) as [number, number];
          if (!needSize() || Number.isNaN(x) || Number.isNaN(y)) return;
          const joint = labelList[0];
          if (!joint) return issues.add(`${rpath}.value.keypointlabels`, 'no label');
          // The labelkit label is the KeyPointLabels control; its joints are the control's labels.
          const control = typeof r.from_name === 'string' ? r.from_name : 'keypoints';
          const cfgJoints = config?.controls.find((c) => c.name === control)?.values;
          const label = labels.use(control, 'keypoints', `${rpath}.from_name`);
          if (!label) return;
          // One skeleton instance per parent region (parentID) or per exported group (`<id>#<joint>` ids).
          const m = /^(.*)#\d+$/.exec(rid);
          const key = `${control}\u0000${typeof r.parentID === 'string' ? `p:${r.parentID}` : m ? m[1] : rid}`;
          let g = kpGroups.get(key);
          if (!g) {
            const gid = typeof r.parentID === 'string' ? ids.take(`${r.parentID}-kp`) : ids.take(m ? m[1]! : rid);
            g = { ann: { id: gid, kind: 'keypoints', label, points: [], ...score }, names: cfgJoints ? [...cfgJoints] : [] };
            kpGroups.set(key, g);
            if (typeof r.parentID === 'string') extra.parentID = r.parentID;
            delete extra.from_name;
            if (isFiniteNumber(v.width)) extra.pointWidth = v.width;
            delete extra.value;
            if (Object.keys(extra).length) g.ann.extra = { labelStudio: extra };
            annotations.push(g.ann);
          }
          let j = g.names.indexOf(joint);
          if (j < 0) {
            if (cfgJoints || given) {
              const sk = given?.byId.get(label)?.skeleton?.keypoints;
              j = sk ? sk.indexOf(joint) : -1;
              if (j < 0) return issues.add(`${rpath}.value.keypointlabels`, `"${joint}" is not a keypoint of "${control}"`);
              if (!cfgJoints) g.names = [...sk!];
            } else {
              g.names.push(joint);
              j = g.names.length - 1;
            }
          }
          while (g.ann.points.length < g.names.length) g.ann.points.push({ x: 0, y: 0, visibility: 0 });
          g.ann.points[j] = { x: (x / 100) * rW!, y: (y / 100) * rH!, visibility: 2 };
        } else if (type === 'labels') {
          const label0 = labelList[0];
          if (!label0) return issues.add(`${rpath}.value.labels`, 'no label');
          const obj = objectTag(r.to_name);
          const isText = obj ? obj === 'Text' || obj === 'HyperText' || obj === 'Paragraphs' : typeof v.text === 'string' || cps !== undefined;
          if (isText) {
            if (!cps) return issues.add(rpath, 'a text span but the task has no data.text');
            let [s, e] = [num('start'), num('end')];
            if (Number.isNaN(s) || Number.isNaN(e)) return;
            if (!Number.isInteger(s) || !Number.isInteger(e)) return issues.add(rpath, `span offsets must be integers (got ${s}, ${e}); global offsets of HTML are not supported`);
            const slice = (a: number, b: number) => cps.slice(a, b).join('');
            if (options.offsets === 'utf16' || (typeof v.text === 'string' && slice(s, e) !== v.text && media.text!.slice(s, e) === v.text)) {
              if (options.offsets !== 'utf16') issues.warn(rpath, 'offsets match the text only as UTF-16 units (older Label Studio); converted to code points');
              s = Array.from(media.text!.slice(0, s)).length;
              e = Array.from(media.text!.slice(0, e)).length;
            }
            if (s < 0 || e > cps.length || e <= s) return issues.add(rpath, `span [${s}, ${e}) is outside the text (${cps.length} code points)`);
            const spanText = slice(s, e);
            if (typeof v.text === 'string' && v.text !== spanText) issues.add(`${rpath}.value.text`, `"${v.text}" does not match the text at [${s}, ${e}) ("${spanText}")`);
            const label = labels.use(label0, 'span', `${rpath}.value.labels`);
            if (!label) return;
            finish({ id: ids.take(rid), kind: 'span', label, start: s, end: e, text: spanText, ...score });
          } else {
            const [s, e] = [num('start'), num('end')];
            if (Number.isNaN(s) || Number.isNaN(e)) return;
            if (e <= s) return issues.add(rpath, e === s ? `segment end ${e} equals its start: a segment is never empty` : `segment end ${e} is before start ${s}`);
            const label = labels.use(label0, 'segment', `${rpath}.value.labels`);
            if (!label) return;
            const a: Annotation = { id: ids.take(rid), kind: 'segment', label, start: s, end: e, ...score };
            if (isFiniteNumber(v.channel)) a.channel = v.channel;
            finish(a);
          }
        } else if (type === 'videorectangle') {
          if (!needSize()) return;
          if (!labelList[0]) return issues.add(`${rpath}.value.labels`, 'no label');
          const label = labels.use(labelList[0], 'track', `${rpath}.value.labels`);
          if (!label) return;
          const frames = isFiniteNumber(v.framesCount) ? v.framesCount : undefined;
          const keyframes = readSequence(v.sequence, `${rpath}.value`, rW!, rH!, frames, issues);
          if (!keyframes) return;
          if (frames !== undefined && media.frameCount !== undefined && frames !== media.frameCount) issues.warn(`${rpath}.value.framesCount`, `${frames} frames here, ${media.frameCount} in an earlier result; ${media.frameCount} kept`);
          if (frames !== undefined) media.frameCount ??= frames;
          if (isFiniteNumber(v.duration)) media.duration ??= v.duration;
          const fps = sequenceFps(v.sequence);
          if (fps !== undefined) media.fps ??= fps;
          finish({ id: ids.take(rid), kind: 'track', label, keyframes, ...score });
        } else if (type === 'choices') {
          if (!labelList.length) return issues.add(`${rpath}.value.choices`, 'no choice');
          labelList.forEach((c, k) => {
            const label = labels.use(c, 'tag', `${rpath}.value.choices[${k}]`);
            if (!label) return;
            const a: Annotation = { id: ids.take(k === 0 ? rid : `${rid}#${k + 1}`), kind: 'tag', label, ...score };
            if (k === 0 && Object.keys(extra).length) a.extra = { labelStudio: extra };
            annotations.push(a);
          });
        } else unsupported.push(r);
      });
      for (const g of kpGroups.values()) {
        if (!given && g.names.length) labels.ensureSkeleton(g.ann.label, { keypoints: g.names });
      }
      // Pad keypoints groups to their skeleton (joints not placed are not labelled).
      for (const g of kpGroups.values()) {
        const n = (labels.label(g.ann.label)?.skeleton?.keypoints.length ?? g.names.length);
        while (g.ann.points.length < n) g.ann.points.push({ x: 0, y: 0, visibility: 0 });
      }
      if (unsupported.length) {
        mediaExtra.results = unsupported;
        issues.warn(`${apath}.result`, `${unsupported.length} result(s) of types ${[...new Set(unsupported.map((u) => (u as Json).type))].join(', ')} kept in media.extra.labelStudio.results (relations, video, text areas, ...)`);
      }
      media.extra = { labelStudio: mediaExtra };
      items.push({ media, annotations });
    });
    // A skeleton inferred across tasks may have grown: pad every instance.
    issues.throwIfAny();
    const schema = labels.build();
    for (const it of items) for (const a of it.annotations) if (a.kind === 'keypoints') {
      const n = schema.byId.get(a.label)?.skeleton?.keypoints.length ?? a.points.length;
      while (a.points.length < n) a.points.push({ x: 0, y: 0, visibility: 0 });
    }
    return { dataset: { schema, items }, warnings: issues.warnings };
  },

  serialize(dataset, options = {}) {
    const losses: FormatLoss[] = [];
    const tasks = dataset.items.map((it, i) => {
      const m = it.media;
      const mx = (isRecord(m.extra?.labelStudio) ? m.extra!.labelStudio : {}) as Json;
      const task: Json = { ...(isRecord(mx.task) ? mx.task : {}) };
      if (task.id === undefined) task.id = /^\d+$/.test(m.id) ? Number(m.id) : i + 1;
      if (String(task.id) !== m.id && !/^task\d+$/.test(m.id)) losses.push({ path: `items[${i}].media.id`, message: `Label Studio task ids are numbers; "${m.id}" written as task ${task.id}` });
      const data: Json = { ...(isRecord(task.data) ? task.data : {}) };
      const isVideo = m.frameCount !== undefined || it.annotations.some((a) => a.kind === 'track');
      const isImage = m.width !== undefined || it.annotations.some((a) => a.kind === 'bbox' || a.kind === 'polygon' || a.kind === 'keypoints');
      if (m.text !== undefined) data.text = m.text;
      else if (!Object.keys(data).length) data[isVideo ? 'video' : isImage ? 'image' : 'audio'] = m.uri ?? m.id;
      task.data = data;
      const W = m.width;
      const H = m.height;
      const result: Json[] = [];
      it.annotations.forEach((a, j) => {
        const path = `items[${i}].annotations[${j}]`;
        const ex = (isRecord(a.extra?.labelStudio) ? { ...(a.extra!.labelStudio as Json) } : {}) as Json;
        commonLosses('Label Studio', a, path, { id: true, score: true, extra: true }, losses);
        for (const k of Object.keys(a.extra ?? {})) if (k !== 'labelStudio') losses.push({ path: `${path}.extra.${k}`, message: `foreign fields of "${k}" not exported to Label Studio` });
        const more = Array.isArray(ex.moreLabels) ? (ex.moreLabels as string[]) : [];
        const { value: exValue, moreLabels: _m, from_name, to_name, parentID, pointWidth, closed, ...rest } = ex;
        void _m;
        const base = (type: string, value: Json, img: boolean): Json => {
          const r: Json = { id: a.id, type, from_name: from_name ?? DEFAULT_FROM[type] ?? a.label, to_name: to_name ?? (img ? 'image' : m.text !== undefined ? 'text' : 'audio'), value: { ...value, ...(isRecord(exValue) ? exValue : {}) } };
          if (img) Object.assign(r, { original_width: W, original_height: H, image_rotation: 0 });
          if (a.score !== undefined) r.score = a.score;
          Object.assign(r, rest);
          return r;
        };
        const needSize = () => {
          if (W === undefined || H === undefined) losses.push({ path, message: 'image size unknown; Label Studio needs it for percent coordinates; not exported' });
          return W !== undefined && H !== undefined;
        };
        if (a.kind === 'bbox') {
          if (!needSize()) return;
          result.push(base('rectanglelabels', { ...boxToPercent(a, W!, H!), rectanglelabels: [a.label, ...more] }, true));
        } else if (a.kind === 'polygon') {
          if (!needSize()) return;
          if (a.holes?.length) losses.push({ path: `${path}.holes`, message: 'Label Studio polygons have no holes' });
          result.push(base('polygonlabels', { points: a.points.map(([x, y]) => [(x / W!) * 100, (y / H!) * 100]), polygonlabels: [a.label, ...more], closed: closed ?? true }, true));
        } else if (a.kind === 'keypoints') {
          if (!needSize()) return;
          const names = dataset.schema.byId.get(a.label)?.skeleton?.keypoints ?? a.points.map((_, k) => String(k + 1));
          if (a.points.every((p) => p.visibility === 0)) losses.push({ path, message: 'no labelled keypoints: Label Studio has nothing to show; not exported' });
          a.points.forEach((p, k) => {
            if (p.visibility === 0) {
              if (p.x !== 0 || p.y !== 0) losses.push({ path: `${path}.points[${k}]`, message: 'Label Studio has no unlabelled keypoints; position of a visibility-0 point not exported' });
              return;
            }
            if (p.visibility === 1) losses.push({ path: `${path}.points[${k}].visibility`, message: 'Label Studio keypoints have no occluded flag; exported as visible' });
            const r = base('keypointlabels', { x: (p.x / W!) * 100, y: (p.y / H!) * 100, ...(pointWidth !== undefined ? { width: pointWidth } : {}), keypointlabels: [names[k] ?? String(k + 1)] }, true);
            r.id = `${a.id}#${k}`;
            r.from_name = from_name ?? a.label;
            if (parentID !== undefined) r.parentID = parentID;
            result.push(r);
          });
        } else if (a.kind === 'span') {
          result.push(base('labels', { start: a.start, end: a.end, text: a.text, labels: [a.label, ...more] }, false));
        } else if (a.kind === 'segment') {
          if (a.text !== undefined) losses.push({ path: `${path}.text`, message: 'segment transcripts are not exported (Label Studio keeps them in a separate per-region TextArea)' });
          const v: Json = { start: a.start, end: a.end, labels: [a.label, ...more] };
          if (a.channel !== undefined) v.channel = a.channel;
          result.push(base('labels', v, false));
        } else if (a.kind === 'track') {
          if (!needSize()) return;
          const sequence = writeSequence(a, path, W!, H!, m.fps, losses);
          if (!sequence.length) return void losses.push({ path, message: 'the track is present on no frame (every keyframe is outside); Label Studio has no empty sequences; not exported' });
          const value: Json = { ...(m.frameCount !== undefined ? { framesCount: m.frameCount } : {}), ...(m.duration !== undefined ? { duration: m.duration } : {}), sequence, labels: [a.label, ...more] };
          // Label Studio's video results carry no frame size; labelkit writes it as on image results to read pixels back.
          result.push({ ...base('videorectangle', value, false), to_name: to_name ?? 'video', original_width: W, original_height: H });
        } else if (a.kind === 'tag') {
          if (a.start !== undefined || a.end !== undefined) losses.push({ path, message: 'tag ranges are not exported (whole-item choices only)' });
          result.push(base('choices', { choices: [a.label] }, false));
        } else kindLoss('Label Studio', a, path, losses);
      });
      if (Array.isArray(mx.results)) result.push(...(mx.results as Json[]));
      if (W !== undefined && !result.some((r) => r.original_width !== undefined)) losses.push({ path: `items[${i}].media`, message: 'image size is only carried by image results; this item has none' });
      const ann: Json = { ...(isRecord(mx.annotation) ? mx.annotation : {}), result };
      task.annotations = [ann, ...(Array.isArray(mx.otherAnnotations) ? mx.otherAnnotations : [])];
      return task;
    });
    return { output: options.pretty === false ? JSON.stringify(tasks) : writeJson(tasks), losses };
  },
};
