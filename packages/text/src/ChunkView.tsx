import { memo } from 'react';
import { sameFragmentsProps, TextFragments, type TextFragmentsProps } from './TextFragments.js';
import { LANE_PX } from './text-styles.js';

/** Props of {@link ChunkView}: one paragraph block and what is drawn on it. */
export interface ChunkViewProps extends TextFragmentsProps {
  /** Chunk index (`data-lk-chunk`, read by measuring and caret code). */
  i: number;
  /** The chunk continues a paragraph cut because it was long. */
  continued: boolean;
}

/**
 * One rendered chunk: the paragraph element and its text fragments. Memoised on primitive props and
 * its drawn spans (element by element), so a parent render after an edit skips every chunk the edit
 * did not touch, wrapper element included.
 */
export const ChunkView = memo(function ChunkView({ i, continued, ...fragments }: ChunkViewProps): React.JSX.Element {
  return (
    <div className="lk-text-para" dir="auto" data-lk-chunk={i} data-continued={String(continued)} style={{ lineHeight: `${24 + fragments.lanes * LANE_PX}px` }}>
      <TextFragments {...fragments} />
    </div>
  );
}, sameChunkProps);

function sameChunkProps(a: ChunkViewProps, b: ChunkViewProps): boolean {
  return a.i === b.i && a.continued === b.continued && sameFragmentsProps(a, b);
}
