/** Number helpers shared by the text formats (YOLO rows, VOC pixels, CVAT points). */

/** Parses a decimal number token strictly (no hex, no empty string, no trailing junk). */
export function parseNumberToken(token: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token.trim())) return undefined;
  const n = Number(token);
  return Number.isFinite(n) ? n : undefined;
}

/** Formats a number for text output: shortest exact representation, `-0` written as `0`. */
export function fmt(n: number): string {
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** Whether two numbers agree within `eps` (absolute). */
export function near(a: number, b: number, eps = 1e-6): boolean {
  return Math.abs(a - b) <= eps;
}
