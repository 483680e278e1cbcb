// Runs the Python reference scripts of ./reference on JSON input, with Debian's /usr/bin/python3
// (the pyenv python3 on PATH does not see Debian's packages). A missing package is an error that
// names the Debian package to install, never a skipped test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const here = path.dirname(fileURLToPath(import.meta.url));

/** Python module → the Debian package that provides it (all listed in .ci/run). */
const DEBIAN_PACKAGES: Record<string, string> = {
  sklearn: 'python3-sklearn',
  scipy: 'python3-scipy',
  numpy: 'python3-numpy',
  shapely: 'python3-shapely',
};

/** Runs `reference/<script>` with `input` as JSON on stdin and returns its JSON output. */
export function runReference<T>(script: string, input: unknown): T {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: install Debian's python3 (apt-get install python3)`);
  try {
    const out = execFileSync(PYTHON, [path.join(here, '..', 'reference', script)], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return JSON.parse(out) as T;
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '');
    const missing = /No module named '([^'.]+)/.exec(stderr)?.[1];
    if (missing !== undefined) {
      const pkg = DEBIAN_PACKAGES[missing] ?? `the Debian package of Python module ${missing}`;
      throw new Error(`reference ${script} needs ${pkg}: apt-get install -y --no-install-recommends ${pkg} (see .ci/run)`, { cause: e });
    }
    throw new Error(`reference ${script} failed: ${stderr || String(e)}`, { cause: e });
  }
}

/** A small seeded random generator (mulberry32), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
