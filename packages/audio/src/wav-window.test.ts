import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WavWindowError, byteRangeFor, decodeFrames, framesFor, parseWavHeader, readWavHeader, readWavWindow, type WavFormat } from './wav-window.js';
import { encodeWav } from './test-utils/wav.js';

// A real file written by ffmpeg (Lavf): 16 kHz mono 16-bit, with a LIST/INFO chunk before `data`.
const jfk = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../stories/assets/audio/jfk.wav', import.meta.url))));

/** A WAV file from parts: `fmt ` body, optional chunks before `data`, and the data bytes. */
function wavFile(fmt: Uint8Array, data: Uint8Array, extra: Array<{ id: string; body: Uint8Array }> = []): Uint8Array {
  const chunks = [{ id: 'fmt ', body: fmt }, ...extra, { id: 'data', body: data }];
  const size = 12 + chunks.reduce((n, c) => n + 8 + c.body.length + (c.body.length & 1), 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const str = (at: number, s: string) => [...s].forEach((ch, i) => (out[at + i] = ch.charCodeAt(0)));
  str(0, 'RIFF');
  v.setUint32(4, size - 8, true);
  str(8, 'WAVE');
  let at = 12;
  for (const c of chunks) {
    str(at, c.id);
    v.setUint32(at + 4, c.body.length, true);
    out.set(c.body, at + 8);
    at += 8 + c.body.length + (c.body.length & 1);
  }
  return out;
}

function fmtChunk(tag: number, channels: number, rate: number, bits: number, extensibleTag?: number): Uint8Array {
  const b = new Uint8Array(extensibleTag === undefined ? 16 : 40);
  const v = new DataView(b.buffer);
  v.setUint16(0, extensibleTag === undefined ? tag : 0xfffe, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, (rate * channels * bits) / 8, true);
  v.setUint16(12, (channels * bits) / 8, true);
  v.setUint16(14, bits, true);
  if (extensibleTag !== undefined) {
    v.setUint16(16, 22, true);
    v.setUint16(24, extensibleTag, true);
  }
  return b;
}

const okFormat = (bytes: Uint8Array, size?: number): WavFormat => {
  const h = parseWavHeader(bytes, size);
  if (h.status !== 'ok') throw new Error(`expected a format, got ${JSON.stringify(h)}`);
  return h.format;
};

describe('parseWavHeader', () => {
  it('reads a real ffmpeg WAV, skipping its LIST chunk to the data', () => {
    const f = okFormat(jfk);
    expect(f).toMatchObject({ encoding: 'pcm', channels: 1, sampleRate: 16000, bitsPerSample: 16, blockAlign: 2 });
    // 12 (RIFF) + 8 + 16 (fmt) + 8 + 26 (LIST) + 8 (data header)
    expect(f.dataOffset).toBe(78);
    expect(f.frames).toBe((jfk.length - 78) / 2);
    expect(f.frames / f.sampleRate).toBeCloseTo(11, 1);
  });

  it('asks for more bytes until the data chunk header is in, then parses', () => {
    const big = new Uint8Array(70_001); // an odd-sized metadata chunk: padded to even
    const file = wavFile(fmtChunk(1, 2, 44100, 16), new Uint8Array(400), [{ id: 'LIST', body: big }]);
    const first = parseWavHeader(file.subarray(0, 1000));
    expect(first).toEqual({ status: 'more', bytes: 12 + 24 + 8 + 70_002 + 8 });
    const f = okFormat(file.subarray(0, (first as { bytes: number }).bytes));
    expect(f).toMatchObject({ channels: 2, sampleRate: 44100, blockAlign: 4, dataOffset: 12 + 24 + 8 + 70_002 + 8, frames: 100 });
    expect(parseWavHeader(file.subarray(0, 5))).toEqual({ status: 'more', bytes: 12 });
  });

  it('reads WAVE_FORMAT_EXTENSIBLE float, and bounds a missing data size by the file size', () => {
    const file = wavFile(fmtChunk(0, 2, 48000, 32, 3), new Uint8Array(80));
    const v = new DataView(file.buffer);
    const dataSizeAt = 12 + 8 + 40 + 4;
    v.setUint32(dataSizeAt, 0xffffffff, true); // a streaming writer's placeholder
    expect(okFormat(file, file.length)).toMatchObject({ encoding: 'float', bitsPerSample: 32, blockAlign: 8, frames: 10 });
  });

  it('says why a file cannot be read in windows', () => {
    const reason = (b: Uint8Array) => {
      const h = parseWavHeader(b);
      return h.status === 'unsupported' ? h.reason : h.status;
    };
    expect(reason(wavFile(fmtChunk(0x55, 1, 44100, 16), new Uint8Array(4)))).toMatch(/compressed WAV \(format tag 85\)/);
    expect(reason(wavFile(fmtChunk(1, 1, 44100, 12), new Uint8Array(4)))).toMatch(/12-bit integer/);
    expect(reason(new TextEncoder().encode('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000'))).toMatch(/not a WAV/);
    const rf64 = wavFile(fmtChunk(1, 1, 8000, 16), new Uint8Array(2));
    rf64.set(new TextEncoder().encode('RF64'), 0);
    expect(reason(rf64)).toMatch(/RF64/);
  });
});

describe('frames and byte ranges', () => {
  const f: WavFormat = { encoding: 'pcm', channels: 2, sampleRate: 1000, bitsPerSample: 16, blockAlign: 4, dataOffset: 44, frames: 5000 };
  it('covers a time range with whole frames, clamped to the file', () => {
    expect(framesFor(f, 1.0005, 1.2)).toEqual({ first: 1000, end: 1200 });
    expect(framesFor(f, -3, 0.0101)).toEqual({ first: 0, end: 11 });
    expect(framesFor(f, 4.9, 99)).toEqual({ first: 4900, end: 5000 });
    expect(framesFor(f, 7, 9)).toEqual({ first: 5000, end: 5000 });
  });
  it('maps frames to an inclusive HTTP byte range', () => {
    expect(byteRangeFor(f, 1000, 1200)).toEqual({ from: 44 + 4000, to: 44 + 4800 - 1 });
    expect(byteRangeFor(f, 10, 10)).toBeNull();
  });
});

describe('decodeFrames', () => {
  const encodings: Array<[string, 'pcm' | 'float', number, (v: DataView, at: number, x: number) => void, number]> = [
    ['8-bit', 'pcm', 8, (v, at, x) => v.setUint8(at, Math.round(x * 128) + 128), 1 / 128],
    ['16-bit', 'pcm', 16, (v, at, x) => v.setInt16(at, Math.round(x * 32768), true), 1 / 32768],
    ['24-bit', 'pcm', 24, (v, at, x) => {
      const i = Math.round(x * 8388608);
      v.setUint8(at, i & 0xff);
      v.setUint8(at + 1, (i >> 8) & 0xff);
      v.setInt8(at + 2, i >> 16);
    }, 1 / 8388608],
    ['32-bit', 'pcm', 32, (v, at, x) => v.setInt32(at, Math.round(x * 2147483648), true), 1e-7],
    ['float32', 'float', 32, (v, at, x) => v.setFloat32(at, x, true), 1e-7],
    ['float64', 'float', 64, (v, at, x) => v.setFloat64(at, x, true), 1e-7],
  ];
  const left = [0, 0.5, -0.5, -1, 0.25];
  const right = [0.125, -0.75, 0.375, 0, -0.0625];
  for (const [name, encoding, bits, write, tol] of encodings) {
    it(`decodes interleaved stereo ${name} samples`, () => {
      const width = bits / 8;
      const f: WavFormat = { encoding, channels: 2, sampleRate: 8000, bitsPerSample: bits, blockAlign: 2 * width, dataOffset: 0, frames: 5 };
      // One extra trailing byte: a partial frame, ignored.
      const bytes = new Uint8Array(5 * 2 * width + 1);
      const v = new DataView(bytes.buffer);
      left.forEach((x, i) => write(v, i * 2 * width, x));
      right.forEach((x, i) => write(v, i * 2 * width + width, x));
      const [l, r] = decodeFrames(f, bytes);
      expect(l!.length).toBe(5);
      left.forEach((x, i) => expect(Math.abs(l![i]! - x)).toBeLessThanOrEqual(tol));
      right.forEach((x, i) => expect(Math.abs(r![i]! - x)).toBeLessThanOrEqual(tol));
    });
  }

  it('decodes what the test WAV encoder wrote', () => {
    const samples = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i / 9) * 0.8);
    const file = new Uint8Array(encodeWav([samples], 8000));
    const f = okFormat(file);
    const [mono] = decodeFrames(f, file.subarray(f.dataOffset));
    // The encoder scales positive samples by 32767, negative ones by 32768.
    samples.forEach((x, i) => expect(Math.abs(mono![i]! - x)).toBeLessThanOrEqual(1 / 16384));
  });
});

describe('reading over HTTP range requests', () => {
  const file = new Uint8Array(encodeWav([Float32Array.from({ length: 8000 }, (_, i) => (i % 100) / 100)], 8000));
  const served = (opts: { ignoreRange?: boolean } = {}) =>
    vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      const m = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('Range') ?? '');
      if (!m || opts.ignoreRange) return new Response(file.slice(), { status: 200 });
      const from = Number(m[1]);
      const to = Math.min(file.length - 1, Number(m[2]));
      return new Response(file.slice(from, to + 1), { status: 206, headers: { 'Content-Range': `bytes ${from}-${to}/${file.length}` } });
    });
  afterEach(() => vi.unstubAllGlobals());

  it('reads the header and then just the frames of a window, each with one range request', async () => {
    const fetchMock = served();
    vi.stubGlobal('fetch', fetchMock);
    const format = await readWavHeader('https://media.example/long.wav');
    expect(format).toMatchObject({ sampleRate: 8000, frames: 8000, dataOffset: 44 });
    const w = await readWavWindow('https://media.example/long.wav', format, 0.5, 0.5125);
    expect(w.start).toBe(0.5);
    expect(w.channels[0]!.length).toBe(100);
    expect(w.channels[0]![0]).toBeCloseTo(0, 4);
    expect(w.channels[0]![99]).toBeCloseTo(0.99, 4);
    const ranges = fetchMock.mock.calls.map(([, init]) => new Headers(init?.headers).get('Range'));
    expect(ranges).toEqual(['bytes=0-65535', `bytes=${44 + 4000 * 2}-${44 + 4100 * 2 - 1}`]);
  });

  it('gives up, cancelling the body unread, when the server answers with the whole file', async () => {
    let pulls = 0;
    let cancelled = 0;
    const whole = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            pulls++;
            c.enqueue(new Uint8Array(65_536));
          },
          cancel() {
            cancelled++;
          },
        }),
        { status: 200 },
      );
    vi.stubGlobal('fetch', vi.fn(async () => whole()));
    await expect(readWavHeader('https://media.example/long.wav')).rejects.toThrow(WavWindowError);
    await expect(readWavHeader('https://media.example/long.wav')).rejects.toThrow(/range requests/);
    expect(cancelled).toBe(2);
    // At most the stream's own first pull per response: nothing read on.
    expect(pulls).toBeLessThanOrEqual(2);
  });
});
