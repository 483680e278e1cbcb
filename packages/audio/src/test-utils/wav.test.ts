import { describe, expect, it } from 'vitest';
import { encodeWav, toneBursts } from './wav.js';

describe('encodeWav', () => {
  it('writes a RIFF/WAVE header and 16-bit samples', () => {
    const buf = encodeWav([Float32Array.from([0, 1, -1])], 8000);
    const v = new DataView(buf);
    expect(String.fromCharCode(...new Uint8Array(buf, 0, 4))).toBe('RIFF');
    expect(v.getUint32(24, true)).toBe(8000);
    expect(buf.byteLength).toBe(44 + 6);
    expect([v.getInt16(44, true), v.getInt16(46, true), v.getInt16(48, true)]).toEqual([0, 32767, -32768]);
    expect(toneBursts(1, 100).length).toBe(100);
  });
});
