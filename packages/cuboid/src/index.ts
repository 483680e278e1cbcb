/**
 * `@labelkit/cuboid`: 3D cuboids on LiDAR point clouds. The annotator itself (`CuboidAnnotator`, on
 * three.js and @react-three/fiber) is being built; today the package holds the point-cloud loaders,
 * also importable alone from `@labelkit/cuboid/loaders`.
 */
export * from './loaders/index.js';
