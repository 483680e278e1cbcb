import type { LabelSchema, SegmentAnnotation } from '@labelkit/core';
import type { DatasetItem, FormatLoss, ParseResult } from '../dataset.js';
import { IssueList, describe } from '../text-shared/issues.js';
import { annotationId } from '../text-shared/items.js';
import { LabelRegistry } from '../text-shared/labels.js';
import { readPayload, writePayload } from './cue-text.js';

/** Options of `webvtt.parse`. */
export interface WebvttParseOptions {
  /** Use these labels instead of inferring them; unknown speakers become errors. */
  schema?: LabelSchema;
  /** Item id; default `document`. */
  id?: string;
  /** Label of cues without a voice; default `cue`. */
  defaultLabel?: string;
}

/** Item id used when `options.id` is not given. */
export const DEFAULT_VTT_ID = 'document';
/** Label of cues without a `<v>` voice. */
export const DEFAULT_VTT_LABEL = 'cue';

/** A NOTE, STYLE or REGION block kept in `media.extra.blocks`, placed before cue number `before`. */
export interface VttBlock {
  before: number;
  text: string;
}

const TIME = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

/** Parses a WebVTT timestamp (`hh:mm:ss.ttt` or `mm:ss.ttt`) to seconds. */
export function parseTimestamp(s: string): number | undefined {
  const m = TIME.exec(s);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/**
 * Parses WebVTT: one item, one `segment` per cue, `text` = the payload without tags. The first voice
 * (`<v Speaker>`) is the label (cues without one get `defaultLabel`); cue ids, settings, voice classes
 * and — when the tags cannot be rebuilt from label and text — the raw payload are kept in `extra`.
 */
export function parseWebvtt(input: string, options: WebvttParseOptions = {}): ParseResult {
  const issues = new IssueList('webvtt');
  const labels = new LabelRegistry(issues, options.schema);
  const warnings: FormatLoss[] = [];
  const defaultLabel = options.defaultLabel ?? DEFAULT_VTT_LABEL;
  const id = options.id ?? DEFAULT_VTT_ID;
  if (typeof input !== 'string') {
    issues.add('', `expected the file contents as a string, got ${describe(input)}`);
    issues.throwIfAny();
  }
  const lines = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) issues.add('line 1', `expected the signature "WEBVTT", got ${describe(lines[0])}`);
  // Blocks: runs of non-blank lines.
  const blocks: { line: number; lines: string[] }[] = [];
  let cur: { line: number; lines: string[] } | undefined;
  lines.forEach((l, i) => {
    if (!l.trim()) cur = undefined;
    else if (cur) cur.lines.push(l);
    else blocks.push((cur = { line: i + 1, lines: [l] }));
  });
  const header = blocks.shift();
  const extra: Record<string, unknown> = {};
  const headerRest = header ? [header.lines[0]!.slice(6).trim(), ...header.lines.slice(1)].filter((l, k) => k > 0 || l) : [];
  if (header && headerRest.length) extra.header = headerRest.join('\n');
  const kept: VttBlock[] = [];
  const annotations: SegmentAnnotation[] = [];
  for (const block of blocks) {
    const first = block.lines[0]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) {
      kept.push({ before: annotations.length, text: block.lines.join('\n') });
      continue;
    }
    const timingAt = block.lines.findIndex((l) => l.includes('-->'));
    if (timingAt < 0 || timingAt > 1) {
      issues.add(`line ${block.line}`, `expected a cue timing line "00:00:01.000 --> 00:00:02.000", got ${describe(block.lines[timingAt < 0 ? 0 : timingAt])}`);
      continue;
    }
    const place = `line ${block.line + timingAt}`;
    const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(block.lines[timingAt]!);
    const start = m ? parseTimestamp(m[1]!) : undefined;
    const end = m ? parseTimestamp(m[2]!) : undefined;
    if (start === undefined || end === undefined) {
      issues.add(place, `expected "start --> end [settings]" with timestamps like 00:01.000 or 01:02:03.000, got ${describe(block.lines[timingAt])}`);
      continue;
    }
    if (end <= start) {
      issues.add(place, `expected the end (${m![2]}) after the start (${m![1]})`);
      continue;
    }
    const raw = block.lines.slice(timingAt + 1).join('\n');
    const payload = readPayload(raw);
    const label = labels.resolve(payload.voice ?? defaultLabel, 'segment', place);
    if (label === undefined) continue;
    if (payload.voices > 1) {
      warnings.push({ path: place, message: `cue has ${payload.voices} voices; the label is the first ("${payload.voice}"), the full payload is kept in extra.cueText` });
    }
    const seg: SegmentAnnotation = { id: annotationId(id, annotations.length), kind: 'segment', label, start, end };
    if (payload.text) seg.text = payload.text;
    const segExtra: Record<string, unknown> = {};
    if (timingAt === 1) segExtra.cueId = block.lines[0];
    if (m![3]?.trim()) segExtra.settings = m![3].trim();
    if (payload.classes.length) segExtra.voiceClasses = payload.classes;
    if (writePayload(payload.text, payload.voice, payload.classes) !== raw) segExtra.cueText = raw;
    if (Object.keys(segExtra).length) seg.extra = segExtra;
    annotations.push(seg);
  }
  if (kept.length) extra.blocks = kept;
  issues.throwIfAny();
  const media: DatasetItem['media'] = { id };
  if (Object.keys(extra).length) media.extra = extra;
  return { dataset: { schema: labels.build(), items: [{ media, annotations }] }, warnings };
}
