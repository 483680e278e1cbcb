import { describe, expect, it } from 'vitest';
import { defineSchema, validateAnnotations } from '@labelkit/core';
import { issuesByAttribute, validateAttributeValues } from './attribute-issues.js';

const schema = defineSchema({
  labels: [
    { id: 'group', selectable: false },
    {
      id: 'car',
      parent: 'group',
      kinds: ['bbox'],
      attributes: [
        { id: 'color', type: 'select', options: ['red', 'blue'], required: true },
        { id: 'tags', type: 'multiselect', options: ['a', 'b'] },
        { id: 'parked', type: 'boolean' },
        { id: 'doors', type: 'number', min: 2, max: 5, integer: true },
        { id: 'plate', type: 'text', maxLength: 4, pattern: '[A-Z0-9]+' },
      ],
    },
  ],
});
const car = schema.byId.get('car')!;

describe('validateAttributeValues', () => {
  it('accepts valid values', () => {
    expect(validateAttributeValues(car, { color: 'red', tags: ['b'], parked: false, doors: 4, plate: 'AB12' })).toEqual([]);
  });

  it('reports each problem at attributes.<id>', () => {
    const issues = validateAttributeValues(car, { tags: ['c'], parked: 'yes' as unknown as boolean, doors: 4.5, plate: 'ab' });
    const byId = issuesByAttribute(issues);
    expect([...byId.keys()].sort()).toEqual(['color', 'doors', 'parked', 'plate', 'tags']);
    expect(byId.get('color')).toMatch(/required/);
    expect(byId.get('doors')).toMatch(/integer/);
    expect(byId.get('plate')).toMatch(/pattern/);
  });

  it('agrees with annotation validation on a real annotation', () => {
    const attributes = { color: 'green', doors: 9, plate: 'TOOLONG', extra: 1 };
    const ann = { id: 'a', kind: 'bbox', label: 'car', x: 0, y: 0, width: 1, height: 1, attributes };
    const fromCore = validateAnnotations(schema, [ann]).map((i) => ({ ...i, path: i.path.replace('[0].', '') }));
    expect(validateAttributeValues(car, attributes)).toEqual(fromCore);
  });

  it('ignores label-level problems of the stand-in (groups, kinds)', () => {
    const group = schema.byId.get('group')!;
    expect(validateAttributeValues(group, {})).toEqual([]);
  });
});
