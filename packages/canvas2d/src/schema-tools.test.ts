import { describe, expect, it } from 'vitest';
import { defineSchema } from '@labelkit/core';
import { drawingToolsOf, labelForTool, panelLabelsOf } from './schema-tools.js';

const schema = defineSchema({
  labels: [
    { id: 'car', name: 'Car', color: '#e6194b', kinds: ['bbox', 'polygon'] },
    { id: 'person', name: 'Person', color: '#3cb44b', kinds: ['bbox', 'keypoints'], skeleton: { keypoints: ['nose', 'neck'], edges: [['nose', 'neck']] } },
    { id: 'sky', name: 'Sky', color: '#911eb4', kinds: ['span'] },
  ],
});

describe('tools and labels of a schema', () => {
  it('offers every kind some label allows, narrowed to the host’s tools', () => {
    expect(drawingToolsOf(schema)).toEqual(['bbox', 'polygon', 'keypoints']);
    expect(drawingToolsOf(schema, ['keypoints', 'bbox'])).toEqual(['bbox', 'keypoints']);
    expect(drawingToolsOf(defineSchema({ labels: [{ id: 'car', name: 'Car', color: '#e6194b', kinds: ['bbox'] }] }))).toEqual(['bbox']);
  });

  it('gives new shapes the active label if it allows the kind, else the first that does', () => {
    expect(labelForTool(schema, 'bbox', 'person')?.id).toBe('person');
    expect(labelForTool(schema, 'polygon', 'person')?.id).toBe('car');
    expect(labelForTool(schema, 'keypoints', undefined)?.id).toBe('person');
    expect(labelForTool(schema, 'keypoints', 'sky')?.id).toBe('person');
  });

  it('lists in the side panel the labels the offered tools can draw', () => {
    expect(panelLabelsOf(schema, ['polygon']).map((l) => l.id)).toEqual(['car']);
    expect(panelLabelsOf(schema, ['bbox', 'keypoints']).map((l) => l.id)).toEqual(['car', 'person']);
  });
});
