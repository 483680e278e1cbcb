import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { defineSchema } from '@labelkit/core';
import { ImageAnnotator } from './image-annotator.js';
import { useImage, type LoadedImage } from './use-image.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const roots: Root[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) act(() => r.unmount());
  document.body.replaceChildren();
});

async function pngUrl(width: number, height: number): Promise<string> {
  const c = new OffscreenCanvas(width, height);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#3a7';
  ctx.fillRect(0, 0, width, height);
  return URL.createObjectURL(await c.convertToBlob({ type: 'image/png' }));
}

function render(node: React.ReactNode): void {
  const el = document.createElement('div');
  el.style.cssText = 'width:400px;height:300px';
  document.body.appendChild(el);
  const root = createRoot(el);
  roots.push(root);
  act(() => root.render(node));
}

function Probe({ src, seen }: { src: string; seen: LoadedImage[] }) {
  seen.push(useImage(src, undefined));
  return null;
}

const settle = async (until: () => boolean, tries = 200) => {
  for (let i = 0; i < tries && !until(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
};

describe('useImage in Chromium', () => {
  it('loads an image, then hands out its decoded bitmap with the same size object', async () => {
    const src = await pngUrl(64, 48);
    const seen: LoadedImage[] = [];
    render(<Probe src={`${src}`} seen={seen} />);
    await settle(() => seen.at(-1)?.image instanceof ImageBitmap);
    const first = seen[0]!;
    const element = seen.find((s) => s.image instanceof HTMLImageElement);
    const last = seen.at(-1)!;
    expect(last.status).toBe('loaded');
    expect(last.image).toBeInstanceOf(ImageBitmap);
    expect(last.size).toEqual({ width: 64, height: 48 });
    // Either the element was shown first (same size object, so the annotator only swaps pixels) or
    // the image was not loaded yet at the first render.
    if (element) expect(element.size).toBe(last.size);
    else expect(first.status).toBe('loading');
  });

  it('shows an image the browser already holds in the first render, and reports its load once', async () => {
    const src = await pngUrl(80, 60);
    const warm = new Image();
    warm.src = src;
    await warm.decode();
    const seen: LoadedImage[] = [];
    render(<Probe src={src} seen={seen} />);
    expect(seen[0]).toMatchObject({ status: 'loaded', size: { width: 80, height: 60 } });
    expect(seen[0]!.image).toBeInstanceOf(HTMLImageElement);

    const onImageLoad = vi.fn();
    const schema = defineSchema({ labels: [{ id: 'car', kinds: ['bbox'] }] });
    render(<ImageAnnotator schema={schema} src={src} onImageLoad={onImageLoad} />);
    expect(onImageLoad).toHaveBeenCalledTimes(1);
    // The bitmap arrives later: a swap of pixels, not a second load.
    await settle(() => false, 30);
    expect(onImageLoad).toHaveBeenCalledTimes(1);
    expect(onImageLoad).toHaveBeenCalledWith({ width: 80, height: 60 });
  });
});
