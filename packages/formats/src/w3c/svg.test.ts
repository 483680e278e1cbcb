import { describe, expect, it } from 'vitest';
import { readSvg, writeSvg, type SvgReading } from './svg.js';
import { pathRings } from './svg-path.js';

const read = (svg: string) => readSvg(svg) as SvgReading;
const cw = 'M 0,0 L 100,0 L 100,100 L 0,100 Z';
const cwInner = 'M 20,20 L 40,20 L 40,40 L 20,40 Z';
const ccwInner = 'M 20,20 L 20,40 L 40,40 L 40,20 Z';

describe('pathRings', () => {
  it('reads absolute and relative M, L, H, V, Z, implicit linetos, and drops a repeated closing point', () => {
    expect(pathRings('m10 10 h20 v20 h-20 z M0,0 5,0 5,5 0,0 Z')).toEqual([
      [[10, 10], [30, 10], [30, 30], [10, 30]],
      [[0, 0], [5, 0], [5, 5]],
    ]);
  });

  it('names what it cannot read: curves, open subpaths, stray characters', () => {
    expect(pathRings('M 0,0 C 1,1 2,2 3,3 Z')).toMatch(/curved path commands/);
    expect(pathRings('M 0,0 L 5,5 L 5,0')).toMatch(/open subpath/);
    expect(pathRings('M 0,0 L 5,5 Z M 1,1 L 2,2')).toMatch(/open subpath/);
    expect(pathRings('M 0,0 # 1')).toMatch(/unexpected "#"/);
  });
});

describe('readSvg', () => {
  it('cuts holes by fill-rule: evenodd alternates, nonzero needs the other winding', () => {
    expect(read(`<svg><path fill-rule="evenodd" d="${cw} ${cwInner}"/></svg>`).shapes).toEqual([{ kind: 'polygon', points: [[0, 0], [100, 0], [100, 100], [0, 100]], holes: [[[20, 20], [40, 20], [40, 40], [20, 40]]] }]);
    expect(read(`<svg><path d="${cw} ${ccwInner}"/></svg>`).shapes).toMatchObject([{ holes: [[[20, 20], [20, 40], [40, 40], [40, 20]]] }]);
    const same = read(`<svg><path d="${cw} ${cwInner}"/></svg>`);
    expect(same.shapes).toEqual([{ kind: 'polygon', points: [[0, 0], [100, 0], [100, 100], [0, 100]] }]);
    expect(same.warnings).toEqual([expect.stringMatching(/subpaths 2 change nothing under fill-rule nonzero/)]);
  });

  it('reads an island inside a hole as a polygon of its own; fill-rule from style or a parent <g>', () => {
    const island = 'M 25,25 L 35,25 L 35,35 L 25,35 Z';
    const viaGroup = read(`<svg xmlns="http://www.w3.org/2000/svg"><title>x</title><g fill-rule="evenodd"><path d="${cw} ${cwInner} ${island}"/></g></svg>`);
    const viaStyle = read(`<svg><path style="stroke:red; fill-rule: evenodd" d="${cw} ${cwInner} ${island}"/></svg>`);
    for (const r of [viaGroup, viaStyle]) {
      expect(r.shapes).toHaveLength(2);
      expect(r.shapes[0]).toMatchObject({ kind: 'polygon', holes: [[[20, 20], [40, 20], [40, 40], [20, 40]]] });
      expect(r.shapes[1]).toEqual({ kind: 'polygon', points: [[25, 25], [35, 25], [35, 35], [25, 35]] });
    }
  });

  it('reads circles as polygons with a warning, prefixed names, and shapes without an <svg> around them', () => {
    const c = read('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:circle cx="0" cy="0" r="2"/></svg:svg>');
    expect(c.shapes[0]).toMatchObject({ kind: 'polygon' });
    expect(c.warnings).toEqual([expect.stringMatching(/<circle> imported as a polygon of 64 points/)]);
    expect(read('<polygon points="0,0 4,0 4,4"/>').shapes).toEqual([{ kind: 'polygon', points: [[0, 0], [4, 0], [4, 4]] }]);
  });

  it('rejects what it cannot carry, saying what', () => {
    expect(readSvg('<svg><g transform="scale(2)"><rect x="0" y="0" width="1" height="1"/></g></svg>')).toMatch(/unsupported transform "scale\(2\)" on <g>/);
    expect(readSvg('<svg><polyline points="0,0 1,1 2,0"/></svg>')).toMatch(/<polyline> is a line/);
    expect(readSvg('<svg><text>hi</text></svg>')).toMatch(/unsupported SVG element <text>/);
    expect(readSvg('<svg><g></g></svg>')).toBe('empty <svg>');
    expect(readSvg('<svg><path d="M 0,0 L 1,1 L 2,2 Z"/></svg>')).toMatch(/subpath 1 needs at least 3 points and an area/);
  });

  it('reads back what writeSvg writes', () => {
    const holed = { kind: 'polygon' as const, points: [[0, 0], [100, 0], [100, 100], [0, 100]] as [number, number][], holes: [[[20, 20], [40, 20], [40, 40], [20, 40]]] as [number, number][][] };
    expect(read(writeSvg(holed)).shapes).toEqual([holed]);
    const box = { kind: 'bbox' as const, box: { x: 1, y: 2, width: 3, height: 4, rotation: 30 } };
    expect(read(writeSvg(box)).shapes).toEqual([box]);
  });
});
