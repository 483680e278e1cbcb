import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../test-fixtures/', import.meta.url));

/** Reads a fixture of `packages/formats/test-fixtures` as UTF-8 text. */
export function fixtureText(path: string): string {
  return readFileSync(root + path, 'utf8');
}

/** Reads a fixture as bytes. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(root + path));
}
