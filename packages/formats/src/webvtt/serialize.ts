import type { Annotation, SegmentAnnotation } from '@labelkit/core';
import type { Dataset, FormatLoss, SerializeResult } from '../dataset.js';
import { reportAnnotationLosses, reportKindLoss, reportMediaLosses } from '../text-shared/losses.js';
import { readPayload, writePayload } from './cue-text.js';
import { DEFAULT_VTT_LABEL, type VttBlock } from './parse.js';

/** Options of `webvtt.serialize`. */
export interface WebvttSerializeOptions {
  /** Label written without a voice tag; default `cue`. */
  defaultLabel?: string;
}

/** `hh:mm:ss.ttt`. */
export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(ms % 1000, 3)}`;
}

const SEGMENT_EXTRA = ['cueId', 'settings', 'voiceClasses', 'cueText'];

/** Writes WebVTT: the first item's segments as cues, in time order (by start; of equal starts, the later end first). */
export function serializeWebvtt(dataset: Dataset, options: WebvttSerializeOptions = {}): SerializeResult<string> {
  const defaultLabel = options.defaultLabel ?? DEFAULT_VTT_LABEL;
  const losses: FormatLoss[] = [];
  dataset.items.slice(1).forEach((_, k) => losses.push({ path: `items[${k + 1}]`, message: 'a WebVTT file holds one item; serialize each item separately' }));
  const item = dataset.items[0];
  if (!item) return { output: 'WEBVTT\n', losses };
  const { media } = item;
  reportMediaLosses(media, 'items[0]', ['extra'], losses, 'webvtt');
  for (const k of Object.keys(media.extra ?? {})) if (k !== 'header' && k !== 'blocks') losses.push({ path: `items[0].media.extra.${k}`, message: `webvtt cannot carry media.extra.${k}` });
  const header = typeof media.extra?.header === 'string' ? media.extra.header : '';
  const blocks = (Array.isArray(media.extra?.blocks) ? media.extra.blocks : []) as VttBlock[];
  const out: string[] = [header ? `WEBVTT${header.includes('\n') ? '' : ' '}${header.includes('\n') ? `\n${header}` : header}` : 'WEBVTT'];
  let cueIndex = 0;
  const flushBlocks = (upTo: number) => {
    for (const b of blocks) if (b.before === upTo || (upTo === Infinity && b.before >= cueIndex)) out.push(b.text);
  };
  // The spec wants every cue to start no earlier than the ones before it, and readers take them in
  // file order: HTML's text track cue order (by start; of equal starts, the later end first).
  const order = item.annotations.map((a, j) => ({ a, j }));
  const time = (a: Annotation) => (a.kind === 'segment' ? [a.start, a.end] : [Infinity, Infinity]);
  order.sort((x, y) => time(x.a)[0]! - time(y.a)[0]! || time(y.a)[1]! - time(x.a)[1]! || x.j - y.j);
  for (const { a, j } of order) {
    const p = `items[0].annotations[${j}]`;
    if (a.kind !== 'segment') {
      reportKindLoss(a, p, losses, 'webvtt', 'segment annotations');
      continue;
    }
    reportAnnotationLosses(a, p, { extra: true }, losses, 'webvtt');
    if (a.channel !== undefined) losses.push({ path: `${p}.channel`, message: 'webvtt cannot carry an audio channel' });
    for (const t of ['start', 'end'] as const) {
      if (Math.abs(Math.round(a[t] * 1000) / 1000 - a[t]) > 1e-6) losses.push({ path: `${p}.${t}`, message: 'webvtt times are whole milliseconds; rounded' });
    }
    const others = Object.keys(a.extra ?? {}).filter((k) => !SEGMENT_EXTRA.includes(k));
    if (others.length) losses.push({ path: `${p}.extra`, message: `webvtt cannot carry extra fields (${others.join(', ')})` });
    flushBlocks(cueIndex);
    out.push(writeCue(a, p, defaultLabel, losses));
    cueIndex++;
  }
  flushBlocks(Infinity);
  return { output: `${out.join('\n\n')}\n`, losses };
}

/** One cue block: id line, timing line with settings, payload; whatever would read back different is a loss. */
function writeCue(a: SegmentAnnotation, p: string, defaultLabel: string, losses: FormatLoss[]): string {
  const voice = a.label === defaultLabel ? undefined : a.label;
  const text = a.text ?? '';
  if (a.text === '') losses.push({ path: `${p}.text`, message: 'an empty cue text reads back as no text' });
  const classes = Array.isArray(a.extra?.voiceClasses) ? (a.extra.voiceClasses as string[]) : [];
  let payload: string;
  const cueText = typeof a.extra?.cueText === 'string' ? a.extra.cueText : undefined;
  const kept = cueText === undefined ? undefined : readPayload(cueText);
  if (kept && kept.text === text && kept.voice === voice) payload = cueText!;
  else {
    let clean = text.replace(/\r\n?/g, '\n');
    let reported = false;
    // ">" is escaped, so "-->" cannot end up in the payload; a blank line would end the cue.
    if (/\n[ \t]*\n/.test(clean)) {
      clean = clean.replace(/\n([ \t]*\n)+/g, '\n');
      losses.push({ path: `${p}.text`, message: 'webvtt cue text cannot hold blank lines; written without them' });
      reported = true;
    }
    // A blank first or last line would end the cue block early.
    clean = clean.replace(/^[ \t\n]*\n/, '').replace(/\n[ \t\n]*$/, '');
    payload = writePayload(clean, voice, classes);
    if (cueText !== undefined) losses.push({ path: `${p}.extra.cueText`, message: 'the raw cue text no longer matches the label and text; the cue is rebuilt and its inline tags are dropped' });
    // What a reader gets back from the payload; anything else is a loss, never a silent change.
    const back = readPayload(payload);
    if (back.voice !== voice) {
      losses.push({ path: `${p}.label`, message: voice !== undefined && !back.voice ? `the voice ${JSON.stringify(voice)} is only whitespace; it reads back as the default label` : `a WebVTT voice has no leading, trailing or repeated whitespace; ${JSON.stringify(voice)} reads back as ${JSON.stringify(back.voice)}` });
    }
    if (!reported && back.text !== text) losses.push({ path: `${p}.text`, message: `webvtt readers trim each line of a cue text and end lines with "\\n"; the text reads back as ${JSON.stringify(back.text)}` });
    if (voice !== undefined && back.classes.join('.') !== classes.join('.')) losses.push({ path: `${p}.extra.voiceClasses`, message: `voice classes cannot hold whitespace, ".", "<" or ">"; ${JSON.stringify(classes)} reads back as ${JSON.stringify(back.classes)}` });
  }
  let cueId = '';
  if (typeof a.extra?.cueId === 'string') {
    if (/^\s*$|-->|[\r\n]/.test(a.extra.cueId) || a.extra.cueId.trim() !== a.extra.cueId) losses.push({ path: `${p}.extra.cueId`, message: 'a cue id must be one line without "-->" or surrounding whitespace; not written' });
    else cueId = `${a.extra.cueId}\n`;
  }
  let settings = '';
  if (typeof a.extra?.settings === 'string' && a.extra.settings) {
    if (/[\r\n]|-->/.test(a.extra.settings)) losses.push({ path: `${p}.extra.settings`, message: 'cue settings must be on the timing line without "-->"; not written' });
    else settings = ` ${a.extra.settings.trim()}`;
  }
  return `${cueId}${formatTimestamp(a.start)} --> ${formatTimestamp(a.end)}${settings}${payload ? `\n${payload}` : ''}`;
}
