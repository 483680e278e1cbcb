import { PointCloudError } from './point-cloud-error.js';

/**
 * Decompresses the LZF block `bytes[start, end)` (liblzf's format, as PCL's binary_compressed uses) into
 * `out`, which must be exactly the decompressed size. Throws a `PointCloudError` naming the byte offset
 * of a control byte that reaches outside the input or the output.
 */
export function lzfDecompress(bytes: Uint8Array, start: number, end: number, out: Uint8Array): void {
  let ip = start;
  let op = 0;
  const outEnd = out.length;
  while (ip < end) {
    const at = ip;
    const ctrl = bytes[ip++]!;
    if (ctrl < 32) {
      // A literal run of ctrl + 1 bytes.
      const len = ctrl + 1;
      if (ip + len > end) throw corrupt(at, `a literal run of ${len} bytes passes the end of the compressed data at byte ${end}`);
      if (op + len > outEnd) throw corrupt(at, `a literal run of ${len} bytes passes the uncompressed size (${outEnd} bytes)`);
      // At most 32 bytes: a plain loop beats making a subarray for `set` (one object per run).
      for (let k = 0; k < len; k++) out[op++] = bytes[ip++]!;
    } else {
      // A back reference: copy len + 2 bytes from `distance` bytes back (the ranges may overlap).
      let len = ctrl >>> 5;
      if (len === 7) {
        if (ip >= end) throw corrupt(at, 'a back reference is cut off by the end of the compressed data');
        len += bytes[ip++]!;
      }
      if (ip >= end) throw corrupt(at, 'a back reference is cut off by the end of the compressed data');
      let ref = op - ((ctrl & 0x1f) << 8) - 1 - bytes[ip++]!;
      len += 2;
      if (ref < 0) throw corrupt(at, `a back reference points ${op - ref} bytes back, before the start of the output`);
      if (op + len > outEnd) throw corrupt(at, `a back reference of ${len} bytes passes the uncompressed size (${outEnd} bytes)`);
      for (let k = 0; k < len; k++) out[op++] = out[ref++]!;
    }
  }
  if (op !== outEnd) throw corrupt(end, `the compressed data holds ${op} bytes, the header says ${outEnd}`);
}

function corrupt(offset: number, what: string): PointCloudError {
  return new PointCloudError(`PCD binary_compressed data is corrupt at byte offset ${offset}: ${what}`, { format: 'pcd', offset });
}
