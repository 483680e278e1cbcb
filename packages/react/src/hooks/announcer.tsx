import { useCallback, useRef, useState, type ReactElement } from 'react';

/** What {@link useAnnouncer} returns: a function to announce and the live region to render once. */
export interface Announcer {
  /** Says `message` to screen readers (politely), e.g. "Box created: Car". */
  announce(message: string): void;
  /** The visually hidden live region; render it inside the annotator. */
  liveRegion: ReactElement;
  /** The last message (for tests and visible status lines). */
  lastMessage: string;
}

const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** Announces every action in an `aria-live` region (repeated messages are re-announced). */
export function useAnnouncer(): Announcer {
  const [message, setMessage] = useState('');
  const toggle = useRef(false);
  const announce = useCallback((m: string) => {
    // Alternate a zero-width suffix so the same message twice is still a change to the live region.
    toggle.current = !toggle.current;
    setMessage(m + (toggle.current ? '' : '\u200b'));
  }, []);
  const liveRegion = (
    <div role="status" aria-live="polite" aria-atomic="true" style={srOnly} data-labelkit-live-region="">
      {message}
    </div>
  );
  return { announce, liveRegion, lastMessage: message.replace(/\u200b$/, '') };
}
