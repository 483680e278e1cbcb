/**
 * What pointer gestures do to segments, as a pure state machine over normalised events: the
 * rendering layer turns native pointer events into {@link ToolEvent}s (time in seconds, lane index,
 * what was hit) and carries out the {@link ToolEffect}s this returns. No DOM, testable in Node.
 *
 * States: `idle` → `pointing` (button down, not yet dragged) → `creating` | `moving` | `resizing`
 * → `idle`. A press that never passes the drag threshold is a click: it selects the segment hit, or
 * clears the selection and seeks when it hit nothing. Without a duration (the audio has not loaded)
 * a drag on the empty track creates nothing and says so (`cannotCreate`): a segment is never empty.
 */

/** Modifier keys held during an event. */
export interface ToolModifiers {
  shift?: boolean;
  alt?: boolean;
  /** Ctrl, or ⌘ on a Mac. */
  mod?: boolean;
}

/** What a pointer is over: a segment's body, or one of its edges. */
export interface ToolHit {
  /** The segment's id. */
  id: string;
  /** `start`/`end`: within a few pixels of that edge; `body`: elsewhere on it. */
  part: 'start' | 'end' | 'body';
}

/** A normalised pointer event. */
export type ToolEvent =
  | { type: 'pointerdown'; time: number; lane: number; modifiers?: ToolModifiers; hit?: ToolHit | null }
  | { type: 'pointermove'; time: number; lane: number; modifiers?: ToolModifiers }
  | { type: 'pointerup'; time: number; lane: number; modifiers?: ToolModifiers }
  | { type: 'cancel' };

/** A segment's extent as the tool sees it. */
export interface ToolSegment {
  start: number;
  end: number;
  lane: number;
}

/** What the tool needs to know about the world. */
export interface ToolContext {
  /** Audio duration, seconds; every result stays in `[0, duration]`. */
  duration: number;
  /** Shortest segment, seconds (> 0). */
  minLength: number;
  /** Distance in seconds the pointer must travel before a press becomes a drag (a few pixels at the current zoom). */
  dragThreshold: number;
  /** Looks up a segment by id. */
  get(id: string): ToolSegment | undefined;
  /** Optional edge snapping (e.g. to zero crossings); identity when absent. */
  snap?: (time: number) => number;
  /** No edits: presses only select and seek. */
  readOnly?: boolean;
}

/** The tool's state; `type` is the state's name. */
export type ToolState =
  | { type: 'idle' }
  | { type: 'pointing'; time: number; lane: number; hit: ToolHit | null; additive: boolean }
  | { type: 'creating'; anchor: number; lane: number; start: number; end: number }
  | { type: 'moving'; id: string; grab: number; original: ToolSegment; start: number; end: number; lane: number }
  | { type: 'resizing'; id: string; edge: 'start' | 'end'; original: ToolSegment; start: number; end: number };

/** Something for the rendering layer to do. */
export type ToolEffect =
  /** Select this segment (`additive`: add to the selection), or clear the selection (`id: null`). */
  | { type: 'select'; id: string | null; additive?: boolean }
  /** Move the playhead. */
  | { type: 'seek'; time: number }
  /** Show the segment being drawn (not yet in the store). */
  | { type: 'preview'; start: number; end: number; lane: number }
  /** Stop showing the preview. */
  | { type: 'clearPreview' }
  /** Add a new segment. */
  | { type: 'create'; start: number; end: number; lane: number }
  /** An edit gesture (move or resize) starts: what follows is one edit (one undo step). */
  | { type: 'beginGesture'; id: string }
  /**
   * The segment's extent during a gesture, after every move, and its final value before `endGesture`.
   * The annotator keeps it as a draft (drawn, not stored) and commits the last one at `endGesture`.
   */
  | { type: 'update'; id: string; start: number; end: number; lane: number }
  /** The gesture ends (`cancelled`: the last `update` put the segment back where it was; nothing to commit). */
  | { type: 'endGesture'; id: string; cancelled: boolean }
  /** A drag on the empty track made no segment: the audio has no duration yet (not loaded, or failed to). */
  | { type: 'cannotCreate'; reason: 'no-duration' };

/** One step of the machine. */
export interface ToolStep {
  state: ToolState;
  effects: ToolEffect[];
}

/** The initial state. */
export const IDLE: ToolState = { type: 'idle' };

const clamp = (t: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, t));

/** `[a, b]` ordered, snapped, clamped to the file, at least `minLength` long (grown away from `anchor`). */
export function normaliseRange(a: number, b: number, ctx: Pick<ToolContext, 'duration' | 'minLength' | 'snap'>): { start: number; end: number } {
  const snap = ctx.snap ?? ((t: number) => t);
  let start = clamp(snap(Math.min(a, b)), 0, ctx.duration);
  let end = clamp(snap(Math.max(a, b)), 0, ctx.duration);
  if (end - start < ctx.minLength) {
    // Grow in the drag's direction; at the file's end grow backwards instead.
    if (b >= a) end = Math.min(ctx.duration, start + ctx.minLength);
    else start = Math.max(0, end - ctx.minLength);
    if (end - start < ctx.minLength) {
      if (start === 0) end = Math.min(ctx.duration, ctx.minLength);
      else start = Math.max(0, end - ctx.minLength);
    }
  }
  return { start, end };
}

/** Advances the tool by one event. Never mutates `state`. */
export function segmentTool(state: ToolState, event: ToolEvent, ctx: ToolContext): ToolStep {
  const snap = ctx.snap ?? ((t: number) => t);
  switch (state.type) {
    case 'idle': {
      if (event.type !== 'pointerdown') return { state, effects: [] };
      return { state: { type: 'pointing', time: event.time, lane: event.lane, hit: event.hit ?? null, additive: !!(event.modifiers?.shift || event.modifiers?.mod) }, effects: [] };
    }
    case 'pointing': {
      if (event.type === 'cancel') return { state: IDLE, effects: [] };
      if (event.type === 'pointerup') {
        const effects: ToolEffect[] = state.hit ? [{ type: 'select', id: state.hit.id, additive: state.additive }] : [{ type: 'select', id: null }, { type: 'seek', time: clamp(state.time, 0, ctx.duration) }];
        return { state: IDLE, effects };
      }
      if (event.type !== 'pointermove' || Math.abs(event.time - state.time) < ctx.dragThreshold) return { state, effects: [] };
      if (ctx.readOnly) return { state, effects: [] };
      const hit = state.hit;
      const seg = hit ? ctx.get(hit.id) : undefined;
      if (hit && seg && hit.part === 'body') {
        const next: ToolState = { type: 'moving', id: hit.id, grab: state.time - seg.start, original: seg, start: seg.start, end: seg.end, lane: seg.lane };
        const step = segmentTool(next, event, ctx);
        return { state: step.state, effects: [{ type: 'select', id: hit.id }, { type: 'beginGesture', id: hit.id }, ...step.effects] };
      }
      if (hit && seg && (hit.part === 'start' || hit.part === 'end')) {
        const next: ToolState = { type: 'resizing', id: hit.id, edge: hit.part, original: seg, start: seg.start, end: seg.end };
        const step = segmentTool(next, event, ctx);
        return { state: step.state, effects: [{ type: 'select', id: hit.id }, { type: 'beginGesture', id: hit.id }, ...step.effects] };
      }
      // Without a duration every time clamps to 0: a drag would make an empty segment.
      if (!(ctx.duration > 0)) return { state: IDLE, effects: [{ type: 'cannotCreate', reason: 'no-duration' }] };
      const creating: ToolState = { type: 'creating', anchor: state.time, lane: state.lane, start: state.time, end: state.time };
      return segmentTool(creating, event, ctx);
    }
    case 'creating': {
      if (event.type === 'cancel') return { state: IDLE, effects: [{ type: 'clearPreview' }] };
      if (event.type === 'pointerdown') return { state, effects: [] };
      const a = clamp(state.anchor, 0, ctx.duration);
      const b = clamp(event.time, 0, ctx.duration);
      if (event.type === 'pointermove') {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        return { state: { ...state, start, end }, effects: [{ type: 'preview', start: clamp(snap(start), 0, ctx.duration), end: clamp(snap(end), 0, ctx.duration), lane: state.lane }] };
      }
      const r = normaliseRange(a, b, ctx);
      if (!(r.end > r.start)) return { state: IDLE, effects: [{ type: 'clearPreview' }] };
      return { state: IDLE, effects: [{ type: 'clearPreview' }, { type: 'create', start: r.start, end: r.end, lane: state.lane }] };
    }
    case 'moving': {
      if (event.type === 'cancel') {
        const o = state.original;
        return { state: IDLE, effects: [{ type: 'update', id: state.id, start: o.start, end: o.end, lane: o.lane }, { type: 'endGesture', id: state.id, cancelled: true }] };
      }
      if (event.type === 'pointerdown') return { state, effects: [] };
      const len = state.original.end - state.original.start;
      let start = snap(event.time - state.grab);
      start = clamp(start, 0, Math.max(0, ctx.duration - len));
      const end = start + len;
      const lane = event.lane < 0 ? state.lane : event.lane;
      const update: ToolEffect = { type: 'update', id: state.id, start, end, lane };
      if (event.type === 'pointerup') return { state: IDLE, effects: [update, { type: 'endGesture', id: state.id, cancelled: false }] };
      return { state: { ...state, start, end, lane }, effects: [update] };
    }
    case 'resizing': {
      const o = state.original;
      if (event.type === 'cancel') return { state: IDLE, effects: [{ type: 'update', id: state.id, start: o.start, end: o.end, lane: o.lane }, { type: 'endGesture', id: state.id, cancelled: true }] };
      if (event.type === 'pointerdown') return { state, effects: [] };
      let { start, end } = o;
      // An edge cannot pass the other one: it stops `minLength` short of it.
      if (state.edge === 'start') start = clamp(snap(event.time), 0, o.end - ctx.minLength);
      else end = clamp(snap(event.time), o.start + ctx.minLength, ctx.duration);
      const update: ToolEffect = { type: 'update', id: state.id, start, end, lane: o.lane };
      if (event.type === 'pointerup') return { state: IDLE, effects: [update, { type: 'endGesture', id: state.id, cancelled: false }] };
      return { state: { ...state, start, end }, effects: [update] };
    }
  }
}

/**
 * The segment a keyboard "mark start, mark end" pair makes: ordered, clamped, at least `minLength`
 * long; `null` when both marks are at the same instant and no length can be made.
 */
export function segmentFromMarks(a: number, b: number, ctx: Pick<ToolContext, 'duration' | 'minLength' | 'snap'>): { start: number; end: number } | null {
  const r = normaliseRange(a, b, ctx);
  return r.end - r.start > 0 ? r : null;
}

/** Which part of which segment lies under `time` in `lane`, with `tolerance` seconds of slack at the edges; the topmost (last drawn) wins. */
export function hitTest(
  candidates: readonly { id: string; start: number; end: number }[],
  time: number,
  tolerance: number,
): ToolHit | null {
  let best: ToolHit | null = null;
  let bestDist = Infinity;
  for (const c of candidates) {
    if (time < c.start - tolerance || time > c.end + tolerance) continue;
    const ds = Math.abs(time - c.start);
    const de = Math.abs(time - c.end);
    // Prefer an edge within tolerance; for tiny segments keep the nearer edge.
    if (ds <= tolerance || de <= tolerance) {
      const part = ds <= de ? 'start' : 'end';
      const d = Math.min(ds, de);
      if (d <= bestDist) {
        best = { id: c.id, part };
        bestDist = d;
      }
    } else if (time >= c.start && time < c.end && bestDist === Infinity) {
      best = { id: c.id, part: 'body' };
    }
  }
  return best;
}
