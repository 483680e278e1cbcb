#!/usr/bin/env node
// `pnpm size [--update]`: the size a host's bundler ships for each package entry point — its built `dist`
// file bundled with everything it imports except peers and other @labelkit packages (each is measured on
// its own), minified and gzipped — checked against the budgets in size-budgets.json. Growth past a budget
// fails: raise the budget in the same change (`--update` writes today's sizes, rounded up to the next
// 0.1 kB) so that it is a decision, not an accident. Workers are measured as entries of their own.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const budgetsFile = path.join(root, 'size-budgets.json');
const update = process.argv.includes('--update');

/** Every entry a host can import (package exports) and every worker a package starts, by `name/sub`. */
function entries() {
  const out = [];
  for (const dir of readdirSync(path.join(root, 'packages'))) {
    const pkgDir = path.join(root, 'packages', dir);
    if (!existsSync(path.join(pkgDir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    const external = [...Object.keys(pkg.peerDependencies ?? {}), '@labelkit/*'];
    for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
      const file = typeof target === 'string' ? target : target.import;
      if (!file?.endsWith('.js')) continue;
      out.push({ name: sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`, file: path.join(pkgDir, file), external });
    }
    const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    if (!existsSync(path.join(pkgDir, 'dist'))) throw new Error(`pnpm size: ${pkg.name} is not built (run pnpm build)`);
    for (const f of walk(path.join(pkgDir, 'dist')).filter((f) => /worker\.js$/.test(f))) {
      out.push({ name: `${pkg.name} (${path.relative(path.join(pkgDir, 'dist'), f)})`, file: f, external });
    }
  }
  return out;
}

/** Minified, gzipped bytes of `file` bundled as a host would, peers left out. */
async function shippedBytes({ file, external }) {
  const result = await build({ entryPoints: [file], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, external, logLevel: 'silent', legalComments: 'none', outdir: path.join(root, 'node_modules', '.cache', 'size-check') });
  const js = Buffer.concat(result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => Buffer.from(f.contents)));
  return { minified: js.length, gzipped: gzipSync(js, { level: 9 }).length };
}

const budgets = existsSync(budgetsFile) ? JSON.parse(readFileSync(budgetsFile, 'utf8')) : {};
const next = {};
const rows = [];
let over = 0;
for (const e of entries()) {
  const { minified, gzipped } = await shippedBytes(e);
  const kb = gzipped / 1000;
  const budget = budgets[e.name];
  next[e.name] = Math.ceil(kb * 10) / 10;
  const status = budget === undefined ? 'no budget' : kb > budget ? `OVER by ${(kb - budget).toFixed(1)} kB` : 'ok';
  if (budget === undefined || kb > budget) over++;
  rows.push(`${e.name.padEnd(46)} ${(minified / 1000).toFixed(1).padStart(8)} kB min ${kb.toFixed(1).padStart(7)} kB gzip  budget ${budget === undefined ? '—' : `${budget} kB`}  ${status}`);
}
console.log(rows.join('\n'));
if (update) {
  writeFileSync(budgetsFile, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`size budgets written to size-budgets.json (${Object.keys(next).length} entries)`);
} else if (over) {
  console.error(`\npnpm size: ${over} entr${over === 1 ? 'y is' : 'ies are'} over budget or without one. If the growth is meant, run \`pnpm size --update\` and commit size-budgets.json with the change that grew it.`);
  process.exit(1);
}
