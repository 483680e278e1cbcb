#!/usr/bin/env node
// `pnpm test`: every test layer (node, jsdom, browser, Storybook stories) in one Vitest run.
// The browser layers need Chromium and some Node tests Debian's outside readers (scripts/debian-tools.mjs).
// When one is missing this says how to get it — and on Debian as root installs it itself, saying so. It
// never skips a test silently.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium.mjs';
import { DEBIAN_TEST_PACKAGES, ensureDebianPackages } from './debian-tools.mjs';

function ensureChromium() {
  const missing = ensureDebianPackages();
  const found = findChromium();
  if (found && !missing.some((p) => p !== 'chromium')) return found;
  console.error(
    [
      `labelkit test: missing what the tests need: ${found ? '' : 'Chromium; '}${missing.filter((p) => p !== 'chromium').map((p) => `${p} (${DEBIAN_TEST_PACKAGES[p]})`).join(', ')}.`,
      `  Debian/Ubuntu:  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
      '  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome, and the tools above',
      'No test is skipped: install them and run `pnpm test` again.',
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
