import { hitArea, type ImageAnnotation } from './shapes.js';

/** A shape under the pointer, and whether it is selected. */
export interface HitCandidate {
  shape: ImageAnnotation;
  selected: boolean;
}

/**
 * Which of the shapes under a point a press means: a selected one wins, then the innermost (the
 * smallest hit area: a box inside a box), then — for equal areas, a box pasted over itself — the one
 * on top (highest `zOf`, asked only for such ties). `null` when there is none.
 */
export function pickHit(candidates: Iterable<HitCandidate>, zOf: (id: string) => number): ImageAnnotation | null {
  let best: HitCandidate | null = null;
  for (const c of candidates) {
    if (best === null || (c.selected && !best.selected)) {
      best = c;
      continue;
    }
    if (c.selected !== best.selected) continue;
    const area = hitArea(c.shape);
    const bestArea = hitArea(best.shape);
    if (area < bestArea || (area === bestArea && zOf(c.shape.id) > zOf(best.shape.id))) best = c;
  }
  return best?.shape ?? null;
}
