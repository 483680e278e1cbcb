/** `#rgb` or `#rrggbb` as `#rrggbb` plus a two-digit alpha (`alpha` in [0, 1]). */
export function withAlpha(hex: string, alpha: number): string {
  const h = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex.slice(0, 7);
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${h}${a}`;
}
