/** Multi-file formats take one file's text or a record of file name → text. */
export type FileSet = Record<string, string>;

/** The base name of a path (`labels/train/1.txt` → `1.txt`). */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** A path without its last extension (`a/b.jpg` → `a/b`). */
export function stripExtension(p: string): string {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash + 0 && dot > 0 ? p.slice(0, dot) : p;
}

/** Splits text into lines (LF or CRLF), keeping 1-based numbering. */
export function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}
