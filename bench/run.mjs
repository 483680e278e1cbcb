#!/usr/bin/env node
// `pnpm bench [name ...] [--dry] [--trace]`: runs each benchmark page (bench/<name>/index.html) in headless Chromium, where
// labelkit and the peer named by the issue are measured side by side on the same data in one run, and
// writes docs/benchmarks.json and docs/benchmarks.md with the machine and the date.
// `BENCH_PEER=0` skips the peers (quick labelkit-only runs while working; use with --dry); `BENCH_EXP='<css>'`
// adds a style sheet to the audio page (experiments: hide a part, change a layer); `BENCH_ONE_MODE=1` skips the
// second, SwiftShader GPU-compositing run.
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
// How Chromium draws, in two settings run one after the other (BENCH_ONE_MODE=1 runs the first only):
// 1. Chromium's default for the machine: the flags TOOLCHAIN.md gives, without the SwiftShader pair that
//    only WebGL needs. On these machines (no GPU) that is software compositing, which redraws only the
//    damaged part of the window; on a machine with a GPU it would be the GPU. The frame-rate limit is off
//    (`--disable-frame-rate-limit --disable-gpu-vsync`): a frame starts as soon as the last one is done,
//    so a frame time is the work of that frame rather than a wait for the next 60 Hz
//    vsync (with the limit, anything under 16.7 ms reads as 16.7 ms and both libraries tie there). The
//    goals are judged here.
// 2. SwiftShader GPU compositing (`--use-angle=swiftshader`, what the WebGL tests run on): the GPU path
//    emulated on the CPU, which redraws the whole window every frame, so a frame costs more the more of
//    the window a page draws, whatever changed. Paced at 60 Hz as a browser normally is: unpaced, the
//    emulated GPU falls behind the page and frames are dropped rather than waited for, so a time "to the
//    painted frame" would no longer include showing it. Rows marked "(SwiftShader GPU compositing)".
const SWIFTSHADER = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const UNTHROTTLED = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];
const extraArgs = ['--enable-precise-memory-info', '--js-flags=--expose-gc', ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)];
const defaultArgs = CHROMIUM_ARGS.filter((a) => !SWIFTSHADER.includes(a));
const modes = [{ label: 'default', suffix: '', pacing: 'frame-rate limit off', args: [...defaultArgs, ...UNTHROTTLED, ...extraArgs] }];
if (!process.env.BENCH_ONE_MODE) modes.push({ label: 'SwiftShader GPU compositing', suffix: ' (SwiftShader GPU compositing)', pacing: 'paced at 60 Hz', args: [...defaultArgs, ...SWIFTSHADER, ...extraArgs] });

/** What chrome://gpu says about compositing in this browser ("Software only…", "Hardware accelerated"). */
async function compositingOf(browser) {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://gpu');
    await page.waitForFunction(() => /Compositing:/.test(document.querySelector('info-view')?.shadowRoot?.textContent ?? ''), undefined, { timeout: 10_000 });
    const text = await page.evaluate(() => document.querySelector('info-view')?.shadowRoot?.textContent ?? '');
    return /Compositing:\s*([^*\n]+?)(?:\*|\n|$)/.exec(text)?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  } finally {
    await page.close();
  }
}

let chromiumVersion = '';
const results = [];
const compositing = [];
try {
  for (const mode of modes) {
    const browser = await chromium.launch({ executablePath, headless: true, args: mode.args });
    chromiumVersion = browser.version();
    const how = await compositingOf(browser);
    compositing.push(`${mode.label}: compositing ${how}, ${mode.pacing}`);
    console.log(`mode ${mode.label}: compositing ${how}, ${mode.pacing}`);
    try {
      for (const name of names) {
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
        if (trace) await browser.startTracing(page, { path: trace, screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'cc', 'viz', 'gpu', 'benchmark', ...(process.env.BENCH_TRACE_CATS ?? '').split(',').filter(Boolean)] });
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
  rendering: `headless Chromium (${compositing.join('; ')}), 1280x800, production build`,
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
  'for lower-is-better metrics: above 1 means labelkit is ahead. The machine is a 2-core VM without a GPU, so absolute',
  'times are pessimistic; the ratios are the point.',
  '',
  'Two settings, each a separate Chromium run (the run line under each heading says what chrome://gpu reported):',
  '',
  '- **Default** (rows without a mark): Chromium as it starts on the machine, with the flags in TOOLCHAIN.md. Without a GPU,',
  '  that is software compositing: only the damaged part of the window is redrawn. The 60 Hz frame-rate limit is off',
  '  (`--disable-frame-rate-limit --disable-gpu-vsync`), so a frame starts as soon as the previous one is done and a frame',
  '  time is the work of that frame. With the limit on, every frame under 16.7 ms reads as 16.7 ms and',
  '  both libraries tie at that floor. The issues\' goals are judged here.',
  '- **SwiftShader GPU compositing** (rows marked so): `--use-angle=swiftshader`, the flag WebGL needs here, which runs',
  '  Chromium\'s GPU path emulated on the CPU, paced at 60 Hz as browsers are. It redraws the whole window every frame,',
  '  10 to 25 ms here, and more the more of the window a page draws, whatever changed: a full annotator with toolbar,',
  '  track and details panel pays more per frame than a bare waveform. On a real GPU that cost is negligible. (Unpaced,',
  '  the emulated GPU falls behind and frames are dropped rather than waited for, so these rows stay paced.)',
  '',
  'Script-time and main-thread rows show the work each library does itself. Traces: `pnpm bench <name> --trace`.',
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
// Before/after comparisons written for a change (docs/benchmark-comparisons.md) stay with the tables.
const comparisons = path.join(root, 'docs', 'benchmark-comparisons.md');
if (existsSync(comparisons)) md.push(readFileSync(comparisons, 'utf8').replace(/^# .*\n/, '').trim(), '');
writeFileSync(path.join(root, 'docs', 'benchmarks.md'), md.join('\n'));
console.log(`wrote docs/benchmarks.json and docs/benchmarks.md (${results.length} entries)`);
