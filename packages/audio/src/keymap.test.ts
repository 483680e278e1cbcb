import { describe, expect, it } from 'vitest';
import { createKeyDispatcher, findConflicts } from '@labelkit/core';
import { AUDIO_KEYMAP } from './keymap.js';

describe('AUDIO_KEYMAP', () => {
  it('has no two actions on the same keys, on either platform', () => {
    expect(findConflicts(AUDIO_KEYMAP, { speech: '1', music: '2' }, 'other')).toEqual([]);
    expect(findConflicts(AUDIO_KEYMAP, {}, 'mac')).toEqual([]);
  });

  it('dispatches Space to play/pause and Shift+Space to segment playback', () => {
    const got: string[] = [];
    const d = createKeyDispatcher(AUDIO_KEYMAP, { playPause: () => void got.push('pp'), playSegment: () => void got.push('seg'), seekForward: () => void got.push('fwd') }, { platform: 'other' });
    const k = (key: string, shiftKey = false) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey });
    expect(d(k(' '))).toBe(true);
    expect(d(k(' ', true))).toBe(true);
    expect(d(k('ArrowRight'))).toBe(true);
    expect(got).toEqual(['pp', 'seg', 'fwd']);
  });
});
