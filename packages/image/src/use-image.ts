import { useEffect, useState } from 'react';
import type { ImageSize } from './events.js';

/** Loading state of the annotated image. */
export type ImageStatus = 'loading' | 'loaded' | 'error';

/** What {@link useImage} returns. */
export interface LoadedImage {
  /** The image, decoded and ready to draw: an `ImageBitmap` where possible, else the `<img>` element. */
  image: ImageBitmap | HTMLImageElement | null;
  /** Its natural size in pixels (null until loaded). */
  size: ImageSize | null;
  status: ImageStatus;
}

interface State extends LoadedImage {
  src: string;
}

type CrossOrigin = '' | 'anonymous' | 'use-credentials' | undefined;

/** Loads `src` with an `<img>` element. */
function loadElement(src: string, crossOrigin: CrossOrigin): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    if (crossOrigin !== undefined) img.crossOrigin = crossOrigin;
    img.decoding = 'async';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image failed to load'));
    img.src = src;
  });
}

/**
 * Loads `src` through an `<img>` element (the only network request the annotator makes) and turns
 * it into an `ImageBitmap`: the image is decoded once, here, and every later redraw of the photo
 * (each pan and zoom frame) is a plain copy of decoded pixels. Drawing the element itself would
 * leave it to the browser's decode cache, which may decode the photo again on a later frame.
 */
export function useImage(src: string, crossOrigin: CrossOrigin): LoadedImage {
  const [state, setState] = useState<State>({ src, image: null, size: null, status: 'loading' });
  useEffect(() => {
    let alive = true;
    let bitmap: ImageBitmap | null = null;
    const load = async (): Promise<ImageBitmap | HTMLImageElement> => {
      const img = await loadElement(src, crossOrigin);
      if (!alive || typeof createImageBitmap !== 'function') return img;
      try {
        return await createImageBitmap(img);
      } catch {
        return img;
      }
    };
    load().then(
      (image) => {
        if (image instanceof HTMLImageElement) {
          if (alive) setState({ src, image, size: { width: image.naturalWidth, height: image.naturalHeight }, status: 'loaded' });
          return;
        }
        if (!alive) {
          image.close();
          return;
        }
        bitmap = image;
        const size = { width: image.width, height: image.height };
        setState({ src, image, size, status: 'loaded' });
      },
      () => alive && setState({ src, image: null, size: null, status: 'error' }),
    );
    setState((s) => (s.src === src && s.status !== 'loading' ? s : { src, image: null, size: null, status: 'loading' }));
    return () => {
      alive = false;
      bitmap?.close();
    };
  }, [src, crossOrigin]);
  return state.src === src ? { image: state.image, size: state.size, status: state.status } : { image: null, size: null, status: 'loading' };
}
