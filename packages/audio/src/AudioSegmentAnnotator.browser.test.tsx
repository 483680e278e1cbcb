import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Profiler, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { act } from 'react';
import { defineSchema, type Annotation, type SegmentAnnotation } from '@labelkit/core';
import { AudioSegmentAnnotator, type AudioSegmentAnnotatorHandle } from './AudioSegmentAnnotator.js';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, trackLayout } from './layout.js';
import { timeToX } from './viewport.js';
import { encodeWav, toneBursts } from './test-utils/wav.js';

const schema = defineSchema({
  labels: [
    { id: 'speech', name: 'Speech', color: '#4363d8', hotkey: '1', kinds: ['segment'] },
    { id: 'noise', name: 'Noise', color: '#e6194b', hotkey: '2', kinds: ['segment'] },
  ],
});

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

async function mount(props: Partial<Parameters<typeof AudioSegmentAnnotator>[0]> = {}, onRender?: () => void) {
  const url = URL.createObjectURL(new Blob([encodeWav([toneBursts(4, 16000)], 16000)], { type: 'audio/wav' }));
  host = document.createElement('div');
  host.style.width = '900px';
  document.body.append(host);
  const ref = createRef<AudioSegmentAnnotatorHandle>();
  const onChange = vi.fn<(next: Annotation[]) => void>();
  root = createRoot(host);
  const annotator = <AudioSegmentAnnotator ref={ref} schema={schema} src={url} onChange={onChange} {...props} />;
  act(() => root!.render(onRender ? <Profiler id="annotator" onRender={onRender}>{annotator}</Profiler> : annotator));
  await vi.waitFor(() => expect(ref.current?.getViewport().duration).toBeCloseTo(4, 2), { timeout: 5000 });
  const canvas = host.querySelector<HTMLCanvasElement>('[data-testid="lk-audio-canvas"]')!;
  return { ref, onChange, canvas };
}

const pointer = (el: Element, type: string, x: number, y: number) =>
  el.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerId: 1, isPrimary: true }));

describe('AudioSegmentAnnotator in Chromium', () => {
  it('decodes a generated WAV and creates a segment with the dragged seconds', async () => {
    const { ref, onChange, canvas } = await mount();
    const v = ref.current!.getViewport();
    const rect = canvas.getBoundingClientRect();
    const y = rect.top + 60; // the waveform band
    await act(async () => {
      pointer(canvas, 'pointerdown', rect.left + timeToX(v, 1.0), y);
      pointer(canvas, 'pointermove', rect.left + timeToX(v, 1.5), y);
      pointer(canvas, 'pointermove', rect.left + timeToX(v, 2.25), y);
      pointer(canvas, 'pointerup', rect.left + timeToX(v, 2.25), y);
    });
    const last = onChange.mock.calls.at(-1)![0];
    expect(last).toHaveLength(1);
    const seg = last[0] as SegmentAnnotation;
    const onePixel = 1 / v.pxPerSec;
    expect(seg.kind).toBe('segment');
    expect(seg.label).toBe('speech');
    expect(Math.abs(seg.start - 1.0)).toBeLessThanOrEqual(onePixel);
    expect(Math.abs(seg.end - 2.25)).toBeLessThanOrEqual(onePixel);
    // The selected segment's details are in accessible DOM.
    expect(document.querySelector('[aria-label="Selected segment"]')?.textContent).toContain('Speech');
  });

  it('drags a segment as a draft: no render and no onChange per move, one onChange and one undo step at the end', async () => {
    const seg: SegmentAnnotation = { id: 'a', kind: 'segment', label: 'speech', start: 1, end: 1.5 };
    let renders = 0;
    const { ref, onChange, canvas } = await mount({ defaultValue: [seg] }, () => renders++);
    const v = ref.current!.getViewport();
    const rect = canvas.getBoundingClientRect();
    // Lane 0 (Speech), row 0; two lanes of one row each, no spectrogram.
    const layout = trackLayout([1, 1], 120, 0);
    const y = rect.top + layout.laneTops[0]! + LANE_HEADER + LANE_PADDING + ROW_HEIGHT / 2;
    const x = rect.left + timeToX(v, 1.25);
    const dx = 0.5 * v.pxPerSec;
    act(() => {
      pointer(canvas, 'pointerdown', x, y);
      pointer(canvas, 'pointermove', x + dx / 5, y); // passes the threshold: selects, the drag starts
    });
    const rendersAtStart = renders;
    for (let i = 2; i <= 5; i++) act(() => pointer(canvas, 'pointermove', x + (dx * i) / 5, y));
    expect(renders).toBe(rendersAtStart);
    expect(onChange).not.toHaveBeenCalled();
    // The drag overlay shows the segment at its draft place (a transform: the canvas is not redrawn per move).
    const overlay = host!.querySelector<HTMLElement>('.lk-audio__drag')!;
    expect(overlay.style.display).toBe('block');
    expect(Number(/translate3d\(([-\d.]+)px/.exec(overlay.style.transform)![1])).toBeCloseTo(timeToX(v, 1.5), 0);
    act(() => pointer(canvas, 'pointerup', x + dx, y));
    expect(overlay.style.display).toBe('none');
    expect(onChange).toHaveBeenCalledTimes(1);
    const moved = onChange.mock.calls[0]![0][0] as SegmentAnnotation;
    const onePixel = 1 / v.pxPerSec;
    expect(Math.abs(moved.start - 1.5)).toBeLessThanOrEqual(onePixel);
    expect(moved.end - moved.start).toBeCloseTo(0.5, 9);
    expect(moved.label).toBe('speech');
    act(() => ref.current!.undo());
    expect(onChange).toHaveBeenCalledTimes(2);
    expect((onChange.mock.calls[1]![0][0] as SegmentAnnotation).start).toBe(1);
    expect(ref.current!.canUndo()).toBe(false);
  });

  it('drops the draft when a drag is cancelled with Escape', async () => {
    const seg: SegmentAnnotation = { id: 'a', kind: 'segment', label: 'speech', start: 1, end: 1.5 };
    const { ref, onChange, canvas } = await mount({ defaultValue: [seg] });
    const v = ref.current!.getViewport();
    const rect = canvas.getBoundingClientRect();
    const layout = trackLayout([1, 1], 120, 0);
    const y = rect.top + layout.laneTops[0]! + LANE_HEADER + LANE_PADDING + ROW_HEIGHT / 2;
    const x = rect.left + timeToX(v, 1.25);
    act(() => {
      pointer(canvas, 'pointerdown', x, y);
      pointer(canvas, 'pointermove', x + 40, y);
    });
    await userEvent.keyboard('{Escape}');
    act(() => pointer(canvas, 'pointerup', x + 40, y));
    expect(onChange).not.toHaveBeenCalled();
    expect((ref.current!.getAnnotations()[0] as SegmentAnnotation).start).toBe(1);
  });

  it('creates a segment from the keyboard at the playhead, relabels, undoes', async () => {
    const { ref, onChange } = await mount();
    const v = ref.current!.getViewport();
    const step = Math.max(0.01, 50 / v.pxPerSec);
    act(() => ref.current!.focus());
    await userEvent.keyboard('{Home}{ArrowRight}{ArrowRight}[[');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}]');
    let seg = onChange.mock.calls.at(-1)![0][0] as SegmentAnnotation;
    expect(seg.start).toBeCloseTo(2 * step, 9);
    expect(seg.end).toBeCloseTo(5 * step, 9);
    await userEvent.keyboard('2');
    seg = onChange.mock.calls.at(-1)![0][0] as SegmentAnnotation;
    expect(seg.label).toBe('noise');
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    seg = onChange.mock.calls.at(-1)![0][0] as SegmentAnnotation;
    expect(seg.end - seg.start).toBeCloseTo(3 * step, 9);
    expect(seg.start).toBeGreaterThan(2 * step);
    await userEvent.keyboard('{Control>}z{/Control}{Control>}z{/Control}');
    expect((onChange.mock.calls.at(-1)![0][0] as SegmentAnnotation).label).toBe('speech');
    await userEvent.keyboard('{Delete}');
    expect(onChange.mock.calls.at(-1)![0]).toEqual([]);
  });

  it('plays the selected segment and stops at its end', async () => {
    const seg: SegmentAnnotation = { id: 's1', kind: 'segment', label: 'speech', start: 0.5, end: 0.9 };
    const { ref } = await mount({ defaultValue: [seg] });
    act(() => ref.current!.select(['s1']));
    const t0 = performance.now();
    await act(() => ref.current!.playSegment('s1'));
    const elapsed = (performance.now() - t0) / 1000;
    expect(ref.current!.isPlaying()).toBe(false);
    expect(ref.current!.getCurrentTime()).toBe(0.9);
    // It played the 0.4 s segment, not the rest of the file (3.5 s).
    expect(elapsed).toBeGreaterThan(0.35);
    expect(elapsed).toBeLessThan(1.2);
  });

  it('types a transcript inline and moves to the next segment with Tab', async () => {
    const a: SegmentAnnotation = { id: 'a', kind: 'segment', label: 'speech', start: 0, end: 1 };
    const b: SegmentAnnotation = { id: 'b', kind: 'segment', label: 'speech', start: 2, end: 3 };
    const { ref, onChange } = await mount({ defaultValue: [a, b] });
    act(() => ref.current!.select(['a']));
    const input = await vi.waitFor(() => document.querySelector<HTMLInputElement>('.lk-audio__transcript input')!);
    input.focus();
    await userEvent.keyboard('ask not{Tab}');
    const after = onChange.mock.calls.at(-1)![0] as SegmentAnnotation[];
    expect(after.find((s) => s.id === 'a')!.text).toBe('ask not');
    await vi.waitFor(() => expect(document.querySelector('[aria-label="Selected segment"]')?.textContent).toContain('0:02.000'));
  });
});
