import { formatShortcut, shortcutsOf, type Keymap, type LabelSchema } from '@labelkit/core';
import { LabelPicker } from '@labelkit/react';
import { Popover } from './popover.js';
import type { ImageTool } from '@labelkit/canvas2d';

/** A popover's heading with its close button. */
function PopoverHead({ title, closeLabel, onClose }: { title: string; closeLabel: string; onClose(): void }): React.JSX.Element {
  return (
    <div className="lk-image-popover-head">
      <h3>{title}</h3>
      <button type="button" className="lk-button" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** Props of {@link LabelPickerPopover}. */
export interface LabelPickerPopoverProps {
  schema: LabelSchema;
  /** The kind of shape the label is for (the picker lists the labels that allow it). */
  kind: ImageTool;
  /** The label chosen now. */
  value: string | undefined;
  /** What the label is for: "Label for new shapes", "Label of the selected box"... */
  title: string;
  /** Where focus goes back to when it closes. */
  returnFocus: HTMLElement | null;
  onCommit(labelId: string): void;
  onClose(): void;
}

/** The label picker over the annotator (`/`): search, arrows, Enter; Escape closes it. */
export function LabelPickerPopover(p: LabelPickerPopoverProps): React.JSX.Element {
  return (
    <Popover className="lk-panel lk-image-picker" label="Choose a label" returnFocus={p.returnFocus} onClose={p.onClose}>
      <PopoverHead title={p.title} closeLabel="Close label picker" onClose={p.onClose} />
      <LabelPicker schema={p.schema} kind={p.kind} {...(p.value !== undefined ? { value: p.value } : {})} autoFocus onCommit={p.onCommit} onCancel={p.onClose} />
    </Popover>
  );
}

/** Props of {@link ShortcutsHelp}. */
export interface ShortcutsHelpProps {
  keymap: Keymap;
  /** Where focus goes back to when it closes. */
  returnFocus: HTMLElement | null;
  onClose(): void;
}

/** Every shortcut of the keymap with what it does (`?`). */
export function ShortcutsHelp({ keymap, returnFocus, onClose }: ShortcutsHelpProps): React.JSX.Element {
  return (
    <Popover className="lk-panel lk-image-help" label="Keyboard shortcuts" returnFocus={returnFocus} onClose={onClose}>
      <PopoverHead title="Keyboard shortcuts" closeLabel="Close keyboard shortcuts" onClose={onClose} />
      <dl>
        {Object.keys(keymap).map((action) => {
          const text = shortcutsOf(keymap[action]).map((s) => formatShortcut(s)).join(' / ');
          return text ? (
            <div key={action} style={{ display: 'contents' }}>
              <dt>
                <kbd className="lk-kbd">{text}</kbd>
              </dt>
              <dd>{action.replace(/([A-Z])/g, ' $1').toLowerCase()}</dd>
            </div>
          ) : null;
        })}
      </dl>
    </Popover>
  );
}
