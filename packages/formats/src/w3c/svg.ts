import { polygonSignedArea, type Point2 } from '@labelkit/core';
import { boxCorners, type Box } from '../shared/geometry.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';
import { childElements, parseXml, XmlError, type XmlElement } from '../shared/xml.js';
import { filledRegions } from './svg-fill.js';
import { pathRings } from './svg-path.js';

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

/** What an SvgSelector value reads as: its shapes in document order, and what was approximated or ignored. */
export interface SvgReading {
  shapes: SvgShape[];
  warnings: string[];
}

/** Points on an ellipse (a circle when `rx = ry`), clockwise on screen: how `<ellipse>` and `<circle>` are imported. */
export const ELLIPSE_POINTS = 64;

/** Elements that draw nothing. */
const SILENT = new Set(['title', 'desc', 'metadata', 'defs']);

const localName = (el: XmlElement) => el.name.slice(el.name.indexOf(':') + 1);

/** A presentation attribute or its `style` declaration (`style` wins, as in CSS). */
function presentation(el: XmlElement, name: string): string | undefined {
  const decl = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(el.attributes.style ?? '');
  return decl ? decl[1]!.trim() : el.attributes[name];
}

/**
 * Reads an SvgSelector value: `<rect>` (rotated about its centre), `<polygon>`, a `<path>` of straight
 * closed subpaths (outer rings and holes by its `fill-rule`, as Annotorious writes polygons with holes),
 * any of them inside `<g>` groups; `<ellipse>` and `<circle>` become polygons of {@link ELLIPSE_POINTS}
 * points, with a warning. Returns why not when it holds anything else (lines, curves, transforms).
 */
export function readSvg(svg: string): SvgReading | string {
  let root: XmlElement;
  try {
    root = parseXml(svg);
  } catch (e) {
    if (e instanceof XmlError) return `invalid SVG: ${e.message}`;
    throw e;
  }
  const out: SvgReading = { shapes: [], warnings: [] };
  const problem = walk(root, 'nonzero', out);
  if (problem) return problem;
  if (!out.shapes.length) return localName(root) === 'svg' ? 'empty <svg>' : `<${localName(root)}> holds no shape`;
  return out;
}

function walk(el: XmlElement, inherited: 'evenodd' | 'nonzero', out: SvgReading): string | undefined {
  const name = localName(el);
  const ruleText = presentation(el, 'fill-rule');
  const rule = ruleText === 'evenodd' ? 'evenodd' : ruleText === 'nonzero' ? 'nonzero' : inherited;
  if (name === 'svg' || name === 'g') {
    if (el.attributes.transform) return `unsupported transform "${el.attributes.transform}" on <${name}>`;
    for (const child of childElements(el)) {
      const problem = walk(child, rule, out);
      if (problem) return problem;
    }
    return undefined;
  }
  if (SILENT.has(name)) return undefined;
  if (el.attributes.transform && name !== 'rect') return `unsupported transform "${el.attributes.transform}" on <${name}> (only a <rect> may be rotated about its centre)`;
  const shape = readShape(el, name, rule, out.warnings);
  if (typeof shape === 'string') return shape;
  out.shapes.push(...shape);
  return undefined;
}

function readShape(el: XmlElement, name: string, rule: 'evenodd' | 'nonzero', warnings: string[]): SvgShape[] | string {
  const a = el.attributes;
  if (name === 'rect') {
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
    return [{ kind: 'bbox', box }];
  }
  if (name === 'polygon') {
    const ring = ringOf(numbers(a.points ?? ''));
    return ring ? [{ kind: 'polygon', points: ring }] : '<polygon> needs at least 3 "x,y" points';
  }
  if (name === 'path') {
    const rings = pathRings(a.d ?? '');
    if (typeof rings === 'string') return `<path>: ${rings}`;
    if (!rings.length) return '<path> has no subpath';
    const flat = rings.findIndex((r) => r.length < 3 || polygonSignedArea(r) === 0);
    if (flat >= 0) return `<path> subpath ${flat + 1} needs at least 3 points and an area`;
    const { regions, unused } = filledRegions(rings, rule);
    if (unused.length) warnings.push(`<path> subpaths ${unused.map((k) => k + 1).join(', ')} change nothing under fill-rule ${rule} (filled on both sides or neither); ignored`);
    return regions.map((r) => ({ kind: 'polygon', points: r.points, ...(r.holes ? { holes: r.holes } : {}) }));
  }
  if (name === 'ellipse' || name === 'circle') {
    const [cx, cy] = ['cx', 'cy'].map((k) => parseNumberToken(a[k] ?? '0'));
    const [rx, ry] = name === 'circle' ? [parseNumberToken(a.r ?? ''), parseNumberToken(a.r ?? '')] : [parseNumberToken(a.rx ?? ''), parseNumberToken(a.ry ?? '')];
    if (cx === undefined || cy === undefined || !(rx! > 0) || !(ry! > 0)) return `<${name}> needs numeric cx, cy and a positive ${name === 'circle' ? 'r' : 'rx, ry'}`;
    warnings.push(`<${name}> imported as a polygon of ${ELLIPSE_POINTS} points on it: labelkit has no ${name} kind`);
    const points = Array.from({ length: ELLIPSE_POINTS }, (_, k): Point2 => {
      const t = (2 * Math.PI * k) / ELLIPSE_POINTS;
      return [cx + rx! * Math.cos(t), cy + ry! * Math.sin(t)];
    });
    return [{ kind: 'polygon', points }];
  }
  if (name === 'line' || name === 'polyline') return `<${name}> is a line, not a region; labelkit has no line or polyline kind`;
  return `unsupported SVG element <${name}> (rect, polygon, path, ellipse, circle, in <g> groups)`;
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
