/**
 * @labelkit/text — text annotators for React: `SpanAnnotator` (NER spans over exact source text, code
 * points) and `IntentTagger` (intent tags on a text, its sentences or a dialogue's turns, with slots),
 * plus the pure helpers they are built on.
 */
export { SpanAnnotator, type SpanAnnotatorProps } from './SpanAnnotator.js';
export { IntentTagger, type IntentTaggerProps, type IntentScope } from './IntentTagger.js';
export { spanTool, spanToolCaret, spanToolRange, SPAN_TOOL_IDLE, type SpanToolState, type SpanToolEvent, type SpanToolEffect, type SpanToolContext, type SpanToolResult } from './span-tool.js';
export { intentItems, itemOf, bucketByItem, type IntentItem, type ItemBuckets } from './intent-items.js';
export { TEXT_KEYMAP, type TextAction } from './text-keymap.js';
export { assignLanes, spansAt, cycleSpanAt, fragmentRange, bucketSpans, updateBuckets, type SpanLike, type Fragment } from './span-lanes.js';
export { snapSelection, type SnapMode, type SnapSelectionOptions } from './snap-selection.js';
export { moveCaret, type CaretUnit, type MoveCaretOptions } from './caret.js';
export { chunkText, chunkAt, type TextChunk, type ChunkTextOptions } from './text-chunks.js';
export { sentenceRanges, joinTurns, type TextRange, type DialogueTurn, type JoinedTurns } from './text-ranges.js';
export { toggleTag, tagsOn, isTagOn, exclusiveSiblings, commitAcceptedIntents, type TagTarget } from './intent-tags.js';
export { createLabelSearch, type LabelMatch } from './label-search.js';
export { suggestionReadingOrder } from './suggestion-order.js';
export { HeightIndex } from './height-index.js';
