import { expect, test } from 'vitest';
import { lzfDecompress } from './lzf.js';
import { PointCloudError } from './point-cloud-error.js';

test('literal runs and back references, overlapping ones and long ones included', () => {
  // "abc" literal, then a back reference of 3 + 2 = 5 bytes at distance 3 ("abcab"), then a long
  // reference (len 7 + 3 + 2 = 12) at distance 1 (run of the last byte).
  const input = Uint8Array.from([2, 97, 98, 99, (3 << 5) | 0, 2, (7 << 5) | 0, 3, 0]);
  const out = new Uint8Array(3 + 5 + 12);
  lzfDecompress(input, 0, input.length, out);
  expect(new TextDecoder().decode(out)).toBe('abcabcab' + 'b'.repeat(12));
});

test('corrupt input names the byte offset of the bad control byte', () => {
  const input = Uint8Array.from([0, 97, (1 << 5) | 0, 9]);
  expect(() => lzfDecompress(input, 0, input.length, new Uint8Array(4))).toThrow(PointCloudError);
  expect(() => lzfDecompress(input, 0, input.length, new Uint8Array(4))).toThrow(/at byte offset 2: a back reference points 10 bytes back/);
  expect(() => lzfDecompress(Uint8Array.from([5, 1, 2]), 0, 3, new Uint8Array(6))).toThrow(/offset 0: a literal run of 6 bytes passes the end/);
  expect(() => lzfDecompress(Uint8Array.from([0, 1]), 0, 2, new Uint8Array(2))).toThrow(/holds 1 bytes, the header says 2/);
});
