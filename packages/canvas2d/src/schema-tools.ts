import { labelsForKind, type Label, type LabelSchema } from '@labelkit/core';
import type { ImageTool } from './shapes.js';

const DRAWING_TOOLS = ['bbox', 'polygon', 'keypoints'] as const;

/** Whether a label can be drawn with `kind` (a skeleton label needs at least one keypoint). */
const drawable = (l: Label, kind: ImageTool): boolean => kind !== 'keypoints' || (l.skeleton?.keypoints.length ?? 0) > 0;

/**
 * The drawing tools the annotator offers: every kind some label of the schema allows (`keypoints`
 * only with a label that has a skeleton), narrowed to `only` when the host names the tools.
 */
export function drawingToolsOf(schema: LabelSchema, only?: readonly ImageTool[]): ImageTool[] {
  const allowed = DRAWING_TOOLS.filter((k) => labelsForKind(schema, k).some((l) => drawable(l, k)));
  return only ? allowed.filter((t) => only.includes(t)) : allowed;
}

/** The label a new shape of `kind` gets: the active label if it allows `kind`, else the first label that does. */
export function labelForTool(schema: LabelSchema, kind: ImageTool, activeLabel: string | undefined): Label | undefined {
  const allowed = labelsForKind(schema, kind).filter((l) => drawable(l, kind));
  return allowed.find((l) => l.id === activeLabel) ?? allowed[0];
}

/** The labels listed in the side panel: the selectable ones that one of `tools` can draw. */
export function panelLabelsOf(schema: LabelSchema, tools: readonly ImageTool[]): Label[] {
  return schema.labels.filter((l) => l.selectable && l.kinds.some((k) => tools.includes(k as ImageTool)));
}
