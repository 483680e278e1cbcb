// Test-only: the PointCloudError a call throws, to check its message and fields.
import { expect } from 'vitest';
import { PointCloudError } from '../point-cloud-error.js';

/** Runs `fn`, expects it to throw a `PointCloudError`, and returns that error. */
export function thrown(fn: () => unknown): PointCloudError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PointCloudError);
    return e as PointCloudError;
  }
  throw new Error('expected a PointCloudError');
}
