import Konva from 'konva';
import type { ImageSize } from './events.js';
import type { View } from './viewport.js';

/** What the scene asks the annotator for when it draws (all in image pixels). */
export interface SceneModel {
  /** Draws the many static shapes (batched, culled). */
  drawStatic(ctx: CanvasRenderingContext2D, view: View): void;
  /** Draws the few live things: selected/hovered shapes, handles, previews, suggestions. */
  drawOverlay(ctx: CanvasRenderingContext2D, view: View): void;
}

/**
 * The Konva layer of the image annotator: a stage with two layers — `base` holds the photo and ONE
 * batched `Konva.Shape` for all static annotations; `overlay` holds one shape for the live ones.
 * Nothing listens on Konva's hit graph (`listening: false`); the annotator reads native pointer
 * events and hit-tests with its spatial index. Konva scales the canvases by `devicePixelRatio`,
 * so drawing stays crisp on high-DPI screens.
 */
export class ImageScene {
  /** The Konva stage (for tests and hosts that want to look inside). */
  readonly stage: Konva.Stage;
  private readonly base: Konva.Layer;
  private readonly overlay: Konva.Layer;
  private readonly photo: Konva.Image;
  private view: View = { zoom: 1, x: 0, y: 0 };
  /** The view the canvases were last drawn at; differs from `view` while a view change is deferred. */
  private drawnView: View = { zoom: 1, x: 0, y: 0 };
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  /** After the last deferred view change, wait this long (ms) before the crisp redraw. */
  settleDelay = 120;

  /** Creates the stage inside `container`. */
  constructor(container: HTMLDivElement, size: ImageSize, model: SceneModel) {
    this.stage = new Konva.Stage({ container, width: Math.max(1, size.width), height: Math.max(1, size.height), listening: false });
    this.base = new Konva.Layer({ listening: false });
    this.overlay = new Konva.Layer({ listening: false });
    this.photo = new Konva.Image({ image: undefined, listening: false, x: 0, y: 0 });
    const staticShape = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx) => model.drawStatic(ctx._context, this.view),
    });
    const overlayShape = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx) => model.drawOverlay(ctx._context, this.view),
    });
    this.base.add(this.photo, staticShape);
    this.overlay.add(overlayShape);
    this.stage.add(this.base, this.overlay);
  }

  /** Shows `image` at the image origin. */
  setImage(image: HTMLImageElement | null): void {
    this.photo.image(image ?? undefined);
    if (image) this.photo.size({ width: image.naturalWidth, height: image.naturalHeight });
    this.base.batchDraw();
  }

  /** Resizes the stage to its container. */
  setSize(size: ImageSize): void {
    this.stage.size({ width: Math.max(1, size.width), height: Math.max(1, size.height) });
    this.redrawAll();
  }

  /**
   * Applies a view (zoom and pan). With `defer`, a stream of changes (wheel, pinch, pan) only moves
   * and scales the already-drawn canvases with a CSS transform — the compositor's job, no
   * re-rasterising — and the layers are redrawn crisply once the view has been still for
   * {@link settleDelay} ms, or as soon as anything else needs drawing.
   */
  setView(view: View, defer = false): void {
    this.view = view;
    if (!defer) {
      this.commitView();
      return;
    }
    const d = this.drawnView;
    const s = view.zoom / d.zoom;
    const content = this.stage.content;
    content.style.transformOrigin = '0 0';
    content.style.transform = `translate(${view.x - d.x * s}px, ${view.y - d.y * s}px) scale(${s})`;
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.commitView(), this.settleDelay);
  }

  /** True while a deferred view change is shown by a CSS transform only. */
  get viewPending(): boolean {
    return this.settleTimer !== null;
  }

  /** Draws the current view at full quality now (ends a deferred view change). */
  commitView(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    const view = this.view;
    this.stage.content.style.transform = '';
    this.drawnView = view;
    for (const layer of [this.base, this.overlay]) {
      layer.position({ x: view.x, y: view.y });
      layer.scale({ x: view.zoom, y: view.zoom });
    }
    // Pixels of the photo stay sharp when zoomed in, as labellers expect.
    this.base.imageSmoothingEnabled(view.zoom < 2);
    this.base.batchDraw();
    this.overlay.batchDraw();
  }

  /** Redraws the static layer on the next frame. */
  redrawStatic(): void {
    if (this.settleTimer !== null) this.commitView();
    else this.base.batchDraw();
  }

  /** Redraws the overlay on the next frame. */
  redrawOverlay(): void {
    if (this.settleTimer !== null) this.commitView();
    else this.overlay.batchDraw();
  }

  /** Redraws both layers on the next frame. */
  redrawAll(): void {
    if (this.settleTimer !== null) this.commitView();
    else {
      this.base.batchDraw();
      this.overlay.batchDraw();
    }
  }

  /** Redraws both layers now (synchronously), at the current view. */
  drawNow(): void {
    if (this.settleTimer !== null) this.commitView();
    this.base.draw();
    this.overlay.draw();
  }

  /** Frees the stage. */
  destroy(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.stage.destroy();
  }
}
