/** Test-only: reads the real-world fixtures copied into `packages/formats/test-fixtures` (or `LABELKIT_FIXTURES`). */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const candidates = [process.env.LABELKIT_FIXTURES, path.resolve(here, '../../test-fixtures')].filter(Boolean) as string[];

/** The fixtures root directory. */
export const FIXTURES = candidates.find((c) => {
  try {
    return statSync(c).isDirectory() && readdirSync(c).includes('coco');
  } catch {
    return false;
  }
}) ?? path.resolve(here, '../../test-fixtures');

/** A fixture file's text. */
export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/** Every file under a fixture directory as a record of relative path → text. */
export function fixtureDir(rel: string): Record<string, string> {
  const root = path.join(FIXTURES, rel);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(root, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** A maker of temporary directories (`<tmp>/<prefix>XXXXXX`) that are removed when the calling test file ends. */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
