import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageConfig } from '../../tsup.base.js';

/** Where the decode worker is built to, and how the source refers to it. */
const WORKER_OUT = 'frames/decode-worker';
const WORKER_REF = './decode-worker.ts';

/** Every built `.js` file under `dir`. */
const builtFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? builtFiles(file) : entry.name.endsWith('.js') ? [file] : [];
  });

/**
 * The package root, `./frames`, and the decode worker as an entry of its own. The source starts the
 * worker with `new Worker(new URL('./decode-worker.ts', import.meta.url))` (what Vite and Vitest read);
 * after the build that URL is pointed at the built worker from wherever the bundler put the code, so a
 * host's bundler (Vite, webpack 5, esbuild) finds and bundles the worker by the same pattern.
 */
export default packageConfig({
  entry: { index: 'src/index.ts', 'frames/index': 'src/frames/index.ts', [WORKER_OUT]: 'src/frames/decode-worker.ts' },
  dts: { entry: { index: 'src/index.ts', 'frames/index': 'src/frames/index.ts' } },
  async onSuccess() {
    const worker = path.resolve('dist', `${WORKER_OUT}.js`);
    let rewritten = 0;
    for (const file of builtFiles('dist')) {
      const code = readFileSync(file, 'utf8');
      if (!code.includes(WORKER_REF)) continue;
      let relative = path.relative(path.dirname(file), worker).split(path.sep).join('/');
      if (!relative.startsWith('.')) relative = `./${relative}`;
      writeFileSync(file, code.split(WORKER_REF).join(relative));
      rewritten++;
    }
    if (rewritten === 0) throw new Error(`tsup: no built file refers to ${WORKER_REF}; the decode worker would not be found`);
  },
});
