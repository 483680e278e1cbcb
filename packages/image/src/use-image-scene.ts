import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Annotation } from '@labelkit/core';
import type { AnnotatorCore } from './annotator-core.js';
import { drawBatched, fillsReadable, type ImageSize, ImageScene, type SceneModel, isImageAnnotation, type ImageAnnotation, fitView, visibleImageRect, type View } from '@labelkit/canvas2d';
import type { ImageStatus } from './use-image.js';

/** Options of {@link useImageScene}. */
export interface ImageSceneOptions {
  image: ImageBitmap | HTMLImageElement | null;
  naturalSize: ImageSize | null;
  status: ImageStatus;
  /** Draws the overlay layer (selected shapes, handles, previews, suggestions). */
  drawOverlay: RefObject<SceneModel['drawOverlay']>;
  /** The zoom readout, written straight into its element: a view change never re-renders React. */
  zoomReadout: RefObject<HTMLElement | null>;
  onViewChange?: ((view: View) => void) | undefined;
  onImageLoad?: ((size: ImageSize) => void) | undefined;
}

/** What {@link useImageScene} returns. */
export interface ImageSceneControls {
  /** Shows `view` (zoom and pan) and reports it. */
  setView(view: View): void;
  /** Fits the whole image in the canvas. */
  fit(): void;
}

const showZoom = (el: HTMLElement | null, view: View) => {
  if (el) el.textContent = `${Math.round(view.zoom * 100)}%`;
};

/**
 * The Konva scene of the annotator: made in the canvas area, sized with it, given the image once it
 * has loaded (fitted if `initialView` is `'fit'`), and redrawn as the store changes — the static
 * layer (every shape not selected, batched and culled) only when static shapes changed.
 */
export function useImageScene(core: AnnotatorCore, o: ImageSceneOptions): ImageSceneControls {
  const { store, shapeIndex, spatial, isVisible, colorOf, skeletonOf, initialView } = core;
  const { host: hostRef, scene: sceneRef, view: viewRef, canvasSize: sizeRef, imageSize: imageSizeRef, selected: selectedRef } = core.refs;
  const { image, naturalSize, status, zoomReadout: zoomRef, drawOverlay } = o;
  // Shapes are drawn once the image is there (or has failed): drawing 10,000 boxes on an empty
  // canvas only to draw them again over the photo a moment later would double the first render.
  const imageLoadingRef = useRef(status === 'loading');
  imageLoadingRef.current = status === 'loading';

  const model = useRef<SceneModel>({ drawStatic: () => {}, drawOverlay: () => {} });
  model.current.drawStatic = (ctx, view) => {
    if (imageLoadingRef.current) return;
    const snap = store.getSnapshot();
    const rect = visibleImageRect(view, sizeRef.current);
    const img = imageSizeRef.current;
    const sel = selectedRef.current;
    const keep = (a: Annotation): a is ImageAnnotation => isImageAnnotation(a) && !sel.has(a.id) && isVisible(a);
    // Zoomed out, everything is visible: walk the snapshot (in z-order). Zoomed in, cull with the
    // grid, then put the few visible shapes back in z-order.
    const culled = img.width > 0 && rect.width * rect.height < 0.5 * img.width * img.height;
    const list: ImageAnnotation[] = [];
    if (culled) {
      for (const id of spatial().query(rect)) {
        const a = store.get(id);
        if (a && keep(a)) list.push(a);
      }
    } else for (const a of snap) if (keep(a)) list.push(a);
    // Translucent fills while they help tell shapes apart (drawn in z-order); dense, outlines only.
    const size = sizeRef.current;
    const fill = fillsReadable(list, view.zoom, size.width * size.height);
    if (fill && culled) list.sort((a, b) => store.indexOf(a.id) - store.indexOf(b.id));
    drawBatched(ctx, list, view.zoom, colorOf, skeletonOf, fill ? 0.12 : 0);
  };
  model.current.drawOverlay = (ctx, view) => drawOverlay.current(ctx, view);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const rect = host.getBoundingClientRect();
    sizeRef.current = { width: Math.round(rect.width), height: Math.round(rect.height) };
    const scene = new ImageScene(host, sizeRef.current, {
      drawStatic: (ctx, v) => model.current.drawStatic(ctx, v),
      drawOverlay: (ctx, v) => model.current.drawOverlay(ctx, v),
    });
    sceneRef.current = scene;
    scene.setView(viewRef.current);
    showZoom(zoomRef.current, viewRef.current);
    const ro = new ResizeObserver(() => {
      const r = host.getBoundingClientRect();
      const size = { width: Math.round(r.width), height: Math.round(r.height) };
      if (size.width === sizeRef.current.width && size.height === sizeRef.current.height) return;
      sizeRef.current = size;
      scene.setSize(size);
    });
    ro.observe(host);
    return () => {
      ro.disconnect();
      scene.destroy();
      sceneRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setView = useCallback(
    (v: View) => {
      viewRef.current = v;
      sceneRef.current?.setView(v);
      showZoom(zoomRef.current, v);
      o.onViewChange?.(v);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [o.onViewChange],
  );
  const fit = useCallback(() => {
    if (imageSizeRef.current.width > 0) setView(fitView(imageSizeRef.current, sizeRef.current));
  }, [setView, imageSizeRef, sizeRef]);

  const fitted = useRef(false);
  const shownSizeRef = useRef<ImageSize | null>(null);
  useEffect(() => {
    if (!image || !naturalSize) return;
    // The same image as a decoded bitmap (see useImage): new pixels, nothing else to do.
    if (shownSizeRef.current === naturalSize) return sceneRef.current?.swapImage(image);
    shownSizeRef.current = naturalSize;
    imageSizeRef.current = naturalSize;
    sceneRef.current?.setImage(image, naturalSize);
    if (initialView === 'fit' && !fitted.current) {
      fitted.current = true;
      fit();
    }
    o.onImageLoad?.({ ...naturalSize });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [image, naturalSize]);
  useEffect(() => {
    sceneRef.current?.redrawAll();
  }, [status, sceneRef]);

  // The spatial index follows the store by change sets: one moved box costs one index update.
  useEffect(() => {
    shapeIndex.invalidate();
    sceneRef.current?.redrawAll();
    const unsubscribe = store.subscribe((change) => {
      shapeIndex.apply(change);
      const staticDirty = change.added.length > 0 || change.removed.length > 0 || (change.moved?.length ?? 0) > 0 || change.updated.some(([, a]) => !selectedRef.current.has(a.id));
      if (staticDirty) sceneRef.current?.redrawAll();
      else sceneRef.current?.redrawOverlay();
    });
    return () => {
      unsubscribe();
      shapeIndex.dispose();
    };
  }, [store, shapeIndex, sceneRef, selectedRef]);

  return { setView, fit };
}
