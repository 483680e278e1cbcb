/**
 * Agreement between labellers and checks against gold: similarity per kind, optimal matching,
 * `compare`, `consensus`, and dataset statistics (kappa, alpha, DER, MOTA/IDF1). Framework-free;
 * also published as `@labelkit/core/agreement`. Conventions: docs/quality-control.md.
 */
export { similarity, placementSimilarity, type SimilarityOptions } from './similarity.js';
export { intervalIoU, intervalOverlap } from './interval.js';
export {
  keypointSimilarity,
  resolveSigmas,
  labelledPointsArea,
  COCO17_SIGMAS,
  DEFAULT_KEYPOINT_SIGMA,
  type KeypointSigmas,
  type OksOptions,
} from './keypoint-similarity.js';
export { tagPlacement, tagSetJaccard } from './tag-similarity.js';
export { trackIoU, trackFrameRange, type TrackIoUOptions } from './track-similarity.js';
export {
  optimalAssignment,
  greedyAssignment,
  assignPairs,
  OPTIMAL_ASSIGNMENT_MAX_CELLS,
  type Assignment,
  type AssignmentMethod,
  type WeightedPair,
} from './assignment.js';
export {
  compare,
  diffAttributes,
  matchCounts,
  DEFAULT_MATCH_THRESHOLD,
  DEFAULT_LOW_OVERLAP,
  type CompareOptions,
  type Comparison,
  type Conflict,
  type Match,
  type MatchCounts,
  type AttributeDiff,
} from './compare.js';
export {
  consensus,
  type Consensus,
  type ConsensusCluster,
  type ConsensusOptions,
  type ClusterMember,
  type LabellerSet,
} from './consensus.js';
export { cohenKappa, fleissKappa } from './kappa.js';
export { krippendorffAlpha, type KrippendorffOptions, type MeasurementLevel } from './krippendorff.js';
export { diarizationErrorRate, type DiarizationError, type DiarizationOptions, type SpeakerTurn } from './diarization.js';
export { trackMetrics, type TrackMetrics, type TrackMetricsOptions } from './track-metrics.js';
