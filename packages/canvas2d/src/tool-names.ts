import type { ImageAction } from './keymap.js';
import type { ImageTool } from './shapes.js';

/** The active tool: one of the drawing tools, or `select` (select, move, edit). */
export type ActiveTool = ImageTool | 'select';

/** What a labeller calls each kind of shape, in messages ("Deleted Car box"). */
export const KIND_NAMES: Record<ImageTool, string> = { bbox: 'box', polygon: 'polygon', keypoints: 'skeleton' };

/** The keymap action that switches to each tool. */
export const TOOL_ACTIONS: Record<ActiveTool, ImageAction> = { select: 'toolSelect', bbox: 'toolBox', polygon: 'toolPolygon', keypoints: 'toolKeypoints' };

/** The name of each tool, on its button and in messages ("Box tool"). */
export const TOOL_TITLES: Record<ActiveTool, string> = { select: 'Select', bbox: 'Box', polygon: 'Polygon', keypoints: 'Keypoints' };
