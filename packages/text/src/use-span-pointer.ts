import { useEffect, useRef } from 'react';
import type { OffsetIndex } from '@labelkit/core';
import { caretFromPoint, domPointToUtf16 } from './dom-offsets.js';
import type { SpanToolHandle } from './use-span-tool.js';

/** Options of {@link useSpanPointer}. */
export interface SpanPointerOptions {
  tool: SpanToolHandle;
  /** The element holding the rendered text (offsets are read relative to it). */
  contentRef: React.RefObject<HTMLElement | null>;
  /** The focusable surface (a handle press focuses it). */
  surfaceRef: React.RefObject<HTMLElement | null>;
  text: string;
  index: OffsetIndex;
  /** Span edges have drag handles (not read-only, not the review look). */
  handles: boolean;
  /** A click without a selection, on the fragment starting at code point `cp` (null off the text). */
  onClick(cp: number | null): void;
}

/** The pointer handlers of the surface. */
export interface SpanPointerHandlers {
  onPointerDown(e: React.PointerEvent): void;
  onMouseUp(e: React.MouseEvent): void;
}

/**
 * Translates the DOM's pointer events into the span tool's events: presses (on a span's handle,
 * or on the text), moves while a handle is dragged (window listeners, so the pointer may leave the
 * text), and the release with the browser's own selection, read in code points.
 */
export function useSpanPointer(o: SpanPointerOptions): SpanPointerHandlers {
  const latest = useRef(o);
  latest.current = o;
  /** A DOM point in the text as a code-point offset, or null outside it. */
  const offsetOf = (node: Node, offset: number): number | null => {
    const { contentRef, index, text } = latest.current;
    const content = contentRef.current;
    if (!content) return null;
    const u = domPointToUtf16(content, node, offset);
    return u === null ? null : index.toCodePoint(Math.min(u, text.length));
  };
  const offsetAt = (x: number, y: number): number | null => {
    const p = caretFromPoint(x, y);
    const content = latest.current.contentRef.current;
    return p && content?.contains(p.node) ? offsetOf(p.node, p.offset) : null;
  };

  useEffect(() => {
    const move = (e: PointerEvent) => {
      if (latest.current.tool.current().name === 'resizing') latest.current.tool.dispatch({ type: 'pointermove', offset: offsetAt(e.clientX, e.clientY) });
    };
    const up = (e: PointerEvent) => {
      if (latest.current.tool.current().name === 'resizing') latest.current.tool.dispatch({ type: 'pointerup', offset: offsetAt(e.clientX, e.clientY), selection: null });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    // Registered once: the listeners read the latest options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return {
    onPointerDown(e) {
      if (e.button !== 0) return;
      const { tool, surfaceRef, handles } = latest.current;
      const handle = handles ? (e.target as Element).closest?.('.lk-text-handle') : null;
      if (handle) {
        e.preventDefault();
        surfaceRef.current?.focus();
        tool.dispatch({ type: 'pointerdown', offset: null, handle: { id: handle.getAttribute('data-lk-handle-for') ?? '', edge: handle.getAttribute('data-edge') === 'start' ? 'start' : 'end' } });
        return;
      }
      tool.dispatch({ type: 'pointerdown', offset: offsetAt(e.clientX, e.clientY) });
    },
    onMouseUp(e) {
      const { tool, contentRef, onClick } = latest.current;
      const content = contentRef.current;
      if (e.button !== 0 || !content) return;
      const sel = window.getSelection();
      let selection: { anchor: number; focus: number } | null = null;
      if (sel && !sel.isCollapsed && sel.anchorNode && sel.focusNode && content.contains(sel.anchorNode) && content.contains(sel.focusNode)) {
        const a = offsetOf(sel.anchorNode, sel.anchorOffset);
        const b = offsetOf(sel.focusNode, sel.focusOffset);
        sel.removeAllRanges();
        if (a === null || b === null) return;
        selection = { anchor: a, focus: b };
      }
      const r = tool.dispatch({ type: 'pointerup', offset: offsetAt(e.clientX, e.clientY), selection });
      if (!r.effects.some((x) => x.type === 'click')) return;
      const frag = (e.target as Element).closest?.('.lk-text-frag');
      onClick(frag ? Number(frag.getAttribute('data-lk-cp')) : null);
    },
  };
}
