/** Test helpers: generated audio as WAV bytes (16-bit PCM), so tests need no fixture files. */

/** Encodes channels of samples in [-1, 1] as a 16-bit PCM WAV file. */
export function encodeWav(channels: readonly Float32Array[], sampleRate: number): ArrayBuffer {
  const n = channels[0]?.length ?? 0;
  const c = channels.length;
  const data = n * c * 2;
  const buf = new ArrayBuffer(44 + data);
  const v = new DataView(buf);
  const str = (o: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i));
  };
  str(0, 'RIFF');
  v.setUint32(4, 36 + data, true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, c, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * c * 2, true);
  v.setUint16(32, c * 2, true);
  v.setUint16(34, 16, true);
  str(36, 'data');
  v.setUint32(40, data, true);
  let o = 44;
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < c; ch++) {
      const x = Math.max(-1, Math.min(1, channels[ch]![i]!));
      v.setInt16(o, x < 0 ? x * 0x8000 : x * 0x7fff, true);
      o += 2;
    }
  }
  return buf;
}

/** `seconds` of tone bursts (alternating 0.5 s of a `freq` Hz sine and 0.5 s of silence). */
export function toneBursts(seconds: number, sampleRate: number, freq = 220): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => {
    const t = i / sampleRate;
    return Math.floor(t * 2) % 2 === 0 ? 0.6 * Math.sin(2 * Math.PI * freq * t) : 0;
  });
}
