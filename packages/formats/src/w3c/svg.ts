import type { Point2 } from '@labelkit/core';
import { boxCorners, type Box } from '../shared/geometry.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';
import { childElements, parseXml, XmlError, type XmlElement } from '../shared/xml.js';

/** What an SvgSelector holds: a (rotated) rectangle or a polygon with holes. */
export type SvgShape = { kind: 'bbox'; box: Box } | { kind: 'polygon'; points: Point2[]; holes?: Point2[][] };

function numbers(s: string): number[] | undefined {
  const toks = s.trim().split(/[\s,]+/).filter(Boolean);
  const out = toks.map(parseNumberToken);
  return out.every((n) => n !== undefined) ? (out as number[]) : undefined;
}

function ringOf(flat: number[] | undefined): Point2[] | undefined {
  if (!flat || flat.length < 6 || flat.length % 2) return undefined;
  const pts: Point2[] = [];
  for (let i = 0; i < flat.length; i += 2) pts.push([flat[i]!, flat[i + 1]!]);
  const a = pts[0]!;
  const b = pts[pts.length - 1]!;
  return pts.length > 3 && a[0] === b[0] && a[1] === b[1] ? pts.slice(0, -1) : pts;
}

/** Reads `<svg><rect .../></svg>`, `<polygon points>` or an absolute `M/L/Z` `<path>` (subpaths after the first are holes). */
export function readSvg(svg: string): SvgShape | string {
  let root: XmlElement;
  try {
    root = parseXml(svg);
  } catch (e) {
    if (e instanceof XmlError) return `invalid SVG: ${e.message}`;
    throw e;
  }
  const shape = root.name === 'svg' ? childElements(root)[0] : root;
  if (!shape) return 'empty <svg>';
  const a = shape.attributes;
  if (shape.name === 'rect') {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => parseNumberToken(a[k] ?? '0'));
    if ([x, y, w, h].some((v) => v === undefined) || !(w! > 0) || !(h! > 0)) return '<rect> needs numeric x, y and positive width, height';
    const box: Box = { x: x!, y: y!, width: w!, height: h! };
    if (a.transform) {
      const m = /^\s*rotate\(\s*([^)]*)\)\s*$/.exec(a.transform);
      const args = m ? numbers(m[1]!) : undefined;
      if (!args || (args.length !== 1 && args.length !== 3)) return `unsupported transform "${a.transform}" (only rotate(angle cx cy) about the centre)`;
      const [deg, cx, cy] = args;
      if (args.length === 3 && (Math.abs(cx! - (x! + w! / 2)) > 1e-6 * Math.max(1, Math.abs(cx!)) || Math.abs(cy! - (y! + h! / 2)) > 1e-6 * Math.max(1, Math.abs(cy!)))) {
        return 'rotate() must pivot on the rectangle centre';
      }
      if (args.length === 1) return 'rotate(angle) pivots on the origin; write rotate(angle cx cy) about the centre';
      if (deg) box.rotation = ((deg! % 360) + 360) % 360;
    }
    return { kind: 'bbox', box };
  }
  if (shape.name === 'polygon') {
    const ring = ringOf(numbers(a.points ?? ''));
    return ring ? { kind: 'polygon', points: ring } : '<polygon> needs at least 3 "x,y" points';
  }
  if (shape.name === 'path') {
    const d = a.d ?? '';
    if (!/^[\sMLZmlz0-9.,eE+-]*$/.test(d) || /[ml]/.test(d)) return 'only absolute M, L and Z path commands are supported';
    const rings = d.split(/[Mm]/).map((s) => s.replace(/[LlZz]/g, ' ').trim()).filter(Boolean).map((s) => ringOf(numbers(s)));
    if (!rings.length || rings.some((r) => !r)) return '<path> subpaths need at least 3 points each';
    const [outer, ...holes] = rings as Point2[][];
    return { kind: 'polygon', points: outer!, ...(holes.length ? { holes } : {}) };
  }
  return `unsupported SVG element <${shape.name}> (rect, polygon or path)`;
}

/** An SvgSelector value for a rotated box (rect + rotate about its centre) or a polygon (path with holes). */
export function writeSvg(shape: SvgShape): string {
  if (shape.kind === 'bbox') {
    const b = shape.box;
    const rot = b.rotation ? ` transform="rotate(${fmt(b.rotation)} ${fmt(b.x + b.width / 2)} ${fmt(b.y + b.height / 2)})"` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg"><rect x="${fmt(b.x)}" y="${fmt(b.y)}" width="${fmt(b.width)}" height="${fmt(b.height)}"${rot}/></svg>`;
  }
  const ring = (r: Point2[]) => r.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' ');
  if (!shape.holes?.length) return `<svg xmlns="http://www.w3.org/2000/svg"><polygon points="${ring(shape.points)}"/></svg>`;
  const d = [shape.points, ...shape.holes].map((r) => `M${r.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' L')} Z`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg"><path fill-rule="evenodd" d="${d}"/></svg>`;
}

export { boxCorners };
