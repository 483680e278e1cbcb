import type { Annotation, LabelSchema, SegmentAnnotation } from '@labelkit/core';
import type { DatasetItem, FormatLoss, ParseResult } from '../dataset.js';
import { IssueList, describe } from '../text-shared/issues.js';
import { annotationId } from '../text-shared/items.js';
import { LabelRegistry } from '../text-shared/labels.js';

/** Options of `rttm.parse`. */
export interface RttmParseOptions {
  /** Use these labels (speakers) instead of inferring them; unknown speakers become errors. */
  schema?: LabelSchema;
}

/** RTTM's placeholder for an empty field. */
export const NA = '<NA>';

/**
 * Parses RTTM (`SPEAKER uri channel onset duration <NA> <NA> speaker <NA> <NA>`): one item per file
 * (`uri`, in order of first appearance), one `segment` per SPEAKER line, labelled by speaker. Other
 * line types are kept verbatim in `media.extra.rttmLines`.
 */
export function parseRttm(input: string, options: RttmParseOptions = {}): ParseResult {
  const issues = new IssueList('rttm');
  const labels = new LabelRegistry(issues, options.schema);
  const warnings: FormatLoss[] = [];
  if (typeof input !== 'string') {
    issues.add('', `expected the file contents as a string, got ${describe(input)}`);
    issues.throwIfAny();
  }
  const byUri = new Map<string, { segments: { seg: SegmentAnnotation; rttmChannel: number }[]; other: string[] }>();
  const item = (uri: string) => {
    let it = byUri.get(uri);
    if (!it) byUri.set(uri, (it = { segments: [], other: [] }));
    return it;
  };
  input.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const place = `line ${i + 1}`;
    if (!line.trim() || line.trimStart().startsWith(';;')) return;
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'SPEAKER') {
      if (f.length < 2) return issues.add(place, `expected an RTTM line "TYPE uri channel onset duration ...", got ${describe(line)}`);
      item(f[1]!).other.push(line);
      return;
    }
    if (f.length < 8) return issues.add(place, `expected at least 8 fields "SPEAKER uri channel onset duration <NA> <NA> speaker [<NA> <NA>]", got ${f.length}`);
    const [, uri, ch, onsetText, durText, ortho, stype, speaker, conf, slat] = f as [string, string, string, string, string, string, string, string, string?, string?];
    const onset = Number(onsetText);
    const duration = Number(durText);
    const channel = ch === NA ? 1 : Number(ch);
    let ok = true;
    if (!Number.isInteger(channel) || channel < 1) {
      issues.add(`${place}, field 3`, `expected a channel number ≥ 1 or <NA>, got ${describe(ch)}`);
      ok = false;
    }
    if (!Number.isFinite(onset) || onset < 0) {
      issues.add(`${place}, field 4`, `expected the onset in seconds (≥ 0), got ${describe(onsetText)}`);
      ok = false;
    }
    if (!Number.isFinite(duration) || duration <= 0) {
      issues.add(`${place}, field 5`, `expected a duration in seconds (> 0), got ${describe(durText)}`);
      ok = false;
    }
    let score: number | undefined;
    if (conf !== undefined && conf !== NA) {
      score = Number(conf);
      if (!(score >= 0 && score <= 1)) {
        issues.add(`${place}, field 9`, `expected a confidence between 0 and 1 or <NA>, got ${describe(conf)}`);
        ok = false;
      }
    }
    if (f.length > 10) issues.add(place, `expected at most 10 fields, got ${f.length}`);
    const label = labels.resolve(speaker, 'segment', `${place}, field 8`);
    if (!ok || label === undefined) return;
    const end = roundNano(onset + duration);
    // A duration far below the onset's precision would round to an empty segment.
    if (!(end > onset)) return issues.add(`${place}, field 5`, `the duration ${durText} is too small to move the end past the onset ${onsetText}`);
    const seg: SegmentAnnotation = { id: '', kind: 'segment', label, start: onset, end };
    if (ortho !== NA) seg.text = ortho;
    if (score !== undefined) seg.score = score;
    const extra: Record<string, unknown> = {};
    if (stype !== NA) extra.stype = stype;
    if (slat !== undefined && slat !== NA) extra.slat = slat;
    if (Object.keys(extra).length) seg.extra = extra;
    item(uri).segments.push({ seg, rttmChannel: channel });
  });

  const items: DatasetItem[] = [];
  for (const [uri, it] of byUri) {
    // Channel 1 is the usual mono value: read as "all channels" unless the file uses other channels too.
    const multi = it.segments.some((s) => s.rttmChannel !== 1);
    const annotations: Annotation[] = it.segments.map(({ seg, rttmChannel }, k) => {
      seg.id = annotationId(uri, k);
      if (multi) seg.channel = rttmChannel - 1;
      return seg;
    });
    const media: DatasetItem['media'] = { id: uri };
    if (it.other.length) {
      media.extra = { rttmLines: it.other };
      warnings.push({ path: uri, message: `${it.other.length} non-SPEAKER line(s) kept verbatim in media.extra.rttmLines` });
    }
    items.push({ media, annotations });
  }
  issues.throwIfAny();
  return { dataset: { schema: labels.build(), items }, warnings };
}

/** Rounds to 1e-9 s so that `onset + duration` does not show float noise (6.752000000000001). */
function roundNano(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
