/** WebVTT cue payload: voices, inline tags and character references. */

/** What a cue payload says once its markup is read. */
export interface CuePayload {
  /** The first voice's name (`<v Name>`), if any, character references decoded, whitespace collapsed. */
  voice?: string;
  /** Classes of the first voice (`<v.first.loud Joe>` → `first`, `loud`). */
  classes: string[];
  /** Number of `<v>` tags. */
  voices: number;
  /** The text with every tag removed, character references decoded, each line trimmed. */
  text: string;
}

const VOICE = /<v((?:\.[^\s.>]+)*)(?:[ \t]+([^>]*))?>/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Decodes `&amp;`, `&lt;`, `&gt;`, `&nbsp;`, `&lrm;`, `&rlm;` and numeric references; other `&` stay as they are. */
function decodeReferences(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (all, dec?: string, hex?: string, name?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ENTITIES[name!.toLowerCase()] ?? all;
  });
}

/** `&`, `<`, `>` as character references: what cue text and a voice annotation need escaped. */
function escapeMarkup(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A voice annotation as the WebVTT cue-text parser reads it: character references decoded, leading
 * and trailing whitespace removed and every run of whitespace collapsed to one space.
 */
function readVoice(raw: string): string {
  return decodeReferences(raw).replace(/[ \t\n\f\r]+/g, ' ').trim();
}

/** Reads a cue payload. */
export function readPayload(payload: string): CuePayload {
  const m = VOICE.exec(payload);
  const voices = payload.match(/<v[\s.>]/g)?.length ?? 0;
  const text = decodeReferences(payload.replace(/<[^>]*>/g, ''))
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
  const out: CuePayload = { classes: m?.[1] ? m[1].slice(1).split('.') : [], voices, text };
  const voice = m?.[2] === undefined ? undefined : readVoice(m[2]);
  if (voice) out.voice = voice;
  return out;
}

/** Writes a payload: an optional voice tag with classes, then the text; `&`, `<`, `>` escaped in both. */
export function writePayload(text: string, voice: string | undefined, classes: readonly string[]): string {
  const escaped = escapeMarkup(text);
  if (voice === undefined) return escaped;
  return `<v${classes.map((c) => `.${c}`).join('')} ${escapeMarkup(voice)}>${escaped}`;
}
