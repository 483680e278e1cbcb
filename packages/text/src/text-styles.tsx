import { useStyleSheet } from '@labelkit/react';

/** Pixels between stacked underline lanes, and the thickness of one underline. */
export const LANE_PX = 5;
/** Thickness of one span underline, CSS pixels. */
export const UNDERLINE_PX = 3;

/** Stylesheet of the text annotators (scoped to `.lk-text`), on top of `<LabelkitStyles />`. */
export const TEXT_CSS = `
.lk-text{position:relative;display:flex;flex-direction:column;gap:var(--lk-space-2);}
.lk-text-surface{position:relative;border:1px solid var(--lk-border);border-radius:var(--lk-radius);background:var(--lk-surface);}
.lk-text-surface:focus-visible{outline:var(--lk-focus-ring-width) solid var(--lk-focus-ring);outline-offset:2px;}
.lk-text-scroll{overflow:auto;padding:var(--lk-space-3) var(--lk-space-4,16px);}
.lk-text-para{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;margin:0;font-size:16px;}
.lk-text-para[data-continued="false"]{padding-top:2px;}
.lk-text-frag[data-lk-has]{border-radius:2px;background-repeat:no-repeat;cursor:pointer;}
.lk-text-pending{background-color:var(--lk-accent-soft);outline:1px solid var(--lk-accent);}
.lk-text-frag[data-lk-selected]{box-shadow:inset 0 2px 0 var(--lk-accent);}
.lk-text-frag[data-lk-focused-suggestion]{box-shadow:inset 0 2px 0 var(--lk-suggestion);}
.lk-text-frag[data-lk-end]::after{content:attr(data-lk-end);display:inline-block;margin:0 2px;padding:0 4px;font-size:11px;line-height:1.4;vertical-align:super;border-radius:999px;background:var(--lk-surface-raised);color:var(--lk-text);border:1px solid var(--lk-border);white-space:nowrap;user-select:none;pointer-events:none;}
.lk-text-caret{display:inline-block;width:0;height:1.25em;vertical-align:text-bottom;margin:0 -1px;border-left:2px solid var(--lk-text);animation:lk-text-blink 1s steps(1) infinite;pointer-events:none;}
.lk-text-surface:not(:focus-within) .lk-text-caret{visibility:hidden;}
@keyframes lk-text-blink{50%{opacity:0;}}
@media (prefers-reduced-motion: reduce){.lk-text-caret{animation:none;}}
.lk-text-handle{position:relative;display:inline-block;width:10px;margin:0 -5px;height:1.3em;vertical-align:text-bottom;user-select:none;z-index:1;}
.lk-text-handle::before{content:"";position:absolute;top:-3px;bottom:-3px;left:3px;width:4px;background:var(--lk-accent);border-radius:2px;}
.lk-text-handle::after{content:"";position:absolute;left:-1px;width:12px;height:12px;border-radius:50%;background:var(--lk-accent);border:2px solid var(--lk-surface);cursor:ew-resize;touch-action:none;}
.lk-text-handle[data-edge="start"]::after{top:-12px;}
.lk-text-handle[data-edge="end"]::after{bottom:-12px;}
.lk-text-handle{pointer-events:auto;cursor:ew-resize;}
.lk-text-legend{display:flex;flex-wrap:wrap;gap:var(--lk-space-2);align-items:center;}
.lk-text-swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-1px;box-shadow:inset 0 0 0 1px rgba(0,0,0,.3);}
.lk-text-picker{display:flex;flex-direction:column;gap:var(--lk-space-1);max-width:480px;}
.lk-text-status{font-size:var(--lk-font-size-sm);color:var(--lk-text-muted);margin:0;min-height:1.4em;}
.lk-text-details{display:flex;flex-direction:column;gap:var(--lk-space-2);}
.lk-text-details h3{font-size:var(--lk-font-size);margin:0;}
.lk-text-quote{white-space:pre-wrap;font-style:italic;}
.lk-text[data-review] .lk-text-frag[data-lk-has]{cursor:default;}
.lk-intent-items{list-style:none;margin:0;padding:0;}
.lk-intent-row{padding:0 0 var(--lk-space-2);}
.lk-intent-item{display:flex;flex-direction:column;gap:var(--lk-space-1);padding:var(--lk-space-2) var(--lk-space-3);border:1px solid var(--lk-border);border-radius:var(--lk-radius-sm);}
.lk-intent-item[data-current="true"]{border-color:var(--lk-accent);box-shadow:inset 3px 0 0 var(--lk-accent);background:var(--lk-surface-raised);}
.lk-intent-speaker{font-size:var(--lk-font-size-sm);font-weight:600;color:var(--lk-text-muted);}
.lk-intent-tags{display:flex;flex-wrap:wrap;gap:var(--lk-space-1);min-height:1.6em;}
.lk-intent-chip{display:inline-flex;align-items:center;gap:4px;}
.lk-intent-chip[data-suggested]{border-style:dashed;}
`;

/** Puts {@link TEXT_CSS} into `<head>` once per document while a text annotator is mounted (React 18 and 19). */
export function TextStyles(): null {
  useStyleSheet('labelkit-text', TEXT_CSS);
  return null;
}
