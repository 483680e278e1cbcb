import { packageConfig } from '../../tsup.base.js';

/**
 * The barrel, the `./loaders` subpath, and the loaders' worker as an entry of its own: `loadPointCloud`
 * starts it as `new Worker(new URL('./point-cloud.worker.js', import.meta.url), { type: 'module' })`,
 * which bundlers (Vite, webpack 5, Rollup, esbuild with a plugin) follow from the built file. So the
 * code holding that URL must sit in `dist/loaders/` next to the worker: shared chunks go there too.
 */
export default packageConfig({
  entry: {
    index: 'src/index.ts',
    'loaders/index': 'src/loaders/index.ts',
    'loaders/point-cloud.worker': 'src/loaders/point-cloud.worker.ts',
  },
  dts: { entry: { index: 'src/index.ts', 'loaders/index': 'src/loaders/index.ts' } },
  esbuildOptions(options) {
    options.chunkNames = 'loaders/[name]-[hash]';
  },
});
