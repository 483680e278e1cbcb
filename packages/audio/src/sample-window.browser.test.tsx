import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRef } from 'react';
import { act } from 'react';
import { defineSchema, positionToX, type Annotation, type SegmentAnnotation } from '@labelkit/core';
import { AudioSegmentAnnotator, type AudioSegmentAnnotatorHandle } from './AudioSegmentAnnotator.js';
import { trackLayout } from './layout.js';
import { encodeWav } from './test-utils/wav.js';
import { renderInHost } from './test-utils/render-in-host.js';

const schema = defineSchema({ labels: [{ id: 'call', name: 'Call', color: '#3cb44b', hotkey: '1', kinds: ['segment'] }] });

afterEach(() => {
  vi.restoreAllMocks();
});

const RATE = 8000;
const SECONDS = 120;
const FREQ = 50; // a 20 ms period: at 20,000 px/s one period is 400 px

/** Two minutes of a 50 Hz sine as a WAV blob URL, with its peaks at 20 buckets a second (what a host precomputes). */
function longSine() {
  const samples = Float32Array.from({ length: RATE * SECONDS }, (_, i) => 0.8 * Math.sin((2 * Math.PI * FREQ * i) / RATE));
  const file = encodeWav([samples], RATE);
  const peaks = Float32Array.from({ length: SECONDS * 20 }, () => 0.8);
  return { src: URL.createObjectURL(new Blob([file], { type: 'audio/wav' })), peaks, bytes: file.byteLength };
}

/** The inked rows (first, last, count) of the waveform band's column at CSS x, as fractions of the band from its top. */
function inkAt(canvas: HTMLCanvasElement, x: number): { top: number; bottom: number; count: number } {
  const layout = trackLayout([0], 120, 0);
  const k = canvas.width / canvas.getBoundingClientRect().width;
  const rows = Math.round(120 * k);
  const data = canvas.getContext('2d')!.getImageData(Math.round(x * k), Math.round(layout.waveTop * k), 1, rows).data;
  let top = -1;
  let bottom = -1;
  let count = 0;
  for (let r = 0; r < rows; r++) {
    if (data[r * 4 + 3]! === 0) continue;
    if (top < 0) top = r;
    bottom = r;
    count++;
  }
  return { top: top / rows, bottom: bottom / rows, count };
}

describe('sample-level waveform of a long file given as peaks', () => {
  it('reads only the visible frames with range requests when zoomed past the peaks, and draws the samples', async () => {
    const { src, peaks, bytes } = longSine();
    const ranges: string[] = [];
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      ranges.push(new Headers(init?.headers).get('Range') ?? 'whole file');
      return realFetch(input, init);
    });
    const ref = createRef<AudioSegmentAnnotatorHandle>();
    const onChange = vi.fn<(next: Annotation[]) => void>();
    const host = renderInHost(<AudioSegmentAnnotator ref={ref} schema={schema} src={src} peaks={[peaks]} duration={SECONDS} minLength={0.005} onChange={onChange} />);
    await vi.waitFor(() => expect(ref.current?.getViewport().length).toBe(SECONDS), { timeout: 5000 });
    const track = host.querySelector<HTMLElement>('.lk-audio__track')!;
    // Nothing is read while the peaks are enough.
    await new Promise((r) => setTimeout(r, 300));
    expect(ranges).toEqual([]);
    expect(track.dataset.sampleWindow).toBe('idle');

    act(() => ref.current!.zoomTo(20_000, 60.0025));
    await vi.waitFor(() => expect(track.dataset.sampleWindow).toBe('ready'), { timeout: 5000 });
    // The header, then one window: never the whole file, and a small part of it.
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBe('bytes=0-65535');
    const [, from, to] = /bytes=(\d+)-(\d+)/.exec(ranges[1]!)!.map(Number) as [number, number, number];
    expect(to - from + 1).toBeLessThan(bytes / 20);
    // The waveform is the line through the samples: near the band's top at the sine's crest (0.8 up
    // from the middle: 0.1 of the band), crossing the middle a quarter period later. The peaks alone
    // would fill every column from 0.1 to 0.9.
    const canvas = host.querySelector<HTMLCanvasElement>('[data-testid="lk-audio-canvas"]')!;
    const v = ref.current!.getViewport();
    await vi.waitFor(() => {
      const crest = inkAt(canvas, positionToX(v, 60 + 0.005)); // a quarter period after the zero crossing at t = 60 s
      expect(crest.top).toBeGreaterThan(0.08);
      expect(crest.bottom).toBeLessThan(0.2);
      const zero = inkAt(canvas, positionToX(v, 60 + 0.01));
      expect(zero.top).toBeLessThanOrEqual(0.5);
      expect(zero.bottom).toBeGreaterThanOrEqual(0.45);
      expect(zero.bottom - zero.top).toBeLessThan(0.2);
    });
    // Snapping works on the window's samples: a drag on the waveform from 60.0123 s to 60.0278 s makes a
    // segment from the zero crossings nearest its ends, 60.01 s and 60.03 s.
    const snap = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Snap to zero')!;
    expect(snap.disabled).toBe(false);
    act(() => snap.click());
    const rect = canvas.getBoundingClientRect();
    const y = rect.top + trackLayout([0], 120, 0).waveTop + 60;
    const press = (type: string, t: number) => canvas.dispatchEvent(new PointerEvent(type, { clientX: rect.left + positionToX(v, t), clientY: y, bubbles: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerId: 1, isPrimary: true }));
    act(() => {
      press('pointerdown', 60.0123);
      press('pointermove', 60.02);
      press('pointermove', 60.0278);
      press('pointerup', 60.0278);
    });
    const made = onChange.mock.calls.at(-1)![0][0] as SegmentAnnotation;
    expect(made.start).toBeCloseTo(60.01, 5);
    expect(made.end).toBeCloseTo(60.03, 5);

    // The spectrogram, drawn by the annotator from the same samples (wavesurfer never decoded this file):
    // the 50 Hz tone lights the lowest rows of the band, the rows far above them stay dark.
    const spectrogram = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Spectrogram')!;
    expect(spectrogram.disabled).toBe(false);
    act(() => spectrogram.click());
    expect(spectrogram.getAttribute('aria-pressed')).toBe('true');
    const band = trackLayout([0], 120, 128);
    const bandTop = band.waveTop + band.waveHeight;
    await vi.waitFor(() => {
      const k = canvas.width / canvas.getBoundingClientRect().width;
      const px = (cssY: number) => canvas.getContext('2d')!.getImageData(Math.round(450 * k), Math.round(cssY * k), 1, 1).data;
      // 128 rows of 31.25 Hz at DPR 1: 50 Hz is in the second row from the bottom (the brightest of the lowest four).
      const low = [124, 125, 126, 127].map((r) => px(bandTop + r)).reduce((a, b) => (a[0]! + a[1]! + a[2]! >= b[0]! + b[1]! + b[2]! ? a : b));
      const high = px(bandTop + 10);
      expect(low[3]).toBe(255);
      expect(high[3]).toBe(255);
      expect(low[0]! + low[1]! + low[2]!).toBeGreaterThan(500);
      expect(high[0]! + high[1]! + high[2]!).toBeLessThan(150);
    });
    expect(host.querySelector<HTMLElement>('.lk-audio__wave')!.style.display).toBe('none');

    // Scrolling within the window reads nothing more; scrolling out of it reads the next window (after a pause).
    act(() => ref.current!.scrollTo(v.scrollStart + 0.01));
    await new Promise((r) => setTimeout(r, 400));
    expect(ranges).toHaveLength(2);
    act(() => ref.current!.scrollTo(90));
    await vi.waitFor(() => expect(ranges).toHaveLength(3), { timeout: 5000 });
  });

  it('keeps the peaks, and says why, when the file is not an uncompressed WAV', async () => {
    const notWav = URL.createObjectURL(new Blob([new Uint8Array(200_000).fill(0x49)], { type: 'audio/mpeg' }));
    const ref = createRef<AudioSegmentAnnotatorHandle>();
    const host = renderInHost(<AudioSegmentAnnotator ref={ref} schema={schema} src={notWav} peaks={[new Float32Array(2400).fill(0.5)]} duration={SECONDS} />);
    await vi.waitFor(() => expect(ref.current?.getViewport().length).toBe(SECONDS), { timeout: 5000 });
    act(() => ref.current!.zoomTo(20_000, 30));
    const track = host.querySelector<HTMLElement>('.lk-audio__track')!;
    await vi.waitFor(() => expect(track.dataset.sampleWindow).toBe('unsupported'), { timeout: 5000 });
    // Nothing to snap to: the toggle is off.
    expect([...host.querySelectorAll('button')].find((b) => b.textContent === 'Snap to zero')!.disabled).toBe(true);
    await vi.waitFor(() => expect(host.querySelector('[aria-live]')!.textContent).toMatch(/not a WAV/));
  });
});
