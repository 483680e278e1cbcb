import { describe, expect, it } from 'vitest';
import { defineSchema } from './schema.js';
import { validateAnnotations, assertValidAnnotations } from './validate.js';
import { AnnotationError } from './issues.js';

const schema = defineSchema({
  labels: [
    { id: 'car', kinds: ['bbox', 'polygon', 'track', 'cuboid'], attributes: [{ id: 'make', type: 'select', options: ['vw', 'bmw'], required: true }, { id: 'doors', type: 'number', integer: true, min: 1, max: 5 }, { id: 'plate', type: 'text', pattern: '[A-Z]{2}-\\d+' }] },
    { id: 'person', kinds: ['keypoints'], skeleton: { keypoints: ['a', 'b', 'c'] } },
    { id: 'PER', kinds: ['span'] },
    { id: 'greet', kinds: ['tag'] },
    { id: 'speech', kinds: ['segment'] },
  ],
});

describe('validateAnnotations', () => {
  it('accepts valid annotations of every kind', () => {
    const text = '👨🏻‍🚒 Tokyo';
    const issues = validateAnnotations(
      schema,
      [
        { id: '1', kind: 'bbox', label: 'car', x: 0, y: 0, width: 10, height: 5, rotation: 30, attributes: { make: 'vw', doors: 3, plate: 'AB-12' } },
        { id: '2', kind: 'polygon', label: 'car', points: [[0, 0], [10, 0], [0, 10]], attributes: { make: 'bmw' } },
        { id: '3', kind: 'keypoints', label: 'person', points: [{ x: 1, y: 1, visibility: 2 }, { x: 0, y: 0, visibility: 0 }, { x: 3, y: 3, visibility: 1 }] },
        { id: '4', kind: 'span', label: 'PER', start: 5, end: 10, text: 'Tokyo' },
        { id: '5', kind: 'tag', label: 'greet' },
        { id: '6', kind: 'segment', label: 'speech', start: 0.5, end: 1.25, text: 'hi' },
        { id: '7', kind: 'track', label: 'car', keyframes: [{ frame: 0, x: 0, y: 0, width: 1, height: 1, attributes: { doors: 3 } }, { frame: 5, x: 2, y: 0, width: 1, height: 1, outside: true }], attributes: { make: 'vw' } },
        { id: '8', kind: 'cuboid', label: 'car', center: [1, 2, 0], size: [4, 2, 1.5], yaw: 0.3, attributes: { make: 'vw' } },
      ],
      { text },
    );
    expect(issues).toEqual([]);
  });

  it('names every problem with its path', () => {
    const issues = validateAnnotations(
      schema,
      [
        { id: 'a', kind: 'bbox', label: 'nope', x: 0, y: 0, width: 0, height: Infinity },
        { id: 'a', kind: 'bbox', label: 'PER', x: 0, y: 0, width: 1, height: 1 },
        { id: 'b', kind: 'bbox', label: 'car', x: 0, y: 0, width: 1, height: 1, attributes: { doors: 2.5, plate: 'x', color: 'red' } },
        { id: 'c', kind: 'polygon', label: 'car', points: [[0, 0], [1, 1], [2, 2]], attributes: { make: 'vw' } },
        { id: 'd', kind: 'keypoints', label: 'person', points: [{ x: 0, y: 0, visibility: 3 }] },
        { id: 'e', kind: 'span', label: 'PER', start: 5, end: 5, text: '' },
        { id: 'f', kind: 'span', label: 'PER', start: 0, end: 2, text: 'xx' },
        { id: 'g', kind: 'segment', label: 'speech', start: -1, end: -2 },
        { id: 'h', kind: 'track', label: 'car', keyframes: [{ frame: 3, x: 0, y: 0, width: 1, height: 1, attributes: { doors: 9, wheels: 4 } }, { frame: 3, x: 0, y: 0, width: 1, height: 1 }, { frame: 1.5, x: 0, y: 0, width: 1, height: 1 }], attributes: { make: 'vw' } },
        { id: 'i', kind: 'cuboid', label: 'car', center: [0, 0, 0], size: [1, 0, 1], yaw: 0, attributes: { make: 'vw' } },
        { id: 'j', kind: 'ellipse', label: 'car' },
      ],
      { text: 'ab' },
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['[0].label']).toMatch(/unknown label "nope"/);
    expect(byPath['[0].width']).toMatch(/width > 0/);
    expect(byPath['[0].height']).toMatch(/finite/);
    expect(byPath['[1].id']).toMatch(/duplicate id "a"/);
    expect(byPath['[1].label']).toMatch(/not allowed for kind "bbox"/);
    expect(byPath['[2].attributes.make']).toMatch(/required/);
    // A keyframe's attributes are checked against the label's, but need not be complete (no `make`).
    expect(byPath['[8].keyframes[0].attributes.doors']).toMatch(/<= 5|max|at most/);
    expect(byPath['[8].keyframes[0].attributes.wheels']).toMatch(/has no attribute "wheels"/);
    expect(byPath['[8].keyframes[0].attributes.make']).toBeUndefined();
    expect(byPath['[2].attributes.doors']).toMatch(/integer/);
    expect(byPath['[2].attributes.plate']).toMatch(/pattern/);
    expect(byPath['[2].attributes.color']).toMatch(/no attribute "color"/);
    expect(byPath['[3].points']).toMatch(/non-zero area/);
    expect(byPath['[4].points']).toMatch(/expected 3 keypoints/);
    expect(byPath['[4].points[0].visibility']).toMatch(/0 \(not labelled\)/);
    expect(byPath['[5].end']).toMatch(/end > start/);
    expect(byPath['[6].text']).toMatch(/"ab"/);
    expect(byPath['[7].start']).toMatch(/>= 0/);
    expect(byPath['[8].keyframes[1].frame']).toMatch(/duplicate keyframe/);
    expect(byPath['[8].keyframes[2].frame']).toMatch(/integer/);
    expect(byPath['[9].size[1]']).toMatch(/> 0/);
    expect(byPath['[10].kind']).toMatch(/unknown kind/);
  });

  it('rejects empty, reversed and non-finite segments, naming the field', () => {
    const seg = (id: string, start: unknown, end: unknown) => ({ id, kind: 'segment', label: 'speech', start, end });
    const issues = validateAnnotations(schema, [seg('ok', 0, 0.001), seg('empty', 0, 0), seg('reversed', 2, 1), seg('nan', Number.NaN, 1), seg('inf', 0, Infinity), seg('text', '0', 1)]);
    expect(issues.map((i) => i.path)).toEqual(['[1].end', '[2].end', '[3].start', '[4].end', '[5].start']);
    expect(issues[0]!.message).toMatch(/end > start .*never empty.*start 0, end 0/);
    expect(issues[2]!.message).toMatch(/finite number, got NaN/);
  });

  it('rejects keypoints on a label without a skeleton, saying why', () => {
    const open = defineSchema({ labels: [{ id: 'thing' }, { id: 'person', skeleton: { keypoints: ['a'] } }] });
    const issues = validateAnnotations(open, [
      { id: 'p', kind: 'keypoints', label: 'person', points: [{ x: 1, y: 1, visibility: 2 }] },
      { id: 't', kind: 'keypoints', label: 'thing', points: [{ x: 1, y: 1, visibility: 2 }] },
    ]);
    expect(issues).toEqual([{ path: '[1].label', message: expect.stringMatching(/label "thing" has no skeleton/) }]);
    // Other kinds stay allowed on that label.
    expect(validateAnnotations(open, [{ id: 'b', kind: 'bbox', label: 'thing', x: 0, y: 0, width: 1, height: 1 }])).toEqual([]);
  });

  it('checks span offsets in code points, not UTF-16 units', () => {
    const text = '🇯🇵 Tokyo';
    expect(validateAnnotations(schema, [{ id: 's', kind: 'span', label: 'PER', start: 3, end: 8, text: 'Tokyo' }], { text })).toEqual([]);
    expect(validateAnnotations(schema, [{ id: 's', kind: 'span', label: 'PER', start: 5, end: 10, text: 'Tokyo' }], { text })[0]?.path).toBe('[0].end');
  });

  it('assertValidAnnotations throws an AnnotationError listing the issues', () => {
    expect(() => assertValidAnnotations(schema, [{ id: 'x', kind: 'tag', label: 'car' }])).toThrow(AnnotationError);
    expect(() => assertValidAnnotations(schema, [{ id: 'x', kind: 'tag', label: 'car' }])).toThrow(/\[0\]\.label/);
  });
});
