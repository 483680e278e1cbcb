import type { Annotation } from '@labelkit/core';

// Two labellers' boxes on one 1280×720 street photo (used by the review tests). Against Alice (A),
// Bob (B) drew the parked car with occluded=false, labelled the truck as a truck where Alice said car,
// added a pedestrian Alice missed, put the cyclist 30 px to the right (IoU ≈ 0.29), and has no box on
// Alice's traffic light.
const box = (id: string, label: string, x: number, y: number, width: number, height: number, attributes?: Annotation['attributes']): Annotation => ({
  id,
  kind: 'bbox',
  label,
  x,
  y,
  width,
  height,
  ...(attributes ? { attributes } : {}),
});

export const ALICE: Annotation[] = [
  box('a-car', 'car', 100, 200, 180, 120, { occluded: true }),
  box('a-truck', 'car', 400, 180, 220, 160),
  box('a-cyclist', 'cyclist', 300, 240, 60, 100),
  box('a-light', 'traffic-light', 520, 40, 20, 50),
  box('a-bus', 'bus', 800, 150, 300, 200),
];

export const BOB: Annotation[] = [
  box('b-car', 'car', 104, 198, 176, 124, { occluded: false }),
  box('b-truck', 'truck', 402, 182, 216, 158),
  box('b-cyclist', 'cyclist', 330, 250, 60, 100),
  box('b-pedestrian', 'pedestrian', 650, 220, 40, 110),
  box('b-bus', 'bus', 798, 152, 302, 198),
];

export const LABEL_NAMES: Record<string, string> = {
  car: 'Car',
  truck: 'Truck',
  bus: 'Bus',
  cyclist: 'Cyclist',
  pedestrian: 'Pedestrian',
  'traffic-light': 'Traffic light',
};
