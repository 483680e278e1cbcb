#!/usr/bin/env node
// `pnpm test:consumer`: does what a team installing labelkit from npm does. Packs every package, installs
// the tarballs into a fresh Vite + React + TypeScript app in a temporary folder outside the workspace,
// renders an annotator from each package, type-checks it (strict) and builds it. Catches missing files,
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

const app = path.join(work, 'app');
mkdirSync(path.join(app, 'src'), { recursive: true });
const labelkitDeps = Object.fromEntries(Object.entries(overrides));
writeFileSync(
  path.join(app, 'package.json'),
  JSON.stringify(
    {
      name: 'labelkit-consumer-app',
      private: true,
      type: 'module',
      scripts: { typecheck: 'tsc --noEmit', build: 'vite build' },
      dependencies: {
        ...labelkitDeps,
        react: devVersion('react'),
        'react-dom': devVersion('react-dom'),
        konva: devVersion('konva'),
        'wavesurfer.js': devVersion('wavesurfer.js'),
      },
      devDependencies: {
        typescript: devVersion('typescript'),
        vite: devVersion('vite'),
        '@vitejs/plugin-react': devVersion('@vitejs/plugin-react'),
        '@types/react': devVersion('@types/react'),
        '@types/react-dom': devVersion('@types/react-dom'),
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
writeFileSync(path.join(app, 'src', 'main.tsx'), readFileSync(path.join(root, 'scripts', 'consumer-app.tsx'), 'utf8'));

run('pnpm', ['install', '--no-frozen-lockfile'], app);
// Peers must stay peers: no labelkit package may ship its own copy of react, konva, wavesurfer.js, three or fiber.
for (const name of Object.keys(overrides)) {
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
if (!built.some((f) => f.startsWith('point-cloud.worker'))) fail(`vite build emitted no point-cloud worker (assets: ${built.join(', ')})`);
if (!process.env.KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
console.log(`consumer check passed: ${Object.keys(overrides).join(', ')} installed from tarballs, type-checked strictly and built.`);
