/**
 * DOM ↔ text offsets for the text annotators. Every rendered piece of source text is an element with
 * `data-lk-u16` (the UTF-16 index of its first character in the whole text) holding exactly one text
 * node with the source characters, so a DOM point maps to an index by arithmetic alone.
 */

/** Attribute naming the UTF-16 start of a rendered text piece. */
export const U16_ATTR = 'data-lk-u16';

function pieceStart(el: Element): number {
  return Number(el.getAttribute(U16_ATTR));
}

function pieceEnd(el: Element): number {
  return pieceStart(el) + (el.textContent ?? '').length;
}

/** The first text piece at or inside `node` or after it within `root`, in document order. */
function firstPieceFrom(root: Element, node: Node | null): Element | null {
  for (let n: Node | null = node; n !== null && n !== root; ) {
    if (n instanceof Element) {
      if (n.hasAttribute(U16_ATTR)) return n;
      const inner = n.querySelector(`[${U16_ATTR}]`);
      if (inner) return inner;
    }
    let next: Node | null = n.nextSibling;
    let up: Node | null = n;
    while (next === null && up !== null && up !== root) {
      up = up.parentNode;
      next = up === root ? null : (up?.nextSibling ?? null);
    }
    n = next;
  }
  return null;
}

/** The last text piece at or inside `node` or before it within `root`, in document order. */
function lastPieceBefore(root: Element, node: Node | null): Element | null {
  for (let n: Node | null = node; n !== null && n !== root; ) {
    if (n instanceof Element) {
      if (n.hasAttribute(U16_ATTR)) return n;
      const all = n.querySelectorAll(`[${U16_ATTR}]`);
      if (all.length) return all[all.length - 1] ?? null;
    }
    let prev: Node | null = n.previousSibling;
    let up: Node | null = n;
    while (prev === null && up !== null && up !== root) {
      up = up.parentNode;
      prev = up === root ? null : (up?.previousSibling ?? null);
    }
    n = prev;
  }
  return null;
}

/**
 * The UTF-16 index in the whole source text of a DOM point (a selection's anchor or focus, a caret
 * from `caretPositionFromPoint`) inside `root`; `null` when no text piece is in reach. Points in
 * decorations or between blocks snap to the nearest piece edge in document order.
 */
export function domPointToUtf16(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest(`[${U16_ATTR}]`);
    if (piece && root.contains(piece)) return pieceStart(piece) + offset;
    const after = firstPieceFrom(root, node);
    if (after) return pieceStart(after);
    const before = lastPieceBefore(root, node);
    return before ? pieceEnd(before) : null;
  }
  const el = node as Element;
  if (el instanceof Element && el.hasAttribute(U16_ATTR)) return offset === 0 ? pieceStart(el) : pieceEnd(el);
  const child = node.childNodes[offset] ?? null;
  if (child) {
    const after = firstPieceFrom(root, child);
    if (after) return pieceStart(after);
  }
  const before = lastPieceBefore(root, offset > 0 ? (node.childNodes[offset - 1] ?? null) : node);
  return before ? pieceEnd(before) : null;
}

/** The DOM caret position under a viewport point, by whichever API the browser has. */
export function caretFromPoint(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
