import type { ReactNode } from 'react';
import type { ActiveTool } from '@labelkit/canvas2d';

/** A decorative 16-unit line icon in the text colour; the control that holds it carries the name. */
function Icon({ size = 16, children }: { size?: number; children: ReactNode }): React.JSX.Element {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

/** An eye; struck through when `off` (hidden). */
export function EyeIcon({ off }: { off: boolean }): React.JSX.Element {
  return (
    <Icon size={14}>
      <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" />
      <circle cx="8" cy="8" r="2" />
      {off ? <path d="M2 14L14 2" /> : null}
    </Icon>
  );
}

/** A padlock, closed and filled when `locked`. */
export function LockIcon({ locked }: { locked: boolean }): React.JSX.Element {
  return (
    <Icon size={14}>
      <rect x="3" y="7" width="10" height="7" rx="1" fill={locked ? 'currentColor' : 'none'} />
      <path d={locked ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 6 0'} />
    </Icon>
  );
}

const circle = (cx: number, cy: number, r: number) => `M${cx + r} ${cy}a${r} ${r} 0 1 1-${2 * r} 0 ${r} ${r} 0 0 1 ${2 * r} 0z`;
const MAGNIFIER = `${circle(7, 7, 4.5)}M10.4 10.4L14 14M5 7h4`;

/** The toolbar's icons, one path each: tools (a pointer, a box with handles, a polygon, a skeleton) and actions. */
const TOOLBAR_PATHS = {
  select: 'M4 2.5v10l2.6-2.4 1.8 3.9 1.7-.8-1.8-3.8h3.5z',
  bbox: 'M3.5 4.5h9v7h-9zM2 3h3v3H2zM11 10h3v3h-3z',
  polygon: 'M8 2l6 4.4-2.3 7.1H4.3L2 6.4z',
  keypoints: `${circle(8, 3, 1.5)}M8 4.5v5M3.5 7.5L8 6l4.5 1.5M8 9.5l-3 4.5M8 9.5l3 4.5`,
  zoomOut: MAGNIFIER,
  zoomIn: `${MAGNIFIER}M7 5v4`,
  fit: 'M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4',
  undo: 'M5.5 2.5L2.5 5.5l3 3M2.5 5.5h7a4 4 0 0 1 0 8H6',
  redo: 'M10.5 2.5l3 3-3 3M13.5 5.5h-7a4 4 0 0 0 0 8H10',
  delete: 'M2.5 4.5h11M6.5 4.5V2.5h3v2M4 4.5l.7 9h6.6l.7-9M6.8 7v4M9.2 7v4',
  shortcuts: 'M3 4h10a1.5 1.5 0 0 1 1.5 1.5v5.5a1.5 1.5 0 0 1-1.5 1.5H3a1.5 1.5 0 0 1-1.5-1.5V5.5A1.5 1.5 0 0 1 3 4zM4 7h.5M6.5 7h.5M9 7h.5M11.5 7h.5M5 10h6',
} as const satisfies Record<ActiveTool, string> & Record<string, string>;

/** The name of a toolbar icon: a tool, or an action. */
export type ToolbarIconName = keyof typeof TOOLBAR_PATHS;

/** An icon of the toolbar. */
export function ToolbarIcon({ name }: { name: ToolbarIconName }): React.JSX.Element {
  return (
    <Icon>
      <path d={TOOLBAR_PATHS[name]} />
    </Icon>
  );
}
