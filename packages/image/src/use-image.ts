import { useEffect, useState } from 'react';

/** Loading state of the annotated image. */
export type ImageStatus = 'loading' | 'loaded' | 'error';

/**
 * Loads `src` into an `HTMLImageElement` (the only network request the annotator makes) and
 * reports its natural size once loaded.
 */
export function useImage(src: string, crossOrigin: '' | 'anonymous' | 'use-credentials' | undefined): { image: HTMLImageElement | null; status: ImageStatus } {
  const [state, setState] = useState<{ src: string; image: HTMLImageElement | null; status: ImageStatus }>({ src, image: null, status: 'loading' });
  useEffect(() => {
    let alive = true;
    const img = new Image();
    if (crossOrigin !== undefined) img.crossOrigin = crossOrigin;
    img.decoding = 'async';
    img.onload = () => alive && setState({ src, image: img, status: 'loaded' });
    img.onerror = () => alive && setState({ src, image: null, status: 'error' });
    img.src = src;
    setState((s) => (s.src === src && s.status !== 'loading' ? s : { src, image: null, status: 'loading' }));
    return () => {
      alive = false;
      img.onload = null;
      img.onerror = null;
    };
  }, [src, crossOrigin]);
  return state.src === src ? { image: state.image, status: state.status } : { image: null, status: 'loading' };
}
