/**
 * Windows of samples from a long WAV file that is never fetched whole: the header is read with one
 * small HTTP range request, then only the frames of the visible stretch are requested when the view is
 * zoomed in past the precomputed peaks (a few seconds of a three-hour file). Uncompressed PCM (8, 16,
 * 24, 32-bit integer) and IEEE float (32, 64-bit) WAV, plain or `WAVE_FORMAT_EXTENSIBLE`.
 *
 * The parsing and decoding functions are pure (tested in Node); {@link readWavHeader} and
 * {@link readWavWindow} fetch — only the `src` the host gave, only with a `Range` header, and they give
 * up (rather than download the file) when the server answers a range request with the whole body.
 */

/** How a WAV file's samples are laid out, from its header. */
export interface WavFormat {
  /** Integer PCM or IEEE float samples. */
  encoding: 'pcm' | 'float';
  channels: number;
  /** Frames per second. */
  sampleRate: number;
  bitsPerSample: number;
  /** Bytes per frame (all channels). */
  blockAlign: number;
  /** Byte offset of the first frame in the file. */
  dataOffset: number;
  /** Number of frames. */
  frames: number;
}

/** What {@link parseWavHeader} makes of the first bytes of a file. */
export type WavHeader = { status: 'ok'; format: WavFormat } | { status: 'more'; bytes: number } | { status: 'unsupported'; reason: string };

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/**
 * Parses a WAV header from the file's first `bytes`: the format, and where the data chunk starts.
 * `more` asks for a longer prefix (chunks before `data`, such as `LIST` metadata, can be long);
 * `unsupported` says why the file can't be read in windows (not RIFF/WAVE, compressed, RF64).
 * `fileSize`, when known, bounds a data chunk whose size field is missing or too large (streaming writers).
 */
export function parseWavHeader(bytes: Uint8Array, fileSize?: number): WavHeader {
  if (bytes.length < 12) return { status: 'more', bytes: 12 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riff = ascii(bytes, 0);
  if (riff === 'RF64') return { status: 'unsupported', reason: 'RF64 (64-bit WAV) files are not supported' };
  if (riff !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return { status: 'unsupported', reason: 'not a WAV (RIFF/WAVE) file' };
  let fmt: Omit<WavFormat, 'dataOffset' | 'frames'> | null = null;
  let at = 12;
  for (;;) {
    if (at + 8 > bytes.length) return { status: 'more', bytes: at + 8 };
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (body + Math.min(size, 40) > bytes.length) return { status: 'more', bytes: body + Math.min(size, 40) };
      if (size < 16) return { status: 'unsupported', reason: 'malformed fmt chunk' };
      let tag = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const blockAlign = view.getUint16(body + 12, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
      if (tag === 0xfffe && size >= 40) tag = view.getUint16(body + 24, true);
      const encoding = tag === 1 ? 'pcm' : tag === 3 ? 'float' : null;
      if (!encoding) return { status: 'unsupported', reason: `compressed WAV (format tag ${tag}) is not supported` };
      const validBits = encoding === 'pcm' ? [8, 16, 24, 32] : [32, 64];
      if (!validBits.includes(bitsPerSample)) return { status: 'unsupported', reason: `${bitsPerSample}-bit ${encoding === 'pcm' ? 'integer' : 'float'} samples are not supported` };
      if (channels < 1 || sampleRate < 1 || blockAlign !== channels * (bitsPerSample / 8)) return { status: 'unsupported', reason: 'malformed fmt chunk' };
      fmt = { encoding, channels, sampleRate, bitsPerSample, blockAlign };
    } else if (id === 'data') {
      if (!fmt) return { status: 'unsupported', reason: 'data chunk before the fmt chunk' };
      let dataBytes = size;
      if (fileSize !== undefined && (size === 0 || size === 0xffffffff || body + size > fileSize)) dataBytes = Math.max(0, fileSize - body);
      return { status: 'ok', format: { ...fmt, dataOffset: body, frames: Math.floor(dataBytes / fmt.blockAlign) } };
    }
    // RIFF chunks are padded to an even length.
    at = body + size + (size & 1);
  }
}

/** The whole frames `[first, end)` that cover `[from, to)` seconds, clamped to the file. */
export function framesFor(format: WavFormat, from: number, to: number): { first: number; end: number } {
  const first = Math.min(format.frames, Math.max(0, Math.floor(from * format.sampleRate)));
  const end = Math.min(format.frames, Math.max(first, Math.ceil(to * format.sampleRate)));
  return { first, end };
}

/** The inclusive byte range (an HTTP `Range`) holding frames `[first, end)`; null when empty. */
export function byteRangeFor(format: WavFormat, first: number, end: number): { from: number; to: number } | null {
  if (end <= first) return null;
  return { from: format.dataOffset + first * format.blockAlign, to: format.dataOffset + end * format.blockAlign - 1 };
}

/** Decodes whole frames of interleaved sample `bytes` into one `Float32Array` per channel, in [-1, 1]. A trailing partial frame is ignored. */
export function decodeFrames(format: WavFormat, bytes: Uint8Array): Float32Array[] {
  const frames = Math.floor(bytes.length / format.blockAlign);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = Array.from({ length: format.channels }, () => new Float32Array(frames));
  const width = format.bitsPerSample / 8;
  const read: (at: number) => number =
    format.encoding === 'float'
      ? width === 4
        ? (at) => view.getFloat32(at, true)
        : (at) => view.getFloat64(at, true)
      : width === 1
        ? (at) => (view.getUint8(at) - 128) / 128
        : width === 2
          ? (at) => view.getInt16(at, true) / 32768
          : width === 3
            ? (at) => {
                const v = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
                return v / 8388608;
              }
            : (at) => view.getInt32(at, true) / 2147483648;
  for (let f = 0; f < frames; f++) {
    const base = f * format.blockAlign;
    for (let c = 0; c < format.channels; c++) out[c]![f] = read(base + c * width);
  }
  return out;
}

/** A stretch of decoded samples. */
export interface SampleWindow {
  /** Time of the first sample, seconds. */
  start: number;
  sampleRate: number;
  /** One array per channel. */
  channels: Float32Array[];
}

/** Why a file can't be read in windows (not WAV, compressed, or the server ignores range requests). */
export class WavWindowError extends Error {
  override name = 'WavWindowError';
}

/** Fetches bytes `[from, to]` of `src` with a range request; rejects (and reads no further) unless the server sends just that range. */
async function fetchRange(src: string, from: number, to: number, signal?: AbortSignal): Promise<{ bytes: Uint8Array; total: number | undefined }> {
  // The one URL fetched: the media URL the host passed, a range of it.
  // eslint-disable-next-line no-restricted-globals
  const res = await fetch(src, { headers: { Range: `bytes=${from}-${to}` }, ...(signal ? { signal } : {}) });
  if (res.status !== 206) {
    // A 200 is the whole file: never download it here.
    await res.body?.cancel().catch(() => undefined);
    throw new WavWindowError(res.ok ? 'the server does not answer range requests' : `HTTP ${res.status}`);
  }
  const range = /bytes\s+(\d+)-(\d+)\/(\d+|\*)/i.exec(res.headers.get('Content-Range') ?? '');
  if (range && Number(range[1]) !== from) {
    await res.body?.cancel().catch(() => undefined);
    throw new WavWindowError('the server sent a different range than asked');
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, total: range && range[3] !== '*' ? Number(range[3]) : undefined };
}

/** Reads the WAV header of `src` (its first 64 KiB, more if metadata chunks come first, up to 4 MiB). */
export async function readWavHeader(src: string, signal?: AbortSignal): Promise<WavFormat> {
  let want = 65_536;
  for (;;) {
    const { bytes, total } = await fetchRange(src, 0, want - 1, signal);
    const h = parseWavHeader(bytes, total);
    if (h.status === 'ok') return h.format;
    if (h.status === 'unsupported') throw new WavWindowError(h.reason);
    if (bytes.length < want || h.bytes > 4 * 1_048_576) throw new WavWindowError('no data chunk in the first 4 MiB');
    want = Math.max(want * 2, h.bytes + 65_536);
  }
}

/** Reads and decodes the frames of `src` covering `[from, to)` seconds. */
export async function readWavWindow(src: string, format: WavFormat, from: number, to: number, signal?: AbortSignal): Promise<SampleWindow> {
  const { first, end } = framesFor(format, from, to);
  const range = byteRangeFor(format, first, end);
  if (!range) return { start: first / format.sampleRate, sampleRate: format.sampleRate, channels: Array.from({ length: format.channels }, () => new Float32Array(0)) };
  const { bytes } = await fetchRange(src, range.from, range.to, signal);
  return { start: first / format.sampleRate, sampleRate: format.sampleRate, channels: decodeFrames(format, bytes) };
}
