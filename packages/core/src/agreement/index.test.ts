import { describe, expect, it } from 'vitest';
import * as core from '@labelkit/core';
import * as agreement from '@labelkit/core/agreement';

describe('@labelkit/core/agreement', () => {
  it('resolves, and exports the same functions as the core barrel', () => {
    for (const name of ['similarity', 'compare', 'consensus', 'cohenKappa', 'fleissKappa', 'krippendorffAlpha', 'diarizationErrorRate', 'trackMetrics'] as const) {
      expect(typeof agreement[name]).toBe('function');
      expect(core[name]).toBe(agreement[name]);
    }
  });
});
