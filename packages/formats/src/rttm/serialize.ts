import type { Dataset, FormatLoss, SerializeResult } from '../dataset.js';
import { reportAnnotationLosses, reportKindLoss, reportMediaLosses } from '../text-shared/losses.js';
import { formatSeconds } from '../text-shared/times.js';
import { NA } from './parse.js';

/** Options of `rttm.serialize` (none yet). */
export type RttmSerializeOptions = object;

/** Writes RTTM SPEAKER lines: one per segment, the label as the speaker. */
export function serializeRttm(dataset: Dataset): SerializeResult<string> {
  const losses: FormatLoss[] = [];
  const lines: string[] = [];
  dataset.items.forEach((item, i) => {
    const path = `items[${i}]`;
    const { media } = item;
    reportMediaLosses(media, path, ['uri', 'duration', 'extra'], losses, 'rttm');
    if (media.uri !== undefined) losses.push({ path: `${path}.media.uri`, message: 'rttm names files by media.id only; media.uri is not written' });
    if (media.duration !== undefined) losses.push({ path: `${path}.media.duration`, message: 'rttm cannot carry the audio duration' });
    for (const k of Object.keys(media.extra ?? {})) if (k !== 'rttmLines') losses.push({ path: `${path}.media.extra.${k}`, message: `rttm cannot carry media.extra.${k}` });
    let uri = media.id;
    if (/\s/.test(uri) || !uri) {
      uri = uri.replace(/\s+/g, '_') || '_';
      losses.push({ path: `${path}.media.id`, message: `rttm file ids cannot contain spaces; written as "${uri}"` });
    }
    if (!item.annotations.some((a) => a.kind === 'segment') && !(media.extra?.rttmLines as unknown[] | undefined)?.length) {
      losses.push({ path, message: 'an item without segments has no line in rttm; it is not written' });
    }
    const segments = item.annotations.flatMap((a, j) => (a.kind === 'segment' ? [{ a, j }] : []));
    const anyChannel = segments.some(({ a }) => a.channel !== undefined);
    const onlyZero = segments.every(({ a }) => a.channel === undefined || a.channel === 0);
    item.annotations.forEach((a, j) => {
      const p = `${path}.annotations[${j}]`;
      if (a.kind !== 'segment') return reportKindLoss(a, p, losses, 'rttm', 'segment annotations');
      reportAnnotationLosses(a, p, { score: true, extra: true }, losses, 'rttm');
      if (anyChannel && (a.channel === undefined || onlyZero)) {
        losses.push({ path: `${p}.channel`, message: 'rttm channel 1 reads back as "all channels" unless the file has other channels; this channel is not kept' });
      }
      let speaker = a.label;
      if (/\s/.test(speaker)) {
        speaker = speaker.replace(/\s+/g, '_');
        losses.push({ path: `${p}.label`, message: `rttm speakers cannot contain spaces; written as "${speaker}"` });
      }
      let ortho = a.text ?? NA;
      if (a.text !== undefined && (/\s/.test(a.text) || !a.text || a.text === NA)) {
        ortho = NA;
        losses.push({ path: `${p}.text`, message: 'rttm carries text only as one word (the orthography field); not written' });
      }
      const stype = typeof a.extra?.stype === 'string' ? a.extra.stype : NA;
      const slat = typeof a.extra?.slat === 'string' ? a.extra.slat : NA;
      const others = Object.keys(a.extra ?? {}).filter((k) => k !== 'stype' && k !== 'slat');
      if (others.length) losses.push({ path: `${p}.extra`, message: `rttm cannot carry extra fields (${others.join(', ')})` });
      const channel = (a.channel ?? 0) + 1;
      const conf = a.score === undefined ? NA : String(a.score);
      lines.push(['SPEAKER', uri, channel, formatSeconds(a.start), formatSeconds(a.end - a.start), ortho, stype, speaker, conf, slat].join(' '));
    });
    for (const l of (media.extra?.rttmLines as string[] | undefined) ?? []) lines.push(l);
  });
  return { output: lines.length ? `${lines.join('\n')}\n` : '', losses };
}
