import { validateAnnotations } from '@labelkit/core';
import type { Dataset, FormatIssue } from './dataset.js';

/**
 * Checks every item's annotations against the dataset's schema and its media (span offsets against
 * `media.text`, segments against `media.duration`, keyframes against `media.frameCount`) with core's
 * `validateAnnotations`. Paths name the item: `items[2].annotations[5].end`.
 */
export function validateDataset(dataset: Dataset): FormatIssue[] {
  const issues: FormatIssue[] = [];
  dataset.items.forEach((item, i) => {
    const m = item.media;
    const context = {
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.width !== undefined ? { width: m.width } : {}),
      ...(m.height !== undefined ? { height: m.height } : {}),
      ...(m.duration !== undefined ? { duration: m.duration } : {}),
      ...(m.frameCount !== undefined ? { frameCount: m.frameCount } : {}),
    };
    for (const issue of validateAnnotations(dataset.schema, item.annotations, context)) {
      issues.push({ path: `items[${i}].annotations${issue.path}`, message: issue.message });
    }
  });
  return issues;
}
