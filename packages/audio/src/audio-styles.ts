/**
 * The audio annotator's own styles (over labelkit's shared ones, `LabelkitStyles`) and the constants
 * of its layout and rendering: band heights, canvas settings, playback rates, the zoom badge's format.
 */

/** The playback rates offered (the rate select, and the slower/faster keys step through them). */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];
/** The zoom badge: 8×, 32.8K×, 3.3M×. */
export const ZOOM_FACTOR = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** Sample rate assumed for audio given as peaks when neither the host nor the file says. */
export const DEFAULT_SAMPLE_RATE = 48_000;
/** Height of the spectrogram band, CSS pixels. */
export const SPECTROGRAM_HEIGHT = 128;
/** Height of the overview strip, CSS pixels. */
export const OVERVIEW_HEIGHT = 36;
/** wavesurfer's waveform renderer: draws nothing (the track canvas draws the waveform; see CANVAS_OPTIONS). */
export const DRAW_NOTHING = (): void => undefined;

/**
 * The track and overview canvases (and the overview's cache, which would otherwise make the overview
 * GPU-backed when drawn into it) are CPU-backed: Chromium paints such a canvas into its parent's tiles
 * (re-rastered only when it is redrawn) instead of giving it its own GPU texture layer. The waveform
 * is drawn on the track canvas too, under the segments, rather than by wavesurfer's renderer (several
 * canvases per scroll chunk in a scroll container in its shadow DOM, each a composited layer the drag
 * overlay was blended over in every frame): the whole track is then one layer of the page, and a drag
 * composites only the two small overlay layers on top of it. Measured in software-rendered Chromium
 * (see docs/benchmarks.md): fewer layers, less work per frame. A GPU-backed track canvas was measured
 * too: it keeps a redraw's damage small but costs more in all than re-rastering the canvas' tiles.
 */
export const CANVAS_OPTIONS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

// No border-radius on the track or the overview: a rounded clip over composited canvases and the drag
// overlay makes the compositor redraw them through a mask every frame (measured: about twice the frame
// time of a drag in software-rendered Chromium).
// The root's focus ring is drawn by `.lk-audio__ring`, an empty first child with the root's box, not by
// the root's own outline: an element's outline paints after all its descendants, so over the composited
// canvases it forces a transparent compositing layer as big as the whole component (plus squashed
// neighbours) that the compositor blends into every frame — measured: about half the frame time of a
// drag in software-rendered Chromium while the root has focus (as it does during any drag). Painted
// first among the positioned children (the overview is positioned, with no offset, so that it too paints
// after the ring), the ring sits under the canvases, which never reach past the root's box; it looks the same.
// The drag overlay's shading (over the waveform) and box (in the lane) are layers of their own, so a move
// re-composites those two small rectangles rather than a layer the height of the whole track.
// wavesurfer's view is `display: none` unless the spectrogram is shown; then its own waveform canvases
// are hidden through their shadow parts, and only the spectrogram under them shows.
export const AUDIO_CSS = `
.lk-audio{position:relative;display:flex;flex-direction:column;gap:var(--lk-space-2,8px);border-radius:var(--lk-radius,6px);}
.lk-root.lk-audio:focus-visible{outline:none;}
.lk-audio__ring{position:absolute;inset:0;border-radius:inherit;pointer-events:none;}
.lk-audio:focus-visible>.lk-audio__ring{outline:var(--lk-focus-ring-width) solid var(--lk-focus-ring);outline-offset:2px;}
.lk-audio__track{position:relative;border:1px solid var(--lk-border);overflow:hidden;background:var(--lk-surface);}
.lk-audio__wave{position:absolute;left:0;right:0;}
.lk-audio__wave ::part(canvases),.lk-audio__wave ::part(progress),.lk-audio__wave ::part(cursor){visibility:hidden;}
.lk-audio__canvas{position:absolute;left:0;top:0;touch-action:none;}
.lk-audio__overview{position:relative;display:block;width:100%;border:1px solid var(--lk-border);cursor:pointer;}
.lk-audio__time{font-variant-numeric:tabular-nums;min-width:12ch;}
.lk-audio__details{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:var(--lk-space-2,8px);align-items:end;}
.lk-audio__details label{display:flex;flex-direction:column;gap:2px;font-size:12px;color:var(--lk-text-muted);}
.lk-audio__transcript{grid-column:1/-1;}
.lk-audio__summary,.lk-audio__suggestion-actions{grid-column:1/-1;margin:0;}
.lk-audio__details[data-empty] .lk-audio__summary{color:var(--lk-text-muted);}
.lk-audio__help{font-size:12px;color:var(--lk-text-muted);margin:0;}
.lk-audio__drag{position:absolute;left:0;top:0;visibility:hidden;pointer-events:none;will-change:transform;}
.lk-audio__drag-shade,.lk-audio__drag-box,.lk-audio__drag-fill{position:absolute;left:0;right:0;}

.lk-audio__drag-shade{opacity:.18;}
.lk-audio__drag-fill{top:0;bottom:0;opacity:.55;}
.lk-audio__drag-box{box-sizing:border-box;border:2px solid var(--lk-text,#1b1f24);display:flex;align-items:center;gap:4px;padding:0 4px;overflow:hidden;white-space:nowrap;font:600 11px system-ui,sans-serif;color:var(--lk-text,#1b1f24);}
.lk-audio__drag-badge,.lk-audio__drag-caption{position:relative;}
.lk-audio__drag-badge{background:var(--lk-text,#1b1f24);color:var(--lk-surface,#fff);font-size:10px;padding:0 3px;line-height:14px;}
.lk-audio__drag-badge:empty{display:none;}
.lk-audio__drag-edge{position:absolute;top:3px;bottom:3px;width:4px;background:var(--lk-text,#1b1f24);}
`;
