import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { HeightIndex } from './height-index.js';

/** Estimated number of wrapped lines of `length` UTF-16 units at a width of `width` pixels (about 8.5 px a character). */
export function estimateLines(length: number, width: number): number {
  return Math.max(1, Math.ceil(length / Math.max(10, Math.floor(width / 8.5))));
}

/** Options of {@link useVirtualWindow}. */
export interface VirtualWindowOptions {
  /** Number of blocks (text chunks, tagged items). */
  count: number;
  /** Estimated height of block `i` in pixels at the scroller's `width`; measured heights replace it. */
  estimate(i: number, width: number): number;
  /** Estimates are made again when this changes (the blocks changed). */
  blocks: unknown;
  /** The scroller's largest height (CSS length or pixels). */
  height: number | string;
  /** The `data-*` attribute (dataset key) holding a rendered block's index, e.g. `lkChunk` for `data-lk-chunk`. */
  indexAttribute: string;
}

/** What {@link useVirtualWindow} returns. */
export interface VirtualWindow {
  /** First and last block to render (overscan included). */
  first: number;
  last: number;
  heights: HeightIndex;
  /** The scrolling element. */
  scrollRef: React.RefObject<HTMLElement | null>;
  /** The element whose children are the rendered blocks. */
  contentRef: React.RefObject<HTMLElement | null>;
  topSpacerRef: React.RefObject<HTMLDivElement | null>;
  bottomSpacerRef: React.RefObject<HTMLDivElement | null>;
  /** Moves the window to the scroller's position (its `onScroll`). */
  syncWindow(): void;
}

/**
 * Virtualised scrolling of a long list of blocks: only the window of blocks in view (plus an
 * overscan) is state, so scrolling inside it re-renders nothing; block heights are estimated, then
 * measured after each render, with spacers above and below standing in for the rest.
 */
export function useVirtualWindow({ count, estimate, blocks, height, indexAttribute }: VirtualWindowOptions): VirtualWindow {
  const sizeRef = useRef({ height: typeof height === 'number' ? height : 480, width: 720 });
  const estimateRef = useRef(estimate);
  estimateRef.current = estimate;
  // Re-estimated only when the blocks change; measurements then replace the estimates.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const heights = useMemo(() => new HeightIndex(count, (i) => estimateRef.current(i, sizeRef.current.width)), [blocks, count]);
  const heightsRef = useRef(heights);
  heightsRef.current = heights;
  const [win, setWin] = useState(() => heights.visibleRange(0, sizeRef.current.height, 4));
  const scrollRef = useRef<HTMLElement | null>(null);
  const contentRef = useRef<HTMLElement | null>(null);
  const topSpacerRef = useRef<HTMLDivElement | null>(null);
  const bottomSpacerRef = useRef<HTMLDivElement | null>(null);

  const syncWindow = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const r = heightsRef.current.visibleRange(el.scrollTop, el.clientHeight || sizeRef.current.height, 4);
    setWin((w) => (w.first === r.first && w.last === r.last ? w : r));
  }, []);
  /** Replaces estimates with the rendered blocks' real heights; fixes the spacers; moves the window if needed. */
  const measure = useCallback(() => {
    const content = contentRef.current;
    if (!content) return;
    const h = heightsRef.current;
    let changed = false;
    let lo = Infinity;
    let hi = -1;
    for (const el of content.children) {
      const i = Number((el as HTMLElement).dataset[indexAttribute]);
      if (!Number.isInteger(i)) continue;
      lo = Math.min(lo, i);
      hi = Math.max(hi, i);
      if (h.set(i, (el as HTMLElement).offsetHeight)) changed = true;
    }
    if (!changed || hi < 0) return;
    if (topSpacerRef.current) topSpacerRef.current.style.height = `${h.offsetOf(lo)}px`;
    if (bottomSpacerRef.current) bottomSpacerRef.current.style.height = `${h.total - h.offsetOf(hi + 1)}px`;
    syncWindow();
  }, [syncWindow, indexAttribute]);

  useLayoutEffect(() => {
    measure();
  });
  useLayoutEffect(() => {
    syncWindow();
  }, [blocks, syncWindow]);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      sizeRef.current = { height: el.clientHeight, width: el.clientWidth };
      measure();
      syncWindow();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure, syncWindow]);

  return { first: Math.min(win.first, count - 1), last: Math.min(win.last, count - 1), heights, scrollRef, contentRef, topSpacerRef, bottomSpacerRef, syncWindow };
}
