/** An axis-aligned rectangle in image pixels. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A uniform-grid spatial index of rectangles by id: O(1) insert/update/remove, and queries that
 * touch only the cells a rectangle covers. Items covering more than `maxCellsPerItem` cells go into
 * a small "large items" list that every query checks, so one huge box never fills the grid.
 */
export interface SpatialIndex {
  /** Adds or moves an item. */
  set(id: string, bounds: Bounds): void;
  /** Removes an item (unknown ids are ignored). */
  delete(id: string): void;
  /** Removes everything. */
  clear(): void;
  /** The bounds stored for `id`. */
  get(id: string): Bounds | undefined;
  /** Ids of items whose bounds intersect `rect` (each once, in no particular order). */
  query(rect: Bounds): string[];
  /** Ids of items whose bounds contain `point` (expanded by `slop` pixels). */
  queryPoint(x: number, y: number, slop?: number): string[];
  /** Number of items. */
  readonly size: number;
}

/** Options of {@link createSpatialIndex}. */
export interface SpatialIndexOptions {
  /** Grid cell edge in image pixels. Default 128. */
  cellSize?: number;
  /** Items covering more cells than this are kept in a separate list. Default 256. */
  maxCellsPerItem?: number;
}

interface Entry {
  bounds: Bounds;
  /** Cell keys the item is in; empty for a large item. */
  cells: number[];
  /** Column and row of the item's first (top-left) cell. */
  cx: number;
  cy: number;
}

/** Creates an empty {@link SpatialIndex}. */
export function createSpatialIndex(options: SpatialIndexOptions = {}): SpatialIndex {
  const cell = options.cellSize ?? 128;
  const maxCells = options.maxCellsPerItem ?? 256;
  const grid = new Map<number, Set<string>>();
  const entries = new Map<string, Entry>();
  const large = new Set<string>();
  // Cell coordinates are packed into one number; ±2^20 cells is far beyond any image.
  const key = (cx: number, cy: number): number => (cx + 1048576) * 2097152 + (cy + 1048576);
  const range = (b: Bounds): [number, number, number, number] => [
    Math.floor(b.x / cell),
    Math.floor(b.y / cell),
    Math.floor((b.x + Math.max(0, b.width)) / cell),
    Math.floor((b.y + Math.max(0, b.height)) / cell),
  ];
  const intersects = (a: Bounds, b: Bounds): boolean =>
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

  const remove = (id: string): void => {
    const e = entries.get(id);
    if (!e) return;
    for (const k of e.cells) {
      const s = grid.get(k);
      if (s) {
        s.delete(id);
        if (s.size === 0) grid.delete(k);
      }
    }
    large.delete(id);
    entries.delete(id);
  };

  const index: SpatialIndex = {
    set(id, bounds) {
      remove(id);
      const [x0, y0, x1, y1] = range(bounds);
      const cells: number[] = [];
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > maxCells) large.add(id);
      else {
        for (let cx = x0; cx <= x1; cx++) {
          for (let cy = y0; cy <= y1; cy++) {
            const k = key(cx, cy);
            let s = grid.get(k);
            if (!s) grid.set(k, (s = new Set()));
            s.add(id);
            cells.push(k);
          }
        }
      }
      entries.set(id, { bounds: { ...bounds }, cells, cx: x0, cy: y0 });
    },
    delete: remove,
    clear() {
      grid.clear();
      entries.clear();
      large.clear();
    },
    get: (id) => entries.get(id)?.bounds,
    query(rect) {
      const out: string[] = [];
      const [x0, y0, x1, y1] = range(rect);
      const cellCount = (x1 - x0 + 1) * (y1 - y0 + 1);
      if (cellCount > grid.size) {
        // The rectangle covers more cells than are occupied: scanning the items is cheaper.
        for (const [id, e] of entries) if (intersects(e.bounds, rect)) out.push(id);
        return out;
      }
      // An item in several of the visited cells is reported from one of them only: the first cell of
      // the query that it covers (its own first cell, moved into the query's range). No "seen" set.
      for (let cx = x0; cx <= x1; cx++) {
        for (let cy = y0; cy <= y1; cy++) {
          const s = grid.get(key(cx, cy));
          if (!s) continue;
          for (const id of s) {
            const e = entries.get(id);
            if (!e || (e.cx > x0 ? e.cx : x0) !== cx || (e.cy > y0 ? e.cy : y0) !== cy) continue;
            if (intersects(e.bounds, rect)) out.push(id);
          }
        }
      }
      for (const id of large) {
        const e = entries.get(id);
        if (e && intersects(e.bounds, rect)) out.push(id);
      }
      return out;
    },
    queryPoint(x, y, slop = 0) {
      return index.query({ x: x - slop, y: y - slop, width: 2 * slop, height: 2 * slop });
    },
    get size() {
      return entries.size;
    },
  };
  return index;
}
