/**
 * The image annotator's own styles, over labelkit's shared ones (`LabelkitStyles`): layout of the
 * toolbar, canvas, side panel and status line, and the popovers' placement. The canvas area is its
 * own stacking context (`isolation`): inside it the shape canvases sit over the photo layer by
 * z-index (see scene.ts), and that must not lift them over popovers outside it.
 */
export const IMAGE_CSS = `
.lk-image-annotator{display:flex;flex-direction:column;width:100%;height:100%;min-height:240px;position:relative;background:var(--lk-surface);border:1px solid var(--lk-border);border-radius:var(--lk-radius);overflow:hidden;}
.lk-image-annotator:focus-visible{outline:3px solid var(--lk-focus-ring);outline-offset:-3px;}
.lk-image-annotator>.lk-toolbar{padding:var(--lk-space-2);border-bottom:1px solid var(--lk-border);gap:var(--lk-space-1);align-items:stretch;}
.lk-image-annotator>.lk-toolbar .lk-toolbar-separator{margin:2px var(--lk-space-1);}
.lk-image-tool{padding:var(--lk-space-1) var(--lk-space-2);}
.lk-image-icon-button{min-width:32px;padding:var(--lk-space-1);justify-content:center;}
.lk-image-icon-button svg,.lk-image-tool svg{flex:none;}
.lk-image-icon-text{font-size:var(--lk-font-size-sm);font-weight:600;line-height:16px;}
.lk-image-label-button{margin-left:auto;max-width:22em;}
.lk-image-label-current{min-width:0;overflow:hidden;text-overflow:ellipsis;}
.lk-image-main{flex:1;display:flex;min-height:0;}
.lk-image-canvas{flex:1;position:relative;overflow:hidden;isolation:isolate;touch-action:none;background:repeating-conic-gradient(var(--lk-surface-hover) 0 25%,var(--lk-surface) 0 50%) 0 0/16px 16px;}
.lk-image-side{width:230px;flex:none;overflow:auto;border-width:0 0 0 1px;border-radius:0;display:flex;flex-direction:column;gap:var(--lk-space-3);}
.lk-image-side h3{margin:0;font-size:var(--lk-font-size-sm);text-transform:uppercase;letter-spacing:.04em;color:var(--lk-text-muted);}
.lk-image-labels{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:2px;}
.lk-image-labels li{display:flex;align-items:center;gap:var(--lk-space-1);}
.lk-image-labels .lk-button{min-height:24px;padding:0 var(--lk-space-2);}
.lk-image-label-name{flex:1;justify-content:flex-start;overflow:hidden;text-overflow:ellipsis;}
.lk-image-swatch{display:inline-block;width:10px;height:10px;border-radius:2px;flex:none;}
.lk-image-status{display:flex;gap:var(--lk-space-3);align-items:center;justify-content:space-between;padding:var(--lk-space-1) var(--lk-space-2);border-top:1px solid var(--lk-border);font-size:var(--lk-font-size-sm);color:var(--lk-text-muted);min-height:28px;}
.lk-image-picker{position:absolute;top:48px;left:50%;transform:translateX(-50%);z-index:5;box-shadow:0 8px 24px rgba(0,0,0,.25);}
.lk-image-help{position:absolute;right:240px;top:48px;z-index:5;max-height:70%;overflow:auto;font-size:var(--lk-font-size-sm);}
.lk-image-help dl{display:grid;grid-template-columns:auto auto;gap:2px var(--lk-space-3);margin:0;}
.lk-image-help dd{margin:0;}
.lk-image-popover-head{display:flex;align-items:center;justify-content:space-between;gap:var(--lk-space-2);margin-bottom:var(--lk-space-2);}
.lk-image-popover-head h3{margin:0;font-size:var(--lk-font-size-sm);}
.lk-image-popover-head .lk-button{min-height:24px;padding:0 var(--lk-space-2);}
.lk-image-shape-actions{display:flex;gap:var(--lk-space-1);}
.lk-image-shape-actions .lk-button{min-height:24px;padding:0 var(--lk-space-2);}
`;
