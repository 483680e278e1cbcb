/**
 * Makes a new annotation id: random, URL-safe, 12 characters after the prefix. Uses `crypto.getRandomValues` when the
 * platform has it (browsers, Node ≥ 19), else `Math.random`.
 */
export function createId(prefix = ''): string {
  const bytes = new Uint8Array(12);
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint8Array): Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = prefix;
  for (const b of bytes) out += alphabet[b & 63];
  return out;
}
