#!/usr/bin/env node
// `pnpm test`: every test layer (node, jsdom, browser, Storybook stories) in one Vitest run.
// The browser layers need Chromium. When none is found this says how to get one — and on Debian as root
// installs Debian's `chromium` package itself, saying so. It never skips the browser tests silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium.mjs';

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    console.log('labelkit test: no Chromium found; installing Debian\'s "chromium" package (apt-get install -y chromium) ...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    [
      'labelkit test: the browser tests need Chromium, and none was found.',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome',
      'The browser tests are not skipped: install a browser and run `pnpm test` again.',
    ].join('\n'),
  );
  process.exit(1);
}

const chromium = ensureChromium();
process.env.CHROMIUM_PATH = chromium;
const args = process.argv.slice(2);
// Also write a JSON report, to end with one plain summary line that any CI log reader understands.
const report = path.join(tmpdir(), `labelkit-vitest-${process.pid}.json`);
const reporters = args.some((a) => a.startsWith('--reporter')) ? [] : ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', ...reporters, ...args], { stdio: 'inherit', env: process.env });
if (reporters.length && existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
process.exit(result.status ?? 1);
