import { useEffect, useRef, type RefObject } from 'react';
import type { UseAnnotationsResult } from '@labelkit/react';

/** What {@link useAttributeGesture} returns: handlers for the attribute form and a way to close its step. */
export interface AttributeGesture {
  onFocus(): void;
  onBlur(): void;
  /** Closes the undo step of the field being edited, if one is open (undo and redo do this first). */
  end(): void;
}

/**
 * Edits in one attribute field (typing a note, say) are one undo step: a gesture from focus to blur.
 * None starts while a drag is under way (`dragging`). The step also closes when the form goes away
 * with a field focused (another shape selected: `shapeId` changes).
 */
export function useAttributeGesture(ann: UseAnnotationsResult, dragging: RefObject<boolean>, shapeId: string | undefined): AttributeGesture {
  const open = useRef(false);
  const end = () => {
    if (!open.current) return;
    open.current = false;
    ann.endGesture();
  };
  const endRef = useRef(end);
  endRef.current = end;
  useEffect(() => () => endRef.current(), [shapeId]);
  return {
    onFocus: () => {
      if (open.current || dragging.current) return;
      open.current = true;
      // Each change reaches the host as it is made (a checkbox ticked); undo takes the field back in one step.
      ann.beginGesture({ drafts: false });
    },
    onBlur: end,
    end: () => endRef.current(),
  };
}
