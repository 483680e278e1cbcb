/**
 * `@labelkit/video/frames`: a video's own frames, 0-based in presentation order, read from the
 * container and decoded with WebCodecs in a worker (or shown by a verified `<video>` element where
 * WebCodecs cannot decode the file). Usable without the annotator.
 */
export { openVideo, type OpenVideoOptions, type VideoFrames, type FramePath } from './open-video.js';
