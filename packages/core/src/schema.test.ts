import { describe, expect, it } from 'vitest';
import { defineSchema, labelAncestors, labelsForKind, defaultAttributes } from './schema.js';
import { SchemaError, type Issue } from './issues.js';
import type { SchemaInput } from './schema-types.js';

function issuesOf(input: unknown): Issue[] {
  try {
    defineSchema(input as SchemaInput);
  } catch (e) {
    expect(e).toBeInstanceOf(SchemaError);
    return [...(e as SchemaError).issues];
  }
  throw new Error('expected defineSchema to throw');
}

const person = {
  id: 'person',
  name: 'Person',
  color: '#E6194B',
  hotkey: '1',
  kinds: ['bbox', 'keypoints'] as const,
  skeleton: { keypoints: ['nose', 'left_eye', 'right_eye'], edges: [['nose', 'left_eye'], ['nose', 'right_eye']] as [string, string][], mirror: [['left_eye', 'right_eye']] as [string, string][] },
  attributes: [
    { id: 'occluded', type: 'boolean' as const },
    { id: 'pose', type: 'select' as const, options: ['standing', 'sitting'], required: true, default: 'standing' },
  ],
};

describe('defineSchema', () => {
  it('fills defaults, freezes and indexes a valid schema', () => {
    const s = defineSchema({ labels: [{ id: 'agent', kinds: ['bbox'], selectable: false }, { ...person, kinds: [...person.kinds], parent: 'agent' }, { id: 'car' }] });
    expect(s.byId.get('person')?.color).toBe('#e6194b');
    expect(s.byId.get('car')?.name).toBe('car');
    expect(s.byId.get('car')?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(s.byId.get('car')?.kinds).toContain('span');
    expect(s.children.get('agent')).toEqual(['person']);
    expect(s.children.get('')).toEqual(['agent', 'car']);
    expect(Object.isFrozen(s.labels[1])).toBe(true);
    expect(Object.isFrozen(s.labels[1]!.skeleton!.keypoints)).toBe(true);
    expect(labelAncestors(s, 'person').map((l) => l.id)).toEqual(['agent']);
    expect(labelsForKind(s, 'bbox').map((l) => l.id)).toEqual(['person', 'car']);
    expect(defaultAttributes(s.byId.get('person'))).toEqual({ pose: 'standing' });
  });

  it('inherits kinds from the parent when a label has none', () => {
    const s = defineSchema({ labels: [{ id: 'intent', kinds: ['tag'], selectable: false, exclusive: true }, { id: 'greet', parent: 'intent' }] });
    expect(s.byId.get('greet')?.kinds).toEqual(['tag']);
  });

  it('gives a label without kinds every kind but keypoints, unless it has a skeleton of its own', () => {
    const s = defineSchema({
      labels: [
        { id: 'thing' },
        { id: 'pose', skeleton: { keypoints: ['a', 'b'], edges: [['a', 'b']] } },
        { id: 'person', kinds: ['bbox', 'keypoints'], skeleton: { keypoints: ['a'] } },
        { id: 'rider', parent: 'person' },
      ],
    });
    expect(s.byId.get('thing')?.kinds).not.toContain('keypoints');
    expect(s.byId.get('thing')?.kinds).toContain('bbox');
    expect(s.byId.get('pose')?.kinds).toContain('keypoints');
    expect(s.byId.get('rider')?.kinds).toEqual(['bbox']);
  });

  it('names every problem with its place', () => {
    const issues = issuesOf({
      labels: [
        { id: 'a', color: 'red', hotkey: '1', kinds: ['bbox'] },
        { id: 'a', kinds: ['bbox'] },
        { id: 'b', hotkey: '1', kinds: ['bbox', 'box'] },
        { id: 'c', parent: 'nope' },
        { id: 'd', parent: 'e' },
        { id: 'e', parent: 'd' },
        { id: 'k', kinds: ['keypoints'] },
        { id: 's', kinds: ['keypoints'], skeleton: { keypoints: ['x', 'y'], edges: [['x', 'z']], mirror: [['x', 'x']] } },
        { id: 't', attributes: [{ id: 'q', type: 'select', options: ['a'], default: 'b' }, { id: 'q', type: 'colour' }, { id: 'n', type: 'number', min: 5, max: 1 }, { id: 'r', type: 'text', pattern: '(' }] },
      ],
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'labels[0].color',
        'labels[1].id',
        'labels[2].kinds[1]',
        'labels[3].parent',
        'labels[6].skeleton',
        'labels[7].skeleton.edges[0][1]',
        'labels[7].skeleton.mirror[0]',
        'labels[8].attributes[0].default',
        'labels[8].attributes[1].id',
        'labels[8].attributes[1].type',
        'labels[8].attributes[2].max',
        'labels[8].attributes[3].pattern',
      ]),
    );
    expect(issues.find((i) => i.path === 'labels[0].color')?.message).toMatch(/hex colour/);
    expect(issues.some((i) => /cycle/.test(i.message))).toBe(true);
  });

  it('rejects duplicate hotkeys only among labels sharing a kind', () => {
    expect(() => defineSchema({ labels: [{ id: 'a', hotkey: '1', kinds: ['bbox'] }, { id: 'b', hotkey: '1', kinds: ['span'] }] })).not.toThrow();
    const issues = issuesOf({ labels: [{ id: 'a', hotkey: 'Shift+Alt+P', kinds: ['bbox'] }, { id: 'b', hotkey: 'alt+shift+p', kinds: ['bbox', 'span'] }] });
    expect(issues).toEqual([{ path: 'labels[1].hotkey', message: expect.stringContaining('already used by label "a"') }]);
  });

  it('takes one positive OKS sigma per skeleton keypoint, and names what is wrong otherwise', () => {
    const ok = defineSchema({ labels: [{ id: 'hand', kinds: ['keypoints'], skeleton: { keypoints: ['a', 'b'], sigmas: [0.05, 0.1] } }] });
    expect(ok.byId.get('hand')?.skeleton?.sigmas).toEqual([0.05, 0.1]);
    expect(issuesOf({ labels: [{ id: 'hand', kinds: ['keypoints'], skeleton: { keypoints: ['a', 'b'], sigmas: [0.05] } }] })).toEqual([
      { path: 'labels[0].skeleton.sigmas', message: expect.stringContaining('expected 2 numbers') },
    ]);
    expect(issuesOf({ labels: [{ id: 'hand', kinds: ['keypoints'], skeleton: { keypoints: ['a', 'b'], sigmas: [0.05, -1] } }] })).toEqual([
      { path: 'labels[0].skeleton.sigmas[1]', message: expect.stringContaining('positive number') },
    ]);
  });

  it('rejects non-objects with a clear message', () => {
    expect(issuesOf(null)[0]?.message).toMatch(/expected an object/);
    expect(issuesOf({ labels: 3 })[0]?.path).toBe('labels');
  });
});
