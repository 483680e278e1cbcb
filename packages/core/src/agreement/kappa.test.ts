import { describe, expect, it, vi } from 'vitest';
import { cohenKappa, fleissKappa } from './kappa.js';
import { krippendorffAlpha, type MeasurementLevel } from './krippendorff.js';
import { runReference, seededRandom } from './test-utils/python.js';

// The Python references start in a second or more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const nan = (x: number | null): number => (x === null ? NaN : x);

describe('cohenKappa', () => {
  it('agrees with scikit-learn cohen_kappa_score on random ratings', () => {
    const rand = seededRandom(16);
    const cases: [string[], string[]][] = [];
    for (let c = 0; c < 60; c++) {
      const n = 1 + Math.floor(rand() * 40);
      const k = 1 + Math.floor(rand() * 4);
      const a = Array.from({ length: n }, () => `c${Math.floor(rand() * k)}`);
      // b copies a with some probability, so kappa spreads over its range.
      const b = a.map((x) => (rand() < 0.6 ? x : `c${Math.floor(rand() * k)}`));
      cases.push([a, b]);
    }
    cases.push([['x', 'x', 'x'], ['x', 'x', 'x']]); // one category: undefined
    const ref = runReference<{ cohen: (number | null)[] }>('kappa.py', { cohen: cases });
    cases.forEach(([a, b], i) => {
      const want = nan(ref.cohen[i] as number | null);
      if (Number.isNaN(want)) expect(cohenKappa(a, b)).toBeNaN();
      else expect(cohenKappa(a, b)).toBeCloseTo(want, 12);
    });
  });

  it('gives the textbook value, NaN when undefined, and refuses unequal lengths', () => {
    // 50 items: both yes 20, A yes / B no 5, A no / B yes 10, both no 15 → pₒ 0.7, pₑ 0.5, κ 0.4.
    const a = [...Array(25).fill('yes'), ...Array(25).fill('no')] as string[];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')] as string[];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
    expect(cohenKappa([], [])).toBeNaN();
    expect(cohenKappa(['a', 'a'], ['a', 'a'])).toBeNaN();
    expect(() => cohenKappa(['a'], [])).toThrow(RangeError);
  });
});

describe('fleissKappa', () => {
  it("gives the worked example's printed values (Wikipedia, 'Fleiss' kappa': P̄ 0.378, P̄e 0.213, κ 0.210)", () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
  });

  it('agrees with the reference formula on random tables, and is NaN when undefined', () => {
    const rand = seededRandom(1971);
    const tables: number[][][] = [];
    for (let t = 0; t < 40; t++) {
      const items = 1 + Math.floor(rand() * 20);
      const cats = 2 + Math.floor(rand() * 4);
      const raters = 2 + Math.floor(rand() * 6);
      tables.push(
        Array.from({ length: items }, () => {
          const row = new Array<number>(cats).fill(0);
          const favourite = Math.floor(rand() * cats);
          for (let r = 0; r < raters; r++) row[rand() < 0.5 ? favourite : Math.floor(rand() * cats)]!++;
          return row;
        }),
      );
    }
    const ref = runReference<{ fleiss: (number | null)[] }>('kappa.py', { fleiss: tables });
    tables.forEach((t, i) => {
      const want = nan(ref.fleiss[i] as number | null);
      if (Number.isNaN(want)) expect(fleissKappa(t)).toBeNaN();
      else expect(fleissKappa(t)).toBeCloseTo(want, 12);
    });
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNaN();
    expect(fleissKappa([])).toBeNaN();
    expect(() => fleissKappa([[1, 2], [1, 1]])).toThrow(/expected 3/);
  });
});

describe('krippendorffAlpha', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing
  // data: 4 observers, 12 units, values 1–5; printed α nominal .743, ordinal .815, interval .849.
  const paper = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];

  it("gives the paper's printed values for its example", () => {
    expect(krippendorffAlpha(paper, { level: 'nominal' })).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(paper, { level: 'ordinal' })).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(paper, { level: 'interval' })).toBeCloseTo(0.849, 3);
  });

  it('agrees with the pairwise-definition reference on random data with missing values', () => {
    const rand = seededRandom(2011);
    const cases: { data: (number | null)[][]; level: MeasurementLevel }[] = [];
    for (let c = 0; c < 45; c++) {
      const coders = 2 + Math.floor(rand() * 4);
      const units = 1 + Math.floor(rand() * 15);
      const k = 1 + Math.floor(rand() * 5);
      const truth = Array.from({ length: units }, () => 1 + Math.floor(rand() * k));
      const data = Array.from({ length: coders }, () =>
        truth.map((t) => (rand() < 0.2 ? null : rand() < 0.6 ? t : 1 + Math.floor(rand() * k))),
      );
      cases.push({ data, level: (['nominal', 'ordinal', 'interval'] as const)[c % 3]! });
    }
    cases.push({ data: paper, level: 'nominal' });
    const ref = runReference<{ alpha: (number | null)[] }>('kappa.py', { alpha: cases });
    cases.forEach((c, i) => {
      const want = nan(ref.alpha[i] as number | null);
      const got = krippendorffAlpha(c.data, { level: c.level });
      if (Number.isNaN(want)) expect(got).toBeNaN();
      else expect(got).toBeCloseTo(want, 10);
    });
  });

  it('takes strings under nominal, refuses them under interval, and is NaN with nothing pairable', () => {
    expect(krippendorffAlpha([['a', 'b', 'a'], ['a', 'b', 'b']], { level: 'nominal' })).toBeCloseTo(
      krippendorffAlpha([[1, 2, 1], [1, 2, 2]], { level: 'nominal' }),
      12,
    );
    expect(() => krippendorffAlpha([['a'], ['b']], { level: 'interval' })).toThrow(TypeError);
    expect(krippendorffAlpha([[1, null], [null, 2]], { level: 'nominal' })).toBeNaN();
    expect(krippendorffAlpha([[1, 1], [1, 1]], { level: 'nominal' })).toBeNaN();
  });
});
