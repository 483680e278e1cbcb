import { defineSchema } from '@labelkit/core';

/** Street scenes: people, bicycles, cars and balls, with the attributes labellers fill in. */
export const streetSchema = defineSchema({
  labels: [
    {
      id: 'person', name: 'Person', color: '#e6194b', hotkey: '1', kinds: ['bbox', 'polygon'],
      attributes: [
        { id: 'occluded', name: 'Occluded', type: 'boolean', default: false },
        { id: 'pose', name: 'Pose', type: 'select', options: ['standing', 'riding', 'running', 'sitting'] },
      ],
    },
    { id: 'bicycle', name: 'Bicycle', color: '#3cb44b', hotkey: '2', kinds: ['bbox', 'polygon'], attributes: [{ id: 'parked', name: 'Parked', type: 'boolean', default: false }] },
    { id: 'car', name: 'Car', color: '#4363d8', hotkey: '3', kinds: ['bbox', 'polygon'] },
    { id: 'ball', name: 'Sports ball', color: '#f58231', hotkey: '4', kinds: ['bbox', 'polygon'] },
    { id: 'skis', name: 'Skis', color: '#911eb4', hotkey: '5', kinds: ['bbox', 'polygon'] },
  ],
});

/**
 * Road users whose attributes cover every attribute type: boolean, select (radio buttons),
 * number, text and multiselect. `occluded` is shared, so it survives a change of label.
 */
export const roadUserSchema = defineSchema({
  labels: [
    {
      id: 'person', name: 'Person', color: '#e6194b', hotkey: '1', kinds: ['bbox'],
      attributes: [
        { id: 'occluded', name: 'Occluded', type: 'boolean', default: false },
        { id: 'pose', name: 'Pose', type: 'select', options: ['standing', 'riding', 'walking'] },
        { id: 'visible', name: 'Visible (%)', type: 'number', min: 0, max: 100, integer: true },
        { id: 'note', name: 'Note', type: 'text', maxLength: 40 },
        { id: 'gear', name: 'Gear', type: 'multiselect', options: ['helmet', 'backpack', 'lights'] },
      ],
    },
    {
      id: 'bicycle', name: 'Bicycle', color: '#3cb44b', hotkey: '2', kinds: ['bbox'],
      attributes: [
        { id: 'occluded', name: 'Occluded', type: 'boolean', default: false },
        { id: 'parked', name: 'Parked', type: 'boolean', default: false },
      ],
    },
    { id: 'car', name: 'Car', color: '#4363d8', hotkey: '3', kinds: ['bbox'] },
  ],
});

const COCO_KEYPOINTS = [
  'nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow',
  'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
];
// COCO's 1-based skeleton (categories[0].skeleton in the fixture), as name pairs.
const COCO_EDGES = [[16, 14], [14, 12], [17, 15], [15, 13], [12, 13], [6, 12], [7, 13], [6, 7], [6, 8], [7, 9], [8, 10], [9, 11], [2, 3], [1, 2], [1, 3], [2, 4], [3, 5], [4, 6], [5, 7]].map(
  ([a, b]) => [COCO_KEYPOINTS[(a as number) - 1], COCO_KEYPOINTS[(b as number) - 1]] as [string, string],
);
const MIRROR = COCO_KEYPOINTS.filter((k) => k.startsWith('left_')).map((k) => [k, k.replace('left_', 'right_')] as [string, string]);

/** A COCO-style 17-keypoint person skeleton with left/right mirror pairs. */
export const poseSchema = defineSchema({
  labels: [
    { id: 'person', name: 'Person', color: '#e6194b', hotkey: '1', kinds: ['keypoints', 'bbox'], skeleton: { keypoints: COCO_KEYPOINTS, edges: COCO_EDGES, mirror: MIRROR } },
  ],
});

/** Where Storybook serves the sample photos. */
export const PHOTOS = {
  skier: '/assets/image/coco_000000000785_skier.jpg',
  soccer: '/assets/image/pexels_soccer.jpg',
  bikes: '/assets/image/pixabay_bike_riders.jpg',
} as const;
