import { useCallback, useRef, useState } from 'react';
import { SPAN_TOOL_IDLE, spanTool, type SpanToolContext, type SpanToolEffect, type SpanToolEvent, type SpanToolResult, type SpanToolState } from './span-tool.js';

/** What {@link useSpanTool} returns. */
export interface SpanToolHandle {
  /** The tool's state as of this render. */
  state: SpanToolState;
  /** Feeds one event to the tool (its latest state, even between renders) and carries out its effects. */
  dispatch(event: SpanToolEvent): SpanToolResult;
  /** The tool's latest state (for window listeners). */
  current(): SpanToolState;
}

/** The span tool state machine (span-tool.ts) in React: state for rendering, effects carried out by `onEffect`. */
export function useSpanTool(context: SpanToolContext, onEffect: (effect: SpanToolEffect) => void): SpanToolHandle {
  const [state, setState] = useState<SpanToolState>(SPAN_TOOL_IDLE);
  const ref = useRef(state);
  const latest = useRef({ context, onEffect });
  latest.current = { context, onEffect };
  const dispatch = useCallback((event: SpanToolEvent) => {
    const r = spanTool(ref.current, event, latest.current.context);
    ref.current = r.state;
    setState(r.state);
    for (const e of r.effects) latest.current.onEffect(e);
    return r;
  }, []);
  const current = useCallback(() => ref.current, []);
  return { state, dispatch, current };
}
