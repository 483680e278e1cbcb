import { defineSchema, type LabelInput } from '@labelkit/core';

/** A driving-scene schema with a hierarchy, hotkeys, descriptions and attributes (shared by the React stories). */
export const drivingSchema = defineSchema({
  labels: [
    { id: 'vehicle', name: 'Vehicle', selectable: false, kinds: ['bbox', 'polygon', 'track', 'cuboid'], color: '#4363d8' },
    { id: 'car', name: 'Car', parent: 'vehicle', hotkey: '1', color: '#4363d8', description: 'Passenger car, SUV or van' },
    { id: 'truck', name: 'Truck', parent: 'vehicle', hotkey: '2', color: '#000075' },
    { id: 'bus', name: 'Bus', parent: 'vehicle', hotkey: '3', color: '#46f0f0' },
    { id: 'person', name: 'Person', selectable: false, kinds: ['bbox', 'polygon', 'track', 'cuboid'], color: '#e6194b' },
    { id: 'pedestrian', name: 'Pedestrian', parent: 'person', hotkey: '4', color: '#e6194b', description: 'On foot, including people pushing a stroller' },
    { id: 'cyclist', name: 'Cyclist', parent: 'person', hotkey: '5', color: '#f58231', description: 'Riding a bicycle or an e-scooter' },
    { id: 'traffic-light', name: 'Traffic light', hotkey: 'Shift+T', color: '#3cb44b', kinds: ['bbox'] },
    { id: 'lane', name: 'Lane marking', color: '#ffe119', kinds: ['polygon'] },
    { id: 'weather', name: 'Weather', kinds: ['tag'], exclusive: true, selectable: false, color: '#808080' },
    { id: 'sunny', name: 'Sunny', parent: 'weather' },
    { id: 'rain', name: 'Rain', parent: 'weather' },
    { id: 'fog', name: 'Fog', parent: 'weather' },
  ],
});

/** 1,000 labels: 50 groups of 19 (a large product taxonomy), for the stress story. */
export const thousandLabelSchema = defineSchema({
  labels: Array.from({ length: 50 }, (_, g): LabelInput[] => [
    { id: `dept-${g}`, name: `Department ${g}`, selectable: false },
    ...Array.from({ length: 19 }, (_, c): LabelInput => ({
      id: `dept-${g}-item-${c}`,
      name: `Product ${g}.${c}`,
      parent: `dept-${g}`,
      description: c % 4 === 0 ? `Stock-keeping unit ${g * 100 + c}` : undefined,
    })),
  ]).flat(),
});
