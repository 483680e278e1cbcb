import { useEffect, useState } from 'react';
import type { ImageSize } from '@labelkit/canvas2d';

/** Loading state of the annotated image. */
export type ImageStatus = 'loading' | 'loaded' | 'error';

/** What {@link useImage} returns. */
export interface LoadedImage {
  /**
   * The image, ready to draw: the `<img>` element first when it was already in the browser's cache
   * (so the first frame shows it), then an `ImageBitmap` of it where possible. The size never
   * changes between the two.
   */
  image: ImageBitmap | HTMLImageElement | null;
  /** Its natural size in pixels (null until loaded); the same object for as long as `src` stays. */
  size: ImageSize | null;
  status: ImageStatus;
}

interface State extends LoadedImage {
  src: string;
  crossOrigin: CrossOrigin;
  /** The element loading (or holding) `src`: started during the first render, reused by the effect. */
  element: HTMLImageElement | null;
}

type CrossOrigin = '' | 'anonymous' | 'use-credentials' | undefined;

function startElement(src: string, crossOrigin: CrossOrigin): HTMLImageElement | null {
  if (typeof Image === 'undefined') return null;
  const img = new Image();
  if (crossOrigin !== undefined) img.crossOrigin = crossOrigin;
  img.decoding = 'async';
  img.src = src;
  return img;
}

const isLoaded = (img: HTMLImageElement | null): img is HTMLImageElement => !!img && img.complete && img.naturalWidth > 0;

/** Waits for `img` (already given its `src`) to load. */
function loaded(img: HTMLImageElement): Promise<HTMLImageElement> {
  if (img.complete && img.naturalWidth > 0) return Promise.resolve(img);
  return new Promise((resolve, reject) => {
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image failed to load'));
  });
}

function initialState(src: string, crossOrigin: CrossOrigin): State {
  const element = startElement(src, crossOrigin);
  // Already in the browser's memory cache (a host that preloads the next image): shown in the first frame.
  if (isLoaded(element)) return { src, crossOrigin, element, image: element, size: { width: element.naturalWidth, height: element.naturalHeight }, status: 'loaded' };
  return { src, crossOrigin, element, image: null, size: null, status: 'loading' };
}

/**
 * Loads `src` through an `<img>` element (the only network request the annotator makes) and turns
 * it into an `ImageBitmap`: the image is decoded once, here, and every later redraw of the photo
 * (each pan and zoom frame) is a plain copy of decoded pixels. Drawing the element itself would
 * leave it to the browser's decode cache, which may decode the photo again on a later frame. An
 * image the browser already holds is handed out as the element at once, then as its bitmap.
 */
export function useImage(src: string, crossOrigin: CrossOrigin): LoadedImage {
  const [state, setState] = useState<State>(() => initialState(src, crossOrigin));
  useEffect(() => {
    let alive = true;
    let bitmap: ImageBitmap | null = null;
    const toBitmap = async (img: HTMLImageElement): Promise<ImageBitmap | null> => {
      if (typeof createImageBitmap !== 'function') return null;
      try {
        return await createImageBitmap(img);
      } catch {
        return null;
      }
    };
    const current = state.src === src && state.crossOrigin === crossOrigin && state.element ? state.element : startElement(src, crossOrigin);
    if (!current) return;
    const shownAlready = state.src === src && state.crossOrigin === crossOrigin && state.image === current;
    if (!shownAlready) setState((s) => (s.src === src && s.element === current ? s : { src, crossOrigin, element: current, image: null, size: null, status: 'loading' }));
    loaded(current)
      .then(async (img) => {
        const size = { width: img.naturalWidth, height: img.naturalHeight };
        if (!shownAlready && alive) setState({ src, crossOrigin, element: img, image: img, size, status: 'loaded' });
        const bmp = await toBitmap(img);
        if (!bmp) return;
        if (!alive) return bmp.close();
        bitmap = bmp;
        // Same size object: the annotator swaps the pixels in without treating it as a new image.
        setState((s) => (s.src === src && s.image === img ? { ...s, image: bmp } : (bmp.close(), s)));
      })
      .catch(() => alive && setState({ src, crossOrigin, element: current, image: null, size: null, status: 'error' }));
    return () => {
      alive = false;
      bitmap?.close();
    };
    // `state` is read for the element started during the first render only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [src, crossOrigin]);
  return state.src === src ? { image: state.image, size: state.size, status: state.status } : { image: null, size: null, status: 'loading' };
}
