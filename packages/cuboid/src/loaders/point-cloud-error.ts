import type { PointCloudFormat } from './point-cloud.js';

/** Where in a file a `PointCloudError` was found, and what a cut-short file held. */
export interface PointCloudErrorDetails {
  /** The format being read, when it was known. */
  format?: PointCloudFormat;
  /** 1-based line of the header (or of an ASCII body) the problem is on. */
  line?: number;
  /** The header keyword (`SIZE`, `element`, ...) the problem is about. */
  keyword?: string;
  /** Byte offset in the file the problem starts at. */
  offset?: number;
  /** Points the header promised. */
  expectedPoints?: number;
  /** Complete points found before the file ended, where that can be known. */
  foundPoints?: number;
}

/**
 * A point-cloud file that cannot be read. The message names the place (header line and keyword, or
 * byte offset) and says what was expected; the same facts are fields, for programs.
 */
export class PointCloudError extends Error implements PointCloudErrorDetails {
  override readonly name = 'PointCloudError';
  readonly format?: PointCloudFormat;
  readonly line?: number;
  readonly keyword?: string;
  readonly offset?: number;
  readonly expectedPoints?: number;
  readonly foundPoints?: number;

  constructor(message: string, details: PointCloudErrorDetails = {}) {
    super(message);
    if (details.format !== undefined) this.format = details.format;
    if (details.line !== undefined) this.line = details.line;
    if (details.keyword !== undefined) this.keyword = details.keyword;
    if (details.offset !== undefined) this.offset = details.offset;
    if (details.expectedPoints !== undefined) this.expectedPoints = details.expectedPoints;
    if (details.foundPoints !== undefined) this.foundPoints = details.foundPoints;
  }

  /** The details as a plain object (what crosses a worker boundary). */
  toDetails(): PointCloudErrorDetails {
    const { format, line, keyword, offset, expectedPoints, foundPoints } = this;
    return Object.fromEntries(Object.entries({ format, line, keyword, offset, expectedPoints, foundPoints }).filter(([, v]) => v !== undefined));
  }
}
