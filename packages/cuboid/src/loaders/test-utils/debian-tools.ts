// Test-only: the outside tools the loader tests compare against (Debian packages that .ci/run installs).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PYTHON = '/usr/bin/python3';

const missing = (what: string, pkg: string) =>
  new Error(
    `${what} is missing: the point-cloud loader tests need Debian's '${pkg}' package ` +
      `(apt-get install -y --no-install-recommends ${pkg}; .ci/run installs it as root). They are not skipped.`,
  );

/** Throws an error naming the Debian package when `/usr/bin/<executable>` is not installed. */
export function requireExecutable(executable: string, pkg: string): string {
  const file = `/usr/bin/${executable}`;
  if (!existsSync(file)) throw missing(file, pkg);
  return file;
}

/** Throws an error naming the Debian package when Debian's Python (`/usr/bin/python3`) cannot import `module`. */
export function requirePythonModule(module: string, pkg: string): void {
  if (!existsSync(PYTHON)) throw missing(PYTHON, 'python3');
  const r = spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' });
  if (r.status !== 0) throw missing(`Python module '${module}' (for ${PYTHON})`, pkg);
}

/** Runs Debian's Python on a script with arguments; throws with its stderr when it fails. */
export function python(script: string, ...args: string[]): void {
  execFileSync(PYTHON, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Runs a tool; `okStatuses` lists the exit codes that mean success (pcl_ply2ply exits 1 after writing its file). */
export function runTool(file: string, args: string[], okStatuses: number[] = [0]): string {
  const r = spawnSync(file, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (!okStatuses.includes(r.status ?? -1)) throw new Error(`${file} ${args.join(' ')} exited with ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}
