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

/** Writes WebVTT: the first item's segments as cues, in order. */
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
  item.annotations.forEach((a, j) => {
    const p = `items[0].annotations[${j}]`;
    if (a.kind !== 'segment') return reportKindLoss(a, p, losses, 'webvtt', 'segment annotations');
    reportAnnotationLosses(a, p, { extra: true }, losses, 'webvtt');
    if (a.channel !== undefined) losses.push({ path: `${p}.channel`, message: 'webvtt cannot carry an audio channel' });
    for (const t of ['start', 'end'] as const) {
      if (Math.abs(Math.round(a[t] * 1000) / 1000 - a[t]) > 1e-6) losses.push({ path: `${p}.${t}`, message: 'webvtt times are whole milliseconds; rounded' });
    }
    const others = Object.keys(a.extra ?? {}).filter((k) => !SEGMENT_EXTRA.includes(k));
    if (others.length) losses.push({ path: `${p}.extra`, message: `webvtt cannot carry extra fields (${others.join(', ')})` });
    flushBlocks(cueIndex);
    const voice = a.label === defaultLabel ? undefined : a.label;
    const text = a.text ?? '';
    if (a.text === '') losses.push({ path: `${p}.text`, message: 'an empty cue text reads back as no text' });
    let payload: string;
    const cueText = typeof a.extra?.cueText === 'string' ? a.extra.cueText : undefined;
    const read = cueText === undefined ? undefined : readPayload(cueText);
    if (read && read.text === text && read.voice === voice) payload = cueText!;
    else {
      const classes = Array.isArray(a.extra?.voiceClasses) ? (a.extra.voiceClasses as string[]) : [];
      let clean = text;
      if (/\n[ \t]*\n/.test(clean) || clean.includes('-->')) {
        clean = clean.replace(/\n([ \t]*\n)+/g, '\n').replace(/-->/g, '--&gt;');
        losses.push({ path: `${p}.text`, message: 'webvtt cue text cannot hold blank lines or "-->"; written without them' });
      }
      payload = writePayload(clean, voice, classes);
      if (cueText !== undefined) losses.push({ path: `${p}.extra.cueText`, message: 'the raw cue text no longer matches the label and text; the cue is rebuilt and its inline tags are dropped' });
    }
    const cueId = typeof a.extra?.cueId === 'string' ? `${a.extra.cueId}\n` : '';
    const settings = typeof a.extra?.settings === 'string' && a.extra.settings ? ` ${a.extra.settings}` : '';
    out.push(`${cueId}${formatTimestamp(a.start)} --> ${formatTimestamp(a.end)}${settings}${payload ? `\n${payload}` : ''}`);
    cueIndex++;
  });
  flushBlocks(Infinity);
  return { output: `${out.join('\n\n')}\n`, losses };
}
