import Konva from 'konva';
import { SceneCanvas } from 'konva/lib/Canvas.js';
import type { ImageSize } from './events.js';
import type { View } from './viewport.js';

/** What the scene asks the annotator for when it draws (all in image pixels). */
export interface SceneModel {
  /** Draws the many static shapes (batched, culled). */
  drawStatic(ctx: CanvasRenderingContext2D, view: View): void;
  /** Draws the few live things: selected/hovered shapes, handles, previews, suggestions. */
  drawOverlay(ctx: CanvasRenderingContext2D, view: View): void;
}

const STATIC = 1;
const OVERLAY = 2;
const ALL = STATIC | OVERLAY;

/**
 * A non-listening layer whose canvas is rasterised on the CPU (`willReadFrequently`). Thousands of
 * thin strokes are what this scene draws, and they are where GPU-backed 2D canvases are slowest:
 * measured in headless Chromium with software GL, 10,000 `strokeRect`s on a 1000×620 canvas took
 * ~480 ms to reach the screen on a GPU-backed canvas and ~20 ms on a CPU-backed one. Machines without
 * a usable GPU (VMs, remote desktops) are common where people label data; on machines with one the
 * CPU rasteriser is still only a few milliseconds for this kind of content.
 *
 * Konva has no option for it, so this replaces the layer's canvas with one of its own `SceneCanvas`es
 * (konva/lib/Canvas.js) and releases the old one through its `_canvas` field: internals, so the peer
 * range is pinned to the Konva the browser test checks them against ("draws a view change crisply …
 * CPU-backed canvases" reads `willReadFrequently` back from every canvas): `>=10.9.1 <11`.
 */
function cpuLayer(): Konva.Layer {
  const layer = new Konva.Layer({ listening: false });
  Konva.Util.releaseCanvas(layer.canvas._canvas);
  layer.canvas = new SceneCanvas({ width: 0, height: 0, willReadFrequently: true });
  return layer;
}

/** Whether the photo is drawn smoothed at `zoom`: below 2x; from 2x its pixels stay sharp, as labellers expect. */
const smoothAt = (zoom: number): boolean => zoom < 2;

/** Photos up to this many pixels are shown by a layer of their own (see {@link ImageScene}); larger ones are drawn on the base layer. */
export const PHOTO_LAYER_MAX_PIXELS = 4096 * 4096;

/**
 * The Konva layer of the image annotator: a stage with two layers, each its own canvas — `base`
 * (ONE batched `Konva.Shape` for all static annotations) and `overlay` (one shape for the live
 * ones: a drag redraws only this). Each layer is one canvas to upload and composite per frame, so
 * there are as few as the redraw patterns need. The photo sits under them on a canvas of its own at
 * its full resolution, drawn once and placed with a CSS transform: a pan or zoom moves it in the
 * compositor (which samples it the way `drawImage` would: smoothed below 2x, nearest pixel from 2x)
 * instead of resampling it on the main thread every frame. Photos above
 * {@link PHOTO_LAYER_MAX_PIXELS} (a canvas that size would hold a second copy of a huge bitmap) are
 * drawn on the base layer under the shapes instead, from the decoded `ImageBitmap`. Nothing
 * listens on Konva's hit graph (`listening: false`, so no hit canvas is drawn or even allocated);
 * the annotator reads native pointer events and hit-tests with its spatial index.
 *
 * Every change marks layers dirty, and the dirty layers are drawn together once, in the next
 * animation frame, crisply at the current view (no CSS-scaled previews). {@link drawNow} draws the
 * dirty layers synchronously instead. Konva scales the canvases by `devicePixelRatio`, so drawing
 * stays crisp on high-DPI screens.
 */
export class ImageScene {
  /** The Konva stage (for tests and hosts that want to look inside). */
  readonly stage: Konva.Stage;
  private readonly base: Konva.Layer;
  private readonly overlay: Konva.Layer;
  private image: ImageBitmap | HTMLImageElement | null = null;
  private imageSize: ImageSize = { width: 0, height: 0 };
  /** Clips the photo layer to the stage. */
  private readonly photoBox: HTMLDivElement;
  /** The photo at full resolution, placed by CSS transform; unused (0×0) when the base layer draws the photo. */
  private readonly photo: HTMLCanvasElement;
  private view: View = { zoom: 1, x: 0, y: 0 };
  private dirty = 0;
  private frame: number | null = null;

  /** Creates the stage inside `container`. */
  constructor(container: HTMLDivElement, size: ImageSize, model: SceneModel) {
    this.stage = new Konva.Stage({ container, width: Math.max(1, size.width), height: Math.max(1, size.height), listening: false });
    this.base = cpuLayer();
    this.overlay = cpuLayer();
    // The view transform is applied inside the draw functions, not as Konva attributes: changing a
    // node's attributes makes Konva schedule its own extra redraw of the layer (autoDraw).
    const photoShape = new Konva.Shape({ listening: false, perfectDrawEnabled: false, sceneFunc: (ctx) => this.withView(ctx._context, (c) => this.drawPhoto(c)) });
    const staticShape = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx) => this.withView(ctx._context, (c, v) => model.drawStatic(c, v)),
    });
    const overlayShape = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx) => this.withView(ctx._context, (c, v) => model.drawOverlay(c, v)),
    });
    // The photo layer exists before the layers are added: adding them draws them, photo shape included.
    this.photoBox = document.createElement('div');
    this.photoBox.className = 'lk-image-photo';
    this.photoBox.style.cssText = 'position:absolute;left:0;top:0;right:0;bottom:0;overflow:hidden;pointer-events:none;z-index:0;';
    this.photo = document.createElement('canvas');
    this.photo.setAttribute('aria-hidden', 'true');
    this.photo.width = 0;
    this.photo.height = 0;
    this.photo.style.cssText = 'position:absolute;left:0;top:0;transform-origin:0 0;will-change:transform;display:none;';
    this.photoBox.append(this.photo);
    this.base.add(photoShape, staticShape);
    this.overlay.add(overlayShape);
    this.stage.add(this.base, this.overlay);
    // After Konva's content in the DOM (so that the first canvas in the container is still the base
    // layer's) and under it by z-index.
    this.stage.content.style.zIndex = '1';
    container.append(this.photoBox);
    this.invalidate(ALL);
  }

  /** Shows `image`, `size` image pixels large, at the image origin. */
  setImage(image: ImageBitmap | HTMLImageElement | null, size: ImageSize = { width: 0, height: 0 }): void {
    this.image = image;
    this.imageSize = size;
    this.showOnPhotoLayer(image, size);
    this.invalidate(STATIC);
  }

  /**
   * Replaces the image's pixels with the same picture in another form (its decoded `ImageBitmap`):
   * nothing visible changes, so nothing is redrawn now; the next redraw uses it.
   */
  swapImage(image: ImageBitmap | HTMLImageElement): void {
    if (this.image) this.image = image;
  }

  /** Resizes the stage to its container. */
  setSize(size: ImageSize): void {
    this.stage.size({ width: Math.max(1, size.width), height: Math.max(1, size.height) });
    this.invalidate(ALL);
  }

  /** Applies a view (zoom and pan); the layers are redrawn crisply in the next animation frame. */
  setView(view: View): void {
    const v = this.view;
    if (v.zoom === view.zoom && v.x === view.x && v.y === view.y) return;
    this.view = view;
    this.invalidate(ALL);
  }

  /** The view the scene draws at. */
  getView(): View {
    return this.view;
  }

  /** True while a redraw is waiting for the next animation frame. */
  get pending(): boolean {
    return this.dirty !== 0;
  }

  /** Redraws the static layer on the next frame. */
  redrawStatic(): void {
    this.invalidate(STATIC);
  }

  /** Redraws the overlay on the next frame. */
  redrawOverlay(): void {
    this.invalidate(OVERLAY);
  }

  /** Redraws the static layer and the overlay on the next frame. */
  redrawAll(): void {
    this.invalidate(STATIC | OVERLAY);
  }

  /** Draws whatever is waiting for the next frame now (synchronously), at the current view. */
  drawNow(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    const d = this.dirty;
    this.dirty = 0;
    // The photo layer moves in the same frame as the shapes are redrawn at the new view.
    if (d & STATIC) {
      this.placePhoto();
      this.base.draw();
    }
    if (d & OVERLAY) this.overlay.draw();
  }

  /** Frees the stage. */
  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.dirty = 0;
    this.photo.width = 0;
    this.photo.height = 0;
    this.photoBox.remove();
    this.stage.destroy();
  }

  /**
   * Draws `image` once onto the photo layer, when it has pixels and is at most
   * {@link PHOTO_LAYER_MAX_PIXELS}; else empties and hides that layer (see {@link photoOnLayer}).
   */
  private showOnPhotoLayer(image: ImageBitmap | HTMLImageElement | null, size: ImageSize): void {
    const p = this.photo;
    const w = image ? ('naturalWidth' in image ? image.naturalWidth : image.width) : 0;
    const h = image ? ('naturalHeight' in image ? image.naturalHeight : image.height) : 0;
    const ctx = image && w > 0 && h > 0 && w * h <= PHOTO_LAYER_MAX_PIXELS && size.width > 0 && size.height > 0 ? p.getContext('2d') : null;
    if (!image || !ctx) {
      p.width = 0;
      p.height = 0;
      p.style.display = 'none';
      return;
    }
    p.width = w;
    p.height = h;
    ctx.drawImage(image, 0, 0);
    p.style.width = `${size.width}px`;
    p.style.height = `${size.height}px`;
    this.placePhoto();
    p.style.display = 'block';
  }

  /** Whether the photo layer shows the photo (else the base layer draws it). */
  private get photoOnLayer(): boolean {
    return this.photo.width > 0;
  }

  /** Puts the photo layer at the current view: the same place and sampling as {@link drawPhoto} would draw it. */
  private placePhoto(): void {
    if (!this.photoOnLayer) return;
    const v = this.view;
    const s = this.photo.style;
    s.transform = `matrix(${v.zoom},0,0,${v.zoom},${v.x},${v.y})`;
    s.imageRendering = smoothAt(v.zoom) ? 'auto' : 'pixelated';
  }

  private withView(c: CanvasRenderingContext2D, draw: (c: CanvasRenderingContext2D, view: View) => void): void {
    const v = this.view;
    c.save();
    c.translate(v.x, v.y);
    c.scale(v.zoom, v.zoom);
    try {
      draw(c, v);
    } finally {
      c.restore();
    }
  }

  private drawPhoto(c: CanvasRenderingContext2D): void {
    const image = this.image;
    const { width, height } = this.imageSize;
    // A closed bitmap (its source was replaced and not yet reloaded) has size 0 and cannot be drawn.
    if (this.photoOnLayer || !image || image.width === 0 || width <= 0 || height <= 0) return;
    c.imageSmoothingEnabled = smoothAt(this.view.zoom);
    c.drawImage(image, 0, 0, width, height);
  }

  private invalidate(layers: number): void {
    this.dirty |= layers;
    if (this.frame === null) {
      this.frame = requestAnimationFrame(() => {
        this.frame = null;
        this.drawNow();
      });
    }
  }
}
