/** 2D and 3D geometry of labelkit annotations: boxes, polygons, track interpolation, cuboids. */
export * from './box.js';
export * from './convex.js';
export * from './polygon.js';
export * from './interpolate.js';
export * from './cuboid.js';
export * from './cuboid-overlap.js';
