/**
 * `@labelkit/video`: frame-exact video for labelkit. The frame index and frames are also usable alone
 * from `@labelkit/video/frames`; the track annotator is coming (issue 14).
 */
export { openVideo, type OpenVideoOptions, type VideoFrames, type FramePath } from './frames/index.js';
