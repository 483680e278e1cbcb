#!/usr/bin/env node
// `pnpm bench [name ...] [--dry] [--trace]`: runs each benchmark page (bench/<name>/index.html) in headless Chromium, where
// labelkit and the peer named by the issue are measured side by side on the same data in one run, and
// writes docs/benchmarks.json and docs/benchmarks.md with the machine and the date.
// `BENCH_PEER=0` skips the peers (quick labelkit-only runs while working; use with --dry); `BENCH_EXP='<css>'`
// adds a style sheet to the audio page (experiments: hide a part, change a layer); `BENCH_ONE_MODE=1` skips the
// second, software-compositing run.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync, createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer as createHttpServer } from 'node:http';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { labelkitAliases } from '../scripts/aliases.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const available = readdirSync(benchDir).filter((d) => existsSync(path.join(benchDir, d, 'index.html')));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : available;
for (const n of names) if (!available.includes(n)) throw new Error(`no benchmark "${n}" (have: ${available.join(', ')})`);

const executablePath = findChromium();
if (!executablePath) throw new Error('pnpm bench needs Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)');

// Production build (React without its development checks, as users ship it), then a static server that
// serves the build and, for media the pages reference (e.g. /stories/assets/...), the repository itself.
const outDir = path.join(root, 'node_modules', '.cache', 'labelkit-bench');
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  plugins: [react()],
  resolve: { alias: labelkitAliases(root) },
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 100_000,
    rollupOptions: { input: Object.fromEntries(names.map((n) => [n, path.join(root, 'bench', n, 'index.html')])) },
  },
});
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.jpg': 'image/jpeg', '.png': 'image/png', '.wav': 'audio/wav', '.mp3': 'audio/mpeg', '.svg': 'image/svg+xml' };
const server = createHttpServer((req, res) => {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (urlPath === '/favicon.ico') return void res.writeHead(204).end();
  for (const base of [outDir, root]) {
    const file = path.join(base, urlPath);
    if (!file.startsWith(base)) break;
    if (existsSync(file) && statSync(file).isFile()) {
      // Cross-origin isolated, so performance.now() resolves to 5 µs instead of 100 µs: the sub-millisecond
      // rows (script time per move) are measured, not rounded.
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
      createReadStream(file).pipe(res);
      return;
    }
  }
  res.writeHead(404).end('not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
// Compositing: Chromium's normal GPU compositing (here emulated by SwiftShader, which composites the whole
// window every frame, so a frame's cost grows with how much of the window a page draws), and for the
// benchmarks listed here also software compositing (what Chromium uses on machines without a usable GPU;
// it redraws only the damaged area), as separate rows: the audio drag is frame-bound, and the two
// settings decide it differently.
const SOFTWARE_TOO = new Set(['audio']);
const baseArgs = [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc', ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)];
const modes = [{ suffix: '', args: [], names }];
if (!baseArgs.includes('--disable-gpu-compositing') && !process.env.BENCH_ONE_MODE) {
  const soft = names.filter((n) => SOFTWARE_TOO.has(n));
  if (soft.length) modes.push({ suffix: ' (software compositing)', args: ['--disable-gpu-compositing'], names: soft });
}

let chromiumVersion = '';
const results = [];
try {
  for (const mode of modes) {
    const browser = await chromium.launch({ executablePath, headless: true, args: [...baseArgs, ...mode.args] });
    chromiumVersion = browser.version();
    try {
      for (const name of mode.names) {
        console.log(`bench ${name}${mode.suffix} ...`);
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.on('console', (m) => {
          if (m.type() === 'error' || process.env.BENCH_VERBOSE) console.log(`  [${name}] ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => console.log(`  [${name}] page error: ${e.message}`));
        await page.goto(`${base}/bench/${name}/index.html${process.env.BENCH_PEER === '0' ? '?peer=0' : '?'}${process.env.BENCH_EXP ? `&exp=${encodeURIComponent(process.env.BENCH_EXP)}` : ''}`, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForFunction(() => typeof window.__labelkitBench === 'function', undefined, { timeout: 120_000 });
        if (!(await page.evaluate(() => crossOriginIsolated))) console.log('  warning: the page is not cross-origin isolated; timings are rounded to 0.1 ms');
        // `--trace`: record a Chromium performance trace of the run (node_modules/.cache/labelkit-bench-<name>.json;
        // open it in chrome://tracing or Perfetto) to see where frame time goes.
        const trace = process.argv.includes('--trace') && !mode.suffix ? path.join(root, 'node_modules', '.cache', `labelkit-bench-${name}.json`) : null;
        if (trace) await browser.startTracing(page, { path: trace, screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'cc', 'viz', 'gpu', 'benchmark'] });
        const entries = (await page.evaluate(() => window.__labelkitBench(), undefined)).map((e) => ({ ...e, scenario: e.scenario + mode.suffix }));
        if (trace) {
          await browser.stopTracing();
          console.log(`  trace written to ${path.relative(root, trace)}`);
        }
        for (const e of entries) results.push({ bench: name, ...e });
        for (const e of entries) {
          const ratio = e.ratio == null ? '' : `  ratio ${e.ratio.toFixed(2)}x`;
          console.log(`  ${e.scenario} @${e.size} ${e.metric}: labelkit ${fmt(e.labelkit)} ${e.unit}, ${e.peerName} ${fmt(e.peer)} ${e.unit}${ratio}`);
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}

function fmt(v) {
  if (v == null) return '—';
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

const machine = {
  date: new Date().toISOString(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: chromiumVersion,
  rendering: `headless Chromium, SwiftShader (software) GPU compositing${modes.length > 1 ? ' (and, in rows marked so, software compositing)' : ''}, 1280x800, production build`,
};
let peers = {};
try {
  const lock = execFileSync('pnpm', ['list', '--depth', '0', '--json'], { cwd: root, encoding: 'utf8' });
  const deps = JSON.parse(lock)[0]?.devDependencies ?? {};
  for (const p of ['@annotorious/annotorious', '@annotorious/react', '@recogito/react-text-annotator', '@recogito/text-annotator', 'wavesurfer.js', 'konva', 'react']) if (deps[p]) peers[p] = deps[p].version;
} catch {
  peers = {};
}

// `--dry`: print only (for trying a change; the docs keep the last full run).
if (process.argv.includes('--dry')) process.exit(0);
// Keep other benchmarks' earlier results; replace the ones run now.
const jsonPath = path.join(root, 'docs', 'benchmarks.json');
mkdirSync(path.dirname(jsonPath), { recursive: true });
let previous = { runs: {} };
if (existsSync(jsonPath)) {
  try {
    previous = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch {
    previous = { runs: {} };
  }
}
const runs = previous.runs ?? {};
for (const name of names) runs[name] = { machine, versions: peers, entries: results.filter((r) => r.bench === name).map(({ bench: _bench, ...e }) => e) };
const entries = Object.values(runs).flatMap((r) => r.entries);
writeFileSync(jsonPath, JSON.stringify({ entries, runs }, null, 2) + '\n');

const md = [
  '# Benchmarks',
  '',
  'Written by `pnpm bench` (bench/run.mjs). Each benchmark page mounts labelkit and the peer named by its issue on the same',
  'data in the same headless Chromium page, one after the other, and measures both in one run. `ratio` = peer / labelkit',
  'for lower-is-better metrics: above 1 means labelkit is ahead. Numbers are from software rendering (SwiftShader) on a',
  '2-core machine, so absolute times are pessimistic; the ratios are the point.',
  '',
  'How to read them: a "to the painted frame" time includes Chromium compositing the frame. With GPU compositing, emulated',
  'here by SwiftShader, the whole window is redrawn in software every frame: 10 to 30 ms a frame on this machine, more the',
  'more of the window a page draws (a full annotator with toolbar and details panel pays more than a bare waveform,',
  'whatever it changes), and at small sizes both sides sit on that floor, so the ratio says little. The script-time and',
  'main-thread rows show the work each library does itself. Chromium on a machine without a usable GPU composites in',
  'software instead and redraws only what changed: the audio benchmark also runs that way (rows marked "software',
  'compositing"), and any benchmark can, with `BENCH_CHROMIUM_ARGS=--disable-gpu-compositing` (there CSS-transformed SVG,',
  'the image peer\'s pan and zoom, gets relatively cheaper and canvas redraws relatively dearer). Traces: `pnpm bench <name> --trace`.',
  '',
];
for (const [name, run] of Object.entries(runs)) {
  md.push(`## ${name}`, '');
  md.push(`Run ${run.machine.date.slice(0, 16).replace('T', ' ')} UTC on ${run.machine.cpu} (${run.machine.cores} cores, ${run.machine.memoryGiB} GiB), ${run.machine.os}, Node ${run.machine.node}, Chromium ${run.machine.chromium}, ${run.machine.rendering}.`);
  const v = Object.entries(run.versions ?? {}).map(([k, ver]) => `${k} ${ver}`).join(', ');
  if (v) md.push(`Versions: ${v}.`);
  md.push('', '| scenario | size | metric | labelkit | peer | ratio (peer / labelkit) | note |', '|---|---:|---|---:|---:|---:|---|');
  for (const e of run.entries) {
    const peer = e.peer == null ? '—' : `${fmt(e.peer)} ${e.unit} (${e.peerName})`;
    const ratio = e.ratio == null ? '—' : `${e.ratio.toFixed(2)}x`;
    md.push(`| ${e.scenario} | ${e.size.toLocaleString('en-US')} | ${e.metric} | ${fmt(e.labelkit)} ${e.unit} | ${peer} | ${ratio} | ${(e.note ?? '').replace(/\|/g, '\\|')} |`);
  }
  md.push('');
}
writeFileSync(path.join(root, 'docs', 'benchmarks.md'), md.join('\n'));
console.log(`wrote docs/benchmarks.json and docs/benchmarks.md (${results.length} entries)`);
