import type { ReactNode } from 'react';
import { shortcutsOf, type Keymap, type Label } from '@labelkit/core';
import { ToolbarIcon } from './icons.js';
import { TOOL_ACTIONS, TOOL_TITLES, type ActiveTool } from '@labelkit/canvas2d';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  /** The tool buttons shown, in order. */
  tools: readonly ActiveTool[];
  /** The active tool (its button is pressed). */
  tool: ActiveTool;
  /** Read-only: the drawing tools and the edits are disabled. */
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Whether something is selected to delete. */
  canDelete: boolean;
  /** The label new shapes (or the selected ones) get, shown on the label picker's button. */
  label: Label | undefined;
  pickerOpen: boolean;
  helpOpen: boolean;
  keymap: Keymap;
  /** The first shortcut of an action, as shown to the user. */
  kb(action: string): string;
  onTool(tool: ActiveTool): void;
  onZoomOut(): void;
  onZoomIn(): void;
  onFit(): void;
  onActualSize(): void;
  onUndo(): void;
  onRedo(): void;
  onDelete(): void;
  /** Opens or closes the label picker. */
  onLabelPicker(): void;
  /** Opens or closes the shortcut help. */
  onHelp(): void;
}

/** "Undo (Ctrl+Z)": a tooltip with the shortcut, if there is one. */
const tip = (name: string, shortcut: string) => (shortcut ? `${name} (${shortcut})` : name);

interface IconButtonProps {
  /** The accessible name, also the tooltip (with the shortcut). */
  name: string;
  shortcut: string;
  disabled?: boolean;
  danger?: boolean;
  /** For a button that opens a dialog: whether it is open. */
  expanded?: boolean;
  onClick(): void;
  children: ReactNode;
}

function IconButton({ name, shortcut, disabled, danger, expanded, onClick, children }: IconButtonProps): React.JSX.Element {
  const popup = expanded === undefined ? {} : { 'aria-haspopup': 'dialog' as const, 'aria-expanded': expanded };
  return (
    <button type="button" className={`lk-button lk-image-icon-button${danger ? ' lk-button--danger' : ''}`} aria-label={name} title={tip(name, shortcut)} disabled={disabled} {...popup} onClick={onClick}>
      {children}
    </button>
  );
}

const Separator = () => <span className="lk-toolbar-separator" aria-hidden="true" />;

/**
 * The annotator's toolbar, on one row: tools (icon and shortcut key), view (zoom, fit, 1:1) and
 * edits (undo, redo, delete) on the left; the label for new shapes and the shortcut help on the right. Icon buttons are named
 * by `aria-label` and show their shortcut in a tooltip.
 */
export function Toolbar(p: ToolbarProps): React.JSX.Element {
  const { kb } = p;
  return (
    <div className="lk-toolbar" role="toolbar" aria-label="Image tools">
      {p.tools.map((t) => (
        <button
          key={t}
          type="button"
          className="lk-button lk-image-tool"
          aria-label={TOOL_TITLES[t]}
          title={tip(TOOL_TITLES[t], kb(TOOL_ACTIONS[t]))}
          aria-pressed={p.tool === t}
          disabled={p.readOnly && t !== 'select'}
          aria-keyshortcuts={shortcutsOf(p.keymap[TOOL_ACTIONS[t]])[0]}
          onClick={() => p.onTool(t)}
        >
          <ToolbarIcon name={t} />
          <kbd className="lk-kbd" aria-hidden="true">
            {kb(TOOL_ACTIONS[t])}
          </kbd>
        </button>
      ))}
      <Separator />
      <IconButton name="Zoom out" shortcut={kb('zoomOut')} onClick={p.onZoomOut}>
        <ToolbarIcon name="zoomOut" />
      </IconButton>
      <IconButton name="Zoom in" shortcut={kb('zoomIn')} onClick={p.onZoomIn}>
        <ToolbarIcon name="zoomIn" />
      </IconButton>
      <IconButton name="Fit to view" shortcut={kb('fit')} onClick={p.onFit}>
        <ToolbarIcon name="fit" />
      </IconButton>
      <IconButton name="Actual size 1:1" shortcut={kb('actualSize')} onClick={p.onActualSize}>
        <span className="lk-image-icon-text" aria-hidden="true">
          1:1
        </span>
      </IconButton>
      <Separator />
      <IconButton name="Undo" shortcut={kb('undo')} disabled={p.readOnly || !p.canUndo} onClick={p.onUndo}>
        <ToolbarIcon name="undo" />
      </IconButton>
      <IconButton name="Redo" shortcut={kb('redo')} disabled={p.readOnly || !p.canRedo} onClick={p.onRedo}>
        <ToolbarIcon name="redo" />
      </IconButton>
      <IconButton name="Delete" shortcut={kb('delete')} danger disabled={p.readOnly || !p.canDelete} onClick={p.onDelete}>
        <ToolbarIcon name="delete" />
      </IconButton>
      <button type="button" className="lk-button lk-image-label-button" title={tip('Choose a label', kb('openLabelPicker'))} aria-haspopup="dialog" aria-expanded={p.pickerOpen} onClick={p.onLabelPicker}>
        <span className="lk-image-swatch" style={{ background: p.label?.color }} aria-hidden="true" />
        Label: <span className="lk-image-label-current">{p.label?.name ?? '—'}</span> <kbd className="lk-kbd">{kb('openLabelPicker')}</kbd>
      </button>
      <IconButton name="Keyboard shortcuts" shortcut={kb('showHelp')} expanded={p.helpOpen} onClick={p.onHelp}>
        <ToolbarIcon name="shortcuts" />
      </IconButton>
    </div>
  );
}
