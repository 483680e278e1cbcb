import type { IssueList } from '../shared/issues.js';
import { lines } from '../shared/files.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';

/** What a MOT `seqinfo.ini` tells about a sequence. */
export interface SeqInfo {
  name?: string;
  fps?: number;
  frameCount?: number;
  width?: number;
  height?: number;
  /** Every other `key=value` of the `[Sequence]` section (`imDir`, `imExt`, ...), in file order. */
  other: [string, string][];
}

/** The keys labelkit reads into media fields, by their lower-case spelling. */
const KNOWN: Record<string, keyof Omit<SeqInfo, 'other'>> = { name: 'name', framerate: 'fps', seqlength: 'frameCount', imwidth: 'width', imheight: 'height' };

/**
 * Reads `seqinfo.ini` (`[Sequence]` then `key=value` lines; keys case-insensitive as MOT's devkit and
 * datumaro read them). Numbers that are not positive (integers for sizes and lengths) are issues.
 */
export function readSeqInfo(text: string, file: string, issues: IssueList): SeqInfo {
  const out: SeqInfo = { other: [] };
  let section = '';
  lines(text).forEach((raw, i) => {
    const line = raw.trim();
    const where = `${file} line ${i + 1}`;
    if (!line || line.startsWith(';') || line.startsWith('#')) return;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!.trim();
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) return issues.add(where, `expected "key=value", got "${line}"`);
    if (section.toLowerCase() !== 'sequence') return issues.add(where, `"${line}" is outside the [Sequence] section`);
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    const field = KNOWN[key.toLowerCase()];
    if (!field) return void out.other.push([key, value]);
    if (field === 'name') {
      out.name = value;
      return;
    }
    const n = parseNumberToken(value);
    const integer = field !== 'fps';
    if (n === undefined || n <= 0 || (integer && !Number.isInteger(n))) return issues.add(where, `${key} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"`);
    out[field] = n;
  });
  return out;
}

/** Writes `seqinfo.ini` in MOT Challenge's key order (`name`, `imDir`, `frameRate`, `seqLength`, `imWidth`, `imHeight`, `imExt`). */
export function writeSeqInfo(info: SeqInfo): string {
  const other = new Map(info.other);
  const rows: [string, string | undefined][] = [
    ['name', info.name],
    ['imDir', other.get('imDir') ?? 'img1'],
    ['frameRate', info.fps === undefined ? undefined : fmt(info.fps)],
    ['seqLength', info.frameCount === undefined ? undefined : String(info.frameCount)],
    ['imWidth', info.width === undefined ? undefined : fmt(info.width)],
    ['imHeight', info.height === undefined ? undefined : fmt(info.height)],
    ['imExt', other.get('imExt') ?? '.jpg'],
  ];
  for (const [k, v] of info.other) if (k !== 'imDir' && k !== 'imExt') rows.push([k, v]);
  return `[Sequence]\n${rows.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join('\n')}\n`;
}
