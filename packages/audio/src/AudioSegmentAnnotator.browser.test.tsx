import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Profiler, createRef, type RefObject } from 'react';
import { act } from 'react';
import { defineSchema, positionToX, xToPosition, type Annotation, type SegmentAnnotation, type TimelineViewport } from '@labelkit/core';
import { AudioSegmentAnnotator, type AudioSegmentAnnotatorHandle } from './AudioSegmentAnnotator.js';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, RULER_HEIGHT, trackLayout } from './layout.js';
import { encodeWav, toneBursts } from './test-utils/wav.js';
import { renderInHost } from './test-utils/render-in-host.js';

const schema = defineSchema({
  labels: [
    { id: 'speech', name: 'Speech', color: '#4363d8', hotkey: '1', kinds: ['segment'] },
    { id: 'noise', name: 'Noise', color: '#e6194b', hotkey: '2', kinds: ['segment'] },
  ],
});

let host: HTMLDivElement | null = null;
afterEach(() => {
  host = null;
});

const wavUrl = () => URL.createObjectURL(new Blob([encodeWav([toneBursts(4, 16000)], 16000)], { type: 'audio/wav' }));

async function mount(props: Partial<Parameters<typeof AudioSegmentAnnotator>[0]> = {}, onRender?: () => void) {
  const url = wavUrl();
  const ref = createRef<AudioSegmentAnnotatorHandle>();
  const onChange = vi.fn<(next: Annotation[]) => void>();
  const annotator = <AudioSegmentAnnotator ref={ref} schema={schema} src={url} onChange={onChange} {...props} />;
  host = renderInHost(onRender ? <Profiler id="annotator" onRender={onRender}>{annotator}</Profiler> : annotator);
  await vi.waitFor(() => expect(ref.current?.getViewport().length).toBeCloseTo(4, 2), { timeout: 5000 });
  const canvas = host.querySelector<HTMLCanvasElement>('[data-testid="lk-audio-canvas"]')!;
  return { ref, onChange, canvas };
}

/** Screen point at `time` in the first row of lane 0 (Speech) — two lanes of one row each, no spectrogram. */
function speechLanePoint(canvas: HTMLCanvasElement, v: TimelineViewport, time: number): { x: number; y: number } {
  const rect = canvas.getBoundingClientRect();
  const layout = trackLayout([1, 1], 120, 0);
  return { x: rect.left + positionToX(v, time), y: rect.top + layout.laneTops[0]! + LANE_HEADER + LANE_PADDING + ROW_HEIGHT / 2 };
}

const pointer = (el: Element, type: string, x: number, y: number, buttons = type === 'pointerup' ? 0 : 1) =>
  el.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, button: 0, buttons, pointerId: 1, isPrimary: true }));

const wheel = (el: Element, x: number, y: number, init: WheelEventInit) => {
  const e = new WheelEvent('wheel', { clientX: x, clientY: y, bubbles: true, cancelable: true, ...init });
  el.dispatchEvent(e);
  return e;
};

/** Device pixels of the track canvas in `[y0, y1)` (CSS) that are not transparent, in the column at CSS x. */
function inkInColumn(canvas: HTMLCanvasElement, x: number, y0: number, y1: number): number {
  const k = canvas.width / canvas.getBoundingClientRect().width;
  const data = canvas.getContext('2d')!.getImageData(Math.round(x * k), Math.round(y0 * k), 1, Math.round((y1 - y0) * k)).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
  return n;
}

/**
 * Plays segment `s1` (0.5–0.9 s of the 4 s file) through the handle and checks that it stopped at its
 * end: the 0.4 s segment, not the rest of the file (3.5 s), within `slack` seconds in all.
 */
async function playsJustSegmentS1(ref: RefObject<AudioSegmentAnnotatorHandle | null>, slack: number) {
  const t0 = performance.now();
  await act(() => ref.current!.playSegment('s1'));
  const elapsed = (performance.now() - t0) / 1000;
  expect(ref.current!.isPlaying()).toBe(false);
  expect(ref.current!.getCurrentTime()).toBe(0.9);
  expect(elapsed).toBeGreaterThan(0.35);
  expect(elapsed).toBeLessThan(slack);
}

describe('AudioSegmentAnnotator in Chromium', () => {
  it('decodes a generated WAV and creates a segment with the dragged seconds', async () => {
    const { ref, onChange, canvas } = await mount();
    const v = ref.current!.getViewport();
    const rect = canvas.getBoundingClientRect();
    const y = rect.top + 60; // the waveform band
    await act(async () => {
      pointer(canvas, 'pointerdown', rect.left + positionToX(v, 1.0), y);
      pointer(canvas, 'pointermove', rect.left + positionToX(v, 1.5), y);
      pointer(canvas, 'pointermove', rect.left + positionToX(v, 2.25), y);
      pointer(canvas, 'pointerup', rect.left + positionToX(v, 2.25), y);
    });
    const last = onChange.mock.calls.at(-1)![0];
    expect(last).toHaveLength(1);
    const seg = last[0] as SegmentAnnotation;
    const onePixel = 1 / v.pxPerUnit;
    expect(seg.kind).toBe('segment');
    expect(seg.label).toBe('speech');
    expect(Math.abs(seg.start - 1.0)).toBeLessThanOrEqual(onePixel);
    expect(Math.abs(seg.end - 2.25)).toBeLessThanOrEqual(onePixel);
    // The selected segment's details are in accessible DOM.
    expect(document.querySelector('[aria-label="Selected segment"]')?.textContent).toContain('Speech');
  });

  it('makes no segment when the audio did not load (HTTP 404), and says why', async () => {
    const onChange = vi.fn<(next: Annotation[]) => void>();
    host = renderInHost(<AudioSegmentAnnotator schema={schema} src="/no-such-audio-file.wav" onChange={onChange} />);
    await vi.waitFor(() => expect(host!.querySelector('[role="alert"]')?.textContent).toMatch(/Could not load the audio: .*Segments cannot be made until it loads\./), { timeout: 5000 });
    const canvas = host.querySelector<HTMLCanvasElement>('[data-testid="lk-audio-canvas"]')!;
    const rect = canvas.getBoundingClientRect();
    const y = rect.top + 60;
    await act(async () => {
      pointer(canvas, 'pointermove', rect.left + 100, y, 0);
      pointer(canvas, 'pointerdown', rect.left + 100, y);
      pointer(canvas, 'pointermove', rect.left + 200, y);
      pointer(canvas, 'pointermove', rect.left + 300, y);
      pointer(canvas, 'pointerup', rect.left + 300, y);
    });
    expect(onChange).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(host!.textContent).toContain('No segment made: the audio did not load, so its length is not known'));
  });

  it('drags a segment as a draft: no render and no onChange per move, one onChange and one undo step at the end', async () => {
    const seg: SegmentAnnotation = { id: 'a', kind: 'segment', label: 'speech', start: 1, end: 1.5 };
    let renders = 0;
    const { ref, onChange, canvas } = await mount({ defaultValue: [seg] }, () => renders++);
    const v = ref.current!.getViewport();
    const { x, y } = speechLanePoint(canvas, v, 1.25);
    const dx = 0.5 * v.pxPerUnit;
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
    expect(overlay.style.visibility).toBe('visible');
    expect(Number(/translate3d\(([-\d.]+)px/.exec(overlay.style.transform)![1])).toBeCloseTo(positionToX(v, 1.5), 0);
    act(() => pointer(canvas, 'pointerup', x + dx, y));
    expect(overlay.style.visibility).toBe('hidden');
    expect(onChange).toHaveBeenCalledTimes(1);
    const moved = onChange.mock.calls[0]![0][0] as SegmentAnnotation;
    const onePixel = 1 / v.pxPerUnit;
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
    const { x, y } = speechLanePoint(canvas, v, 1.25);
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
    const step = Math.max(0.01, 50 / v.pxPerUnit);
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
    // Undoing the delete brings the segment back selected, so the next key acts on it again.
    await userEvent.keyboard('{Control>}z{/Control}');
    const restored = onChange.mock.calls.at(-1)![0][0] as SegmentAnnotation;
    await vi.waitFor(() => expect(document.querySelector('[aria-label="Selected segment"]')?.textContent).toContain('Speech'));
    await userEvent.keyboard('{Delete}');
    expect(onChange.mock.calls.at(-1)![0]).toEqual([]);
    expect(restored.id).toBe(seg.id);
  });

  it('the handle\'s canUndo and canRedo count a rejected suggestion, which its undo and redo take back and make again', async () => {
    const w1: SegmentAnnotation = { id: 'w1', kind: 'segment', label: 'speech', start: 0.5, end: 0.9, source: 'model' };
    const onSuggestionDecision = vi.fn();
    const { ref, onChange } = await mount({ suggestions: [w1], onSuggestionDecision });
    expect(ref.current!.canUndo()).toBe(false);
    act(() => ref.current!.select(['w1']));
    act(() => ref.current!.focus());
    await userEvent.keyboard('{Shift>}{Delete}{/Shift}');
    expect(onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w1', decision: 'rejected' });
    // No annotation changed, so the store has no step: the review's stack does.
    expect(onChange).not.toHaveBeenCalled();
    expect(ref.current!.canUndo()).toBe(true);
    expect(ref.current!.canRedo()).toBe(false);
    act(() => ref.current!.undo());
    expect(onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w1', decision: 'undone' });
    expect(ref.current!.canUndo()).toBe(false);
    expect(ref.current!.canRedo()).toBe(true);
    act(() => ref.current!.redo());
    expect(onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w1', decision: 'rejected' });
    expect(ref.current!.canUndo()).toBe(true);
    expect(ref.current!.canRedo()).toBe(false);
  });

  it('undo takes back edits and rejections in the order they happened', async () => {
    const s1: SegmentAnnotation = { id: 's1', kind: 'segment', label: 'speech', start: 2, end: 3 };
    const w1: SegmentAnnotation = { id: 'w1', kind: 'segment', label: 'speech', start: 0.5, end: 0.9, source: 'model' };
    const onSuggestionDecision = vi.fn();
    const { ref, onChange } = await mount({ defaultValue: [s1], suggestions: [w1], onSuggestionDecision });
    act(() => ref.current!.focus());
    act(() => ref.current!.select(['w1']));
    await userEvent.keyboard('{Shift>}{Delete}{/Shift}');
    expect(onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w1', decision: 'rejected' });
    act(() => ref.current!.select(['s1']));
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    const moved = onChange.mock.calls.at(-1)![0].find((a) => a.id === 's1') as SegmentAnnotation;
    expect(moved.start).toBeGreaterThan(2);
    // The newer edit first, then the rejection: one history, whichever way undo is asked for.
    act(() => ref.current!.undo());
    expect((onChange.mock.calls.at(-1)![0][0] as SegmentAnnotation).start).toBe(2);
    expect(onSuggestionDecision).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w1', decision: 'undone' });
    expect(ref.current!.canUndo()).toBe(false);
  });

  it('shows the shared suggestion bar, wired to the review: next wraps in time order, accept all and reject all are one undo step each', async () => {
    const late: SegmentAnnotation = { id: 'late', kind: 'segment', label: 'noise', start: 2, end: 2.5, source: 'model', score: 0.4 };
    const early: SegmentAnnotation = { id: 'early', kind: 'segment', label: 'speech', start: 0.5, end: 0.9, source: 'model', score: 0.9 };
    const onSuggestionDecision = vi.fn();
    const onSelectionChange = vi.fn();
    const { ref, onChange } = await mount({ suggestions: [late, early], onSuggestionDecision, onSelectionChange });
    const bar = host!.querySelector<HTMLElement>('[role="group"][aria-label="Suggestions"]')!;
    const button = (name: string) => [...bar.querySelectorAll('button')].find((b) => b.textContent!.startsWith(name))!;
    const click = (name: string) => act(() => button(name).click());
    expect(bar.textContent).toContain('2 of 2 pending');
    expect(button('Accept').disabled).toBe(true);
    click('Next');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['early']);
    expect(bar.textContent).toContain('#1 · Speech · score 0.90');
    click('Next');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['late']);
    click('Next');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['early']);
    click('Previous');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['late']);
    expect(button('Accept ≥ 0.80').textContent).toContain('(1)');

    click('Accept all');
    const accepted = onChange.mock.calls.at(-1)![0];
    expect(accepted.map((a) => [a.id, a.source])).toEqual([['early', 'model'], ['late', 'model']]);
    expect(bar.textContent).toContain('0 of 2 pending');
    act(() => ref.current!.undo());
    expect(onChange.mock.calls.at(-1)![0]).toEqual([]);
    expect(onSuggestionDecision.mock.calls.slice(-2).map(([d]) => d)).toEqual([{ id: 'early', decision: 'undone' }, { id: 'late', decision: 'undone' }]);
    expect(bar.textContent).toContain('2 of 2 pending');

    click('Reject all');
    expect(bar.textContent).toContain('0 of 2 pending');
    expect(onChange.mock.calls.at(-1)![0]).toEqual([]);
    act(() => ref.current!.undo());
    expect(bar.textContent).toContain('2 of 2 pending');
    act(() => ref.current!.redo());
    expect(onSuggestionDecision.mock.calls.slice(-2).map(([d]) => d)).toEqual([{ id: 'early', decision: 'rejected' }, { id: 'late', decision: 'rejected' }]);
    expect(bar.textContent).toContain('0 of 2 pending');
  });

  it('plays the selected segment and stops at its end', async () => {
    const seg: SegmentAnnotation = { id: 's1', kind: 'segment', label: 'speech', start: 0.5, end: 0.9 };
    const { ref } = await mount({ defaultValue: [seg] });
    act(() => ref.current!.select(['s1']));
    await playsJustSegmentS1(ref, 1.2);
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
  it('draws the waveform itself on the track canvas, from the decoded samples, and keeps wavesurfer\'s view hidden', async () => {
    const { ref, canvas } = await mount();
    const v = ref.current!.getViewport();
    const band = [RULER_HEIGHT, RULER_HEIGHT + 120] as const;
    // Tone at 0.0–0.5 s, silence at 0.5–1.0 s: a tall envelope, then a one-pixel line.
    await vi.waitFor(() => expect(inkInColumn(canvas, positionToX(v, 0.25), ...band)).toBeGreaterThan(60));
    const k = canvas.width / canvas.getBoundingClientRect().width;
    expect(inkInColumn(canvas, positionToX(v, 0.75), ...band)).toBeLessThanOrEqual(Math.ceil(k));
    expect(host!.querySelector<HTMLElement>('.lk-audio__wave')!.style.display).toBe('none');
  });

  it('zooms with the wheel around the pointer (the time under it stays put); Shift+wheel scrolls; the page does not scroll', async () => {
    const { ref, canvas } = await mount();
    const rect = canvas.getBoundingClientRect();
    const y = rect.top + 60;
    const v0 = ref.current!.getViewport();
    const px = 300;
    const under = xToPosition(v0, px);
    let e!: WheelEvent;
    act(() => {
      e = wheel(canvas, rect.left + px, y, { deltaY: -500 });
    });
    expect(e.defaultPrevented).toBe(true);
    const v1 = ref.current!.getViewport();
    expect(v1.pxPerUnit / v0.pxPerUnit).toBeCloseTo(Math.exp(1), 6);
    expect(xToPosition(v1, px)).toBeCloseTo(under, 9);
    await vi.waitFor(() => expect(document.querySelector('[aria-label="Zoom level"]')!.textContent).toBe('2.7×'));
    // Zoom in again at another pointer position: that time stays under the pointer instead.
    const under2 = xToPosition(v1, 700);
    act(() => void wheel(canvas, rect.left + 700, y, { deltaY: -300 }));
    const v2 = ref.current!.getViewport();
    expect(v2.pxPerUnit).toBeGreaterThan(v1.pxPerUnit);
    expect(xToPosition(v2, 700)).toBeCloseTo(under2, 9);
    // Shift+wheel scrolls by the delta in pixels at the same zoom.
    act(() => void wheel(canvas, rect.left + 700, y, { deltaY: 120, shiftKey: true }));
    const v3 = ref.current!.getViewport();
    expect(v3.pxPerUnit).toBe(v2.pxPerUnit);
    expect((v3.scrollStart - v2.scrollStart) * v2.pxPerUnit).toBeCloseTo(120, 6);
    // Zooming far out stops at the whole file.
    act(() => void wheel(canvas, rect.left + 700, y, { deltaY: 5000 }));
    expect(ref.current!.getViewport()).toMatchObject({ pxPerUnit: v0.pxPerUnit, scrollStart: 0 });
  });

  it('navigates from the overview: a press centres the view there, a drag with the button down follows, a hover does not', async () => {
    const { ref } = await mount();
    act(() => ref.current!.zoomTo(ref.current!.getViewport().pxPerUnit * 4, 0));
    const overview = host!.querySelector<HTMLCanvasElement>('.lk-audio__overview')!;
    const r = overview.getBoundingClientRect();
    const centre = () => {
      const v = ref.current!.getViewport();
      return v.scrollStart + v.width / v.pxPerUnit / 2;
    };
    act(() => void pointer(overview, 'pointerdown', r.left + r.width * 0.75, r.top + 10));
    expect(centre()).toBeCloseTo(3, 6);
    act(() => void pointer(overview, 'pointermove', r.left + r.width * 0.375, r.top + 10));
    expect(centre()).toBeCloseTo(1.5, 6);
    act(() => void pointer(overview, 'pointermove', r.left + r.width * 0.9, r.top + 10, 0));
    expect(centre()).toBeCloseTo(1.5, 6);
    // Near the end the view stops at the end of the file.
    act(() => void pointer(overview, 'pointerdown', r.left + r.width - 1, r.top + 10));
    const v = ref.current!.getViewport();
    expect(v.scrollStart + v.width / v.pxPerUnit).toBeCloseTo(4, 6);
  });

  it('shows the spectrogram under the waveform when toggled, and removes it when toggled back', async () => {
    const { canvas } = await mount();
    const track = host!.querySelector<HTMLElement>('.lk-audio__track')!;
    const wave = host!.querySelector<HTMLElement>('.lk-audio__wave')!;
    const button = [...host!.querySelectorAll('button')].find((b) => b.textContent === 'Spectrogram')!;
    const heightBefore = track.getBoundingClientRect().height;
    const spectrogramCanvases = () => {
      const root = wave.querySelector('div')?.shadowRoot;
      return root ? [...root.querySelectorAll('canvas')].filter((c) => !c.closest('[part="canvases"],[part="progress"]') && c.width > 0) : [];
    };
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(wave.style.display).toBe('block');
    expect(track.getBoundingClientRect().height).toBe(heightBefore + 128);
    // The plugin has drawn: many distinct colours (a spectrogram, not a flat fill).
    await vi.waitFor(
      () => {
        const colours = new Set<number>();
        for (const c of spectrogramCanvases()) {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
        }
        expect(colours.size).toBeGreaterThan(20);
      },
      { timeout: 8000 },
    );
    // wavesurfer's own waveform stays hidden: the track canvas draws it.
    const parts = wave.querySelector('div')!.shadowRoot!.querySelector<HTMLElement>('[part="canvases"]')!;
    expect(getComputedStyle(parts).visibility).toBe('hidden');
    expect(inkInColumn(canvas, 100, RULER_HEIGHT, RULER_HEIGHT + 120)).toBeGreaterThan(0);
    // Toggled back with the keyboard shortcut.
    host!.querySelector<HTMLElement>('[role="application"]')!.focus();
    await userEvent.keyboard('s');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(wave.style.display).toBe('none');
    expect(track.getBoundingClientRect().height).toBe(heightBefore);
    expect(spectrogramCanvases()).toHaveLength(0);
  });

  it('reports a drag live through onDragMove, without touching the store until the drop', async () => {
    const seg: SegmentAnnotation = { id: 'a', kind: 'segment', label: 'speech', start: 1, end: 1.5 };
    const log: string[] = [];
    type Draft = { id: string; start: number; end: number };
    const drafts: (Draft | null)[] = [];
    const { ref, canvas } = await mount({
      defaultValue: [seg],
      onChange: () => log.push('change'),
      // The common onDragMove: every annotation with the dragged one at its live extent, and the move's change set.
      onDragMove: (draft, change) => {
        const d = draft?.find((a) => a.id === 'a');
        expect(change === null || (change.phase === 'move' && change.updated[0]?.[1] === d)).toBe(true);
        drafts.push(d?.kind === 'segment' ? { id: d.id, start: d.start, end: d.end } : null);
        log.push(draft ? 'move' : 'end');
      },
    });
    const v = ref.current!.getViewport();
    const rect = canvas.getBoundingClientRect();
    const { x, y } = speechLanePoint(canvas, v, 1.25);
    const dx = 0.1 * v.pxPerUnit;
    act(() => void pointer(canvas, 'pointerdown', x, y));
    for (let i = 1; i <= 4; i++) act(() => void pointer(canvas, 'pointermove', x + dx * i, y));
    expect(log).toEqual(['move', 'move', 'move', 'move']);
    const starts = drafts.map((d) => d!.start);
    for (let i = 0; i < 4; i++) expect(starts[i]).toBeCloseTo(1 + 0.1 * (i + 1), 2);
    expect(drafts.every((d) => d!.id === 'a' && Math.abs(d!.end - d!.start - 0.5) < 1e-9)).toBe(true);
    act(() => void pointer(canvas, 'pointerup', x + dx * 4, y));
    // The pointerup's own position is the last draft; then one commit (with that extent), then the end of the reports.
    expect(log).toEqual(['move', 'move', 'move', 'move', 'move', 'change', 'end']);
    const committed = ref.current!.getAnnotations()[0] as SegmentAnnotation;
    expect(committed.start).toBeCloseTo(1.4, 2);
    expect(drafts.at(-2)).toEqual({ id: 'a', start: committed.start, end: committed.end });
    expect(drafts.at(-1)).toBeNull();
    // A cancelled drag ends the reports too, and commits nothing.
    log.length = 0;
    const x2 = rect.left + positionToX(v, 1.65);
    act(() => {
      pointer(canvas, 'pointerdown', x2, y);
      pointer(canvas, 'pointermove', x2 + 40, y);
    });
    await userEvent.keyboard('{Escape}');
    act(() => void pointer(canvas, 'pointerup', x2 + 40, y));
    // The cancel reports the segment back at its committed extent, then the end.
    expect(log).toEqual(['move', 'move', 'end']);
    expect(drafts.at(-2)).toEqual({ id: 'a', start: committed.start, end: committed.end });
    expect(ref.current!.getAnnotations()[0]).toEqual(committed);
  });

  it('plays a segment of a streamed file (peaks + duration + src, no decode) and stops at its end', async () => {
    const peaks = [Float32Array.from({ length: 400 }, (_, i) => (Math.floor(i / 50) % 2 ? 0.05 : 0.6))];
    const seg: SegmentAnnotation = { id: 's1', kind: 'segment', label: 'speech', start: 0.5, end: 0.9 };
    const { ref } = await mount({ peaks, duration: 4, defaultValue: [seg] });
    expect(host!.querySelector<HTMLButtonElement>('button')!.disabled).toBe(false);
    await playsJustSegmentS1(ref, 1.5);
  });
  it('zooms a 3-hour file given as peaks from the whole file to sample level (no element-width cap on the track canvas)', async () => {
    const ref = createRef<AudioSegmentAnnotatorHandle>();
    const duration = 3 * 3600;
    const peaks = Float32Array.from({ length: duration * 20 }, (_, i) => 0.2 + 0.5 * Math.abs(Math.sin(i / 7)));
    host = renderInHost(<AudioSegmentAnnotator ref={ref} schema={schema} peaks={[peaks]} duration={duration} sampleRate={16000} />);
    await vi.waitFor(() => expect(ref.current?.getViewport().length).toBe(duration), { timeout: 5000 });
    const fit = ref.current!.getViewport().pxPerUnit;
    act(() => ref.current!.zoomTo(1e12, 5400.5));
    const v = ref.current!.getViewport();
    // 8 px per sample at 16 kHz, though 10,800 s at that zoom would be 1.4 billion px wide.
    expect(v.pxPerUnit).toBe(16000 * 8);
    expect(v.pxPerUnit * duration).toBeGreaterThan(1e9);
    expect(xToPosition(v, v.width / 2)).toBeCloseTo(5400.5, 6);
    await vi.waitFor(() => expect(document.querySelector('[aria-label="Zoom level"]')!.textContent).toMatch(/^[\d.]+M×$/));
    // The waveform is still drawn there (from the finest peaks): the band's middle row has ink all across.
    const canvas = host.querySelector<HTMLCanvasElement>('[data-testid="lk-audio-canvas"]')!;
    const layout = trackLayout([0], 120, 0);
    await vi.waitFor(() => {
      for (const x of [5, 300, 600, 895]) expect(inkInColumn(canvas, x, layout.waveTop + 55, layout.waveTop + 65)).toBeGreaterThan(0);
    });
    act(() => ref.current!.zoomTo(0));
    expect(ref.current!.getViewport().pxPerUnit).toBe(fit);
  });
});
