#!/usr/bin/env node
// `pnpm test:consumer`: does what a team installing labelkit from npm does. Packs every package, installs
// the tarballs into a fresh Vite + React + TypeScript app in a temporary folder outside the workspace,
// renders an annotator from each package, type-checks it (strict), builds it and opens it in Chromium — once as a React 19
// app and once as a React 18 app (without what needs React 19). Catches missing files,
// broken `exports`, leaked `workspace:` ranges, bundled peers and types that do not resolve.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootPkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const devVersion = (name) => {
  const v = rootPkg.devDependencies[name];
  if (!v) throw new Error(`consumer check: ${name} is not a root devDependency`);
  return v;
};
const run = (cmd, args, cwd) => {
  console.log(`$ ${cmd} ${args.join(' ')}   (in ${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
};
const fail = (msg) => {
  console.error(`consumer check FAILED: ${msg}`);
  process.exit(1);
};

const packageDirs = readdirSync(path.join(root, 'packages')).filter((d) => existsSync(path.join(root, 'packages', d, 'package.json')));
if (packageDirs.some((d) => !existsSync(path.join(root, 'packages', d, 'dist')))) run('pnpm', ['build'], root);

const work = mkdtempSync(path.join(tmpdir(), 'labelkit-consumer-'));
const tarballs = path.join(work, 'tarballs');
mkdirSync(tarballs);
const overrides = {};
for (const dir of packageDirs) {
  const pkgDir = path.join(root, 'packages', dir);
  run('pnpm', ['pack', '--pack-destination', tarballs], pkgDir);
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const file = readdirSync(tarballs).find((f) => f.startsWith(pkg.name.replace('@', '').replace('/', '-') + '-'));
  if (!file) fail(`no tarball for ${pkg.name}`);
  overrides[pkg.name] = `file:${path.join(tarballs, file)}`;
  // The packed manifest must not leak workspace ranges.
  const packed = execFileSync('tar', ['-xzOf', path.join(tarballs, file), 'package/package.json'], { encoding: 'utf8' });
  if (packed.includes('workspace:')) fail(`${pkg.name}: packed package.json still has a workspace: range`);
}

/**
 * Installs the tarballs into a fresh Vite + React `react.major` app, type-checks it strictly against that
 * React's types, builds it, and renders it in Chromium: every annotator mounts, its styles reach <head>,
 * its `ref` handle works, and nothing throws.
 */
async function checkApp(react) {
  const app = path.join(work, `app-react${react.major}`);
  mkdirSync(path.join(app, 'src'), { recursive: true });
  const labelkitDeps = Object.fromEntries(Object.entries(overrides).filter(([name]) => react.packages.includes(name)));
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify(
      {
        name: `labelkit-consumer-app-react${react.major}`,
        private: true,
        type: 'module',
        scripts: { typecheck: 'tsc --noEmit', build: 'vite build' },
        dependencies: {
          ...labelkitDeps,
          react: react.react,
          'react-dom': react.react,
          konva: devVersion('konva'),
          'wavesurfer.js': devVersion('wavesurfer.js'),
        },
        devDependencies: {
          typescript: devVersion('typescript'),
          vite: devVersion('vite'),
          '@vitejs/plugin-react': devVersion('@vitejs/plugin-react'),
          '@types/react': react.types,
          '@types/react-dom': react.types,
        },
        pnpm: { overrides },
      },
      null,
      2,
    ),
  );
  writeFileSync(path.join(app, 'pnpm-workspace.yaml'), `packages: []\noverrides:\n${Object.entries(overrides).map(([k, v]) => `  '${k}': '${v}'`).join('\n')}\nallowBuilds:\n  esbuild: true\n`);
  writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          noEmit: true,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  writeFileSync(path.join(app, 'vite.config.ts'), `import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\nexport default defineConfig({ plugins: [react()] });\n`);
  writeFileSync(path.join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>labelkit consumer</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n`);
  // The React 18 app leaves out what needs React 19 (lines marked so: @labelkit/cuboid follows @react-three/fiber 9).
  const appSource = readFileSync(path.join(root, 'scripts', 'consumer-app.tsx'), 'utf8');
  writeFileSync(path.join(app, 'src', 'main.tsx'), react.major === 18 ? appSource.split('\n').filter((l) => !l.includes('needs React 19 (cuboid)')).join('\n') : appSource);

  run('pnpm', ['install', '--no-frozen-lockfile'], app);
  // Peers must stay peers: no labelkit package may ship its own copy of react, konva, wavesurfer.js, three or fiber.
  for (const name of Object.keys(labelkitDeps)) {
    const nested = path.join(app, 'node_modules', ...name.split('/'), 'node_modules');
    for (const peer of ['react', 'react-dom', 'konva', 'wavesurfer.js', 'three', '@react-three/fiber']) {
      if (existsSync(path.join(nested, peer))) fail(`${name} installs its own copy of ${peer} (should be a peer dependency)`);
    }
  }
  run('pnpm', ['exec', 'tsc', '--noEmit'], app);
  run('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], app);
  const built = readdirSync(path.join(app, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
  if (!built.length) fail('vite build produced no JavaScript');
  // @labelkit/video/frames starts its decode worker by `new Worker(new URL(...), import.meta.url)`: the
  // host's bundler must have found it and bundled it (with mediabunny) as a file of its own.
  if (!built.some((f) => f.startsWith('decode-worker'))) fail(`vite build emitted no decode worker for @labelkit/video (assets: ${built.join(', ')})`);
  // @labelkit/cuboid/loaders starts its worker from `new URL('./point-cloud.worker.js', import.meta.url)`: Vite must have bundled it.
  if (labelkitDeps['@labelkit/cuboid'] && !built.some((f) => f.startsWith('point-cloud.worker'))) fail(`vite build emitted no point-cloud worker (assets: ${built.join(', ')})`);
  await renderInChromium(app, react.major);
}

/** Serves the built app and opens it in headless Chromium; fails on an uncaught error or a missing piece. */
async function renderInChromium(app, major) {
  const { chromium } = await import('playwright-core');
  const { chromiumLaunchOptions } = await import('./chromium.mjs');
  const { createServer } = await import('node:http');
  const dist = path.join(app, 'dist');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dist) || !existsSync(file) || !file.includes('.')) {
      const index = path.join(dist, 'index.html');
      if (req.url === '/' || req.url === '/index.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(index));
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'labelkitHandles' in window, null, { timeout: 30_000 });
    const seen = await page.evaluate(() => ({
      react: document.querySelector('main') ? 'rendered' : 'missing',
      handles: window.labelkitHandles,
      styles: [...document.head.querySelectorAll('style[data-labelkit-style]')].map((s) => s.getAttribute('data-labelkit-style')),
      annotators: ['.lk-image-annotator', '.lk-text', '.lk-audio'].filter((sel) => document.querySelector(sel)),
    }));
    console.log(`React ${major} app in Chromium: ${JSON.stringify(seen)}`);
    if (errors.length) fail(`React ${major} app threw in Chromium: ${errors.join('; ')}`);
    if (Object.values(seen.handles).some((ok) => !ok)) fail(`React ${major} app: a ref handle is missing: ${JSON.stringify(seen.handles)}`);
    for (const sheet of ['labelkit-base', 'labelkit-image', 'labelkit-text', 'labelkit-audio']) if (!seen.styles.includes(sheet)) fail(`React ${major} app: stylesheet ${sheet} is not in <head> (${seen.styles.join(', ')})`);
    if (seen.annotators.length !== 3) fail(`React ${major} app: annotators missing (found ${seen.annotators.join(', ')})`);
  } finally {
    await browser.close();
    server.close();
  }
}

const allPackages = Object.keys(overrides);
const admitsReact18 = (name) => {
  const dir = packageDirs.find((d) => JSON.parse(readFileSync(path.join(root, 'packages', d, 'package.json'), 'utf8')).name === name);
  const peer = JSON.parse(readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')).peerDependencies?.react;
  return !peer || peer.startsWith('>=18');
};
await checkApp({ major: 19, react: devVersion('react'), types: devVersion('@types/react'), packages: allPackages });
await checkApp({ major: 18, react: '^18.3.1', types: '^18.3.0', packages: allPackages.filter(admitsReact18) });
if (!process.env.KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
console.log(`consumer check passed: ${allPackages.join(', ')} installed from tarballs into a React 19 app (and all but ${allPackages.filter((n) => !admitsReact18(n)).join(', ') || 'none'} into a React 18 app), type-checked strictly, built and rendered in Chromium.`);
