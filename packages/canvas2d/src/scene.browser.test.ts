import { afterEach, describe, expect, it } from 'vitest';
import { ImageScene, PHOTO_LAYER_MAX_PIXELS } from './scene.js';

const scenes: ImageScene[] = [];
afterEach(() => {
  for (const s of scenes.splice(0)) s.destroy();
  document.body.replaceChildren();
});

/** A `width`×`height` bitmap of one colour. */
async function bitmap(width: number, height: number, color: string): Promise<ImageBitmap> {
  const c = new OffscreenCanvas(width, height);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, width, height);
  return createImageBitmap(c);
}

function mountScene(): { scene: ImageScene; container: HTMLDivElement } {
  const container = document.createElement('div');
  container.style.cssText = 'position:relative;width:400px;height:300px;overflow:hidden;';
  document.body.append(container);
  const scene = new ImageScene(container, { width: 400, height: 300 }, { drawStatic: () => {}, drawOverlay: () => {} });
  scenes.push(scene);
  return { scene, container };
}

const layers = (container: HTMLElement) => {
  const [base] = [...container.querySelectorAll<HTMLCanvasElement>('.konvajs-content canvas')];
  const photo = container.querySelector<HTMLCanvasElement>('.lk-image-photo canvas')!;
  return { base: base!, photo };
};
const alphaAt = (c: HTMLCanvasElement, x: number, y: number) => c.getContext('2d')!.getImageData(x, y, 1, 1).data[3];

describe('ImageScene photo layer', () => {
  it('shows a photo on a layer of its own, at full resolution, placed by the view', async () => {
    const { scene, container } = mountScene();
    scene.setImage(await bitmap(200, 100, '#f00'), { width: 200, height: 100 });
    scene.setView({ zoom: 1.5, x: 10, y: 20 });
    scene.drawNow();
    const { base, photo } = layers(container);
    expect([photo.width, photo.height]).toEqual([200, 100]);
    expect(photo.style.display).toBe('block');
    expect(photo.style.transform).toBe('matrix(1.5, 0, 0, 1.5, 10, 20)');
    expect(photo.style.imageRendering).toBe('auto');
    // Nothing of the photo is drawn on the base layer.
    expect(alphaAt(base, 50, 50)).toBe(0);
    // Under the shape canvases, and only in the stage.
    const box = photo.parentElement!;
    expect(getComputedStyle(box).overflow).toBe('hidden');
    expect(Number(getComputedStyle(box).zIndex)).toBeLessThan(Number(getComputedStyle(base.parentElement!).zIndex));
    // Zoomed in past 2x, pixels stay sharp.
    scene.setView({ zoom: 3, x: 0, y: 0 });
    scene.drawNow();
    expect(photo.style.imageRendering).toBe('pixelated');
  });

  it(`draws a photo above ${PHOTO_LAYER_MAX_PIXELS.toLocaleString('en')} pixels on the base layer instead`, async () => {
    const { scene, container } = mountScene();
    const side = Math.ceil(Math.sqrt(PHOTO_LAYER_MAX_PIXELS)) + 1;
    scene.setImage(await bitmap(side, side, '#00f'), { width: side, height: side });
    scene.setView({ zoom: 0.05, x: 0, y: 0 });
    scene.drawNow();
    const { base, photo } = layers(container);
    expect([photo.width, photo.height]).toEqual([0, 0]);
    expect(photo.style.display).toBe('none');
    expect(alphaAt(base, 50, 50)).toBe(255);
    expect(alphaAt(base, 300, 250)).toBe(0);
  });

  it('removes the photo layer when destroyed', async () => {
    const { scene, container } = mountScene();
    scene.setImage(await bitmap(20, 10, '#0f0'), { width: 20, height: 10 });
    scene.destroy();
    scenes.length = 0;
    expect(container.querySelector('.lk-image-photo')).toBeNull();
  });
});
