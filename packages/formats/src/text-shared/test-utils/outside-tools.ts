/**
 * Other programs' readers as test oracles (TOOLCHAIN.md "Real third-party tools for tests"): Praat,
 * Debian's Python packages. A missing tool is an error that names the Debian package to install
 * (`.ci/run` installs them), never a skipped test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's own Python: the one that sees `python3-*` packages (the pyenv `python3` on PATH does not). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Throws a clear error unless `path` exists; `debianPackage` is what installs it. */
export function requireExecutable(path: string, debianPackage: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: install the Debian package "${debianPackage}" (apt-get install -y --no-install-recommends ${debianPackage}; .ci/run does this)`);
  return path;
}

/** Writes `files` (name → contents) into a fresh temporary directory and returns its path. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'labelkit-outside-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * Runs `script` with Debian's Python and returns its stdout. `modules` maps each Python module the
 * script imports to its Debian package; a missing one fails with the package's name.
 */
export function runDebianPython(script: string, args: readonly string[], modules: Record<string, string>): string {
  requireExecutable(DEBIAN_PYTHON, 'python3');
  try {
    return execFileSync(DEBIAN_PYTHON, ['-c', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '');
    const missing = /No module named '([^'.]+)/.exec(stderr)?.[1];
    const pkg = missing === undefined ? undefined : modules[missing];
    if (pkg) throw new Error(`Python module "${missing}" is missing for ${DEBIAN_PYTHON}: install the Debian package "${pkg}" (apt-get install -y --no-install-recommends ${pkg}; .ci/run does this)`, { cause: e });
    throw new Error(`${DEBIAN_PYTHON} failed:\n${stderr}`, { cause: e });
  }
}

/** Timeout for a test that starts another program (NLTK alone takes seconds to import on a busy machine). */
export const OUTSIDE_TOOL_TIMEOUT = 60_000;
