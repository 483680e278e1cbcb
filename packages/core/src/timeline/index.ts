/** Timeline pieces shared by the audio and video annotators: an interval index over ranges of positions, and a 1-D zoom/scroll viewport. */
export * from './interval-index.js';
export * from './viewport.js';
