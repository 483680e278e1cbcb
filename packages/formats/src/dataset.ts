import type { Annotation, LabelSchema } from '@labelkit/core';

/** What geometry needs to know about one media item (image, text, audio or video). */
export interface Media {
  /** Stable id of the item within the dataset (a file name, a task id, ...). */
  id: string;
  /** Where the media lives; labelkit never fetches it. */
  uri?: string;
  /** Image or video frame width in pixels. */
  width?: number;
  /** Image or video frame height in pixels. */
  height?: number;
  /** The exact source text of a text item. */
  text?: string;
  /** Audio or video duration in seconds. */
  duration?: number;
  /** Video frames per second. */
  fps?: number;
  /** Number of video frames. */
  frameCount?: number;
  /** Foreign per-item fields kept for round trips. */
  extra?: Record<string, unknown>;
}

/** One media item and its annotations. */
export interface DatasetItem {
  media: Media;
  annotations: Annotation[];
}

/** A labelled dataset: one schema, many items. */
export interface Dataset {
  schema: LabelSchema;
  items: DatasetItem[];
  /**
   * Foreign dataset-level fields kept for round trips, keyed by format name
   * (`extra.coco.info`, `extra.coco.categories`, `extra.cvat.meta`, ...).
   */
  extra?: Record<string, unknown>;
}

/** One problem found in an input, with its place: a JSON path (`images[3].width`) or `line 12`. */
export interface FormatIssue {
  path: string;
  message: string;
}

/** Something a format could not carry on export, or a note on import. */
export interface FormatLoss {
  /** Where: an item/annotation path such as `items[0].annotations[3].rotation`. */
  path: string;
  message: string;
}

/** Thrown by `parse` when the input is invalid; `issues` names every problem found. */
export class FormatError extends Error {
  readonly format: string;
  readonly issues: readonly FormatIssue[];
  constructor(format: string, issues: FormatIssue[]) {
    const shown = issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`);
    if (issues.length > 20) shown.push(`  ... and ${issues.length - 20} more`);
    super(`Invalid ${format} input (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${shown.join('\n')}`);
    this.name = 'FormatError';
    this.format = format;
    this.issues = issues;
  }
}

/** Result of `parse`. */
export interface ParseResult {
  dataset: Dataset;
  /** Things kept or assumed that the user should know about (RLE masks kept in `extra`, ...). */
  warnings: FormatLoss[];
}

/** Result of `serialize`. */
export interface SerializeResult<Output> {
  output: Output;
  /** Everything in the dataset the format could not carry. Empty means a lossless export. */
  losses: FormatLoss[];
}

/** A format: `parse` files into a dataset and `serialize` a dataset back. */
export interface Format<Input, Output = Input, ParseOptions = object, SerializeOptions = object> {
  /** Name used by the CLI (`coco`, `yolo`, ...). */
  readonly name: string;
  parse(input: Input, options?: ParseOptions): ParseResult;
  serialize(dataset: Dataset, options?: SerializeOptions): SerializeResult<Output>;
}
