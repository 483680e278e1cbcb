import { shortcutsOf, type AttributeValue, type Keymap, type Label } from '@labelkit/core';
import { AttributeEditor } from '@labelkit/react';
import { describeShape, type ImageAnnotation } from '@labelkit/canvas2d';
import { EyeIcon, LockIcon } from './icons.js';

/** The one selected shape, as the side panel shows it. */
export interface SelectedShape {
  shape: ImageAnnotation;
  label: Label;
  /** Locked by itself (L), not through its label. */
  locked: boolean;
  /** Its attributes cannot be edited (read-only, or the shape is locked). */
  readOnly: boolean;
}

/** Props of {@link SidePanel}. */
export interface SidePanelProps {
  /** The labels listed, with hide and lock toggles. */
  labels: readonly Label[];
  /** The active label (its button is pressed). */
  activeLabelId: string | undefined;
  hiddenLabels: ReadonlySet<string>;
  lockedLabels: ReadonlySet<string>;
  /** The selected shape when exactly one is selected. */
  selected: SelectedShape | undefined;
  /** How many shapes are selected. */
  selectedCount: number;
  keymap: Keymap;
  /** The first shortcut of an action, as shown to the user. */
  kb(action: string): string;
  onLabel(labelId: string): void;
  onToggleLabelHidden(label: Label): void;
  onToggleLabelLocked(label: Label): void;
  /** Hides the selected shape. */
  onHide(): void;
  /** Locks or unlocks the selected shape. */
  onLock(): void;
  onAttributesChange(next: Record<string, AttributeValue>): void;
  /** Focus entering the attribute form (edits until it leaves are one undo step). */
  onAttributesFocus(): void;
  onAttributesBlur(): void;
}

const muted = { margin: 0, color: 'var(--lk-text-muted)' } as const;

/**
 * The side panel: the labels, each with hide and lock toggles (for every shape of the label), then
 * the selected shape with its own hide and lock buttons and its attribute form.
 */
export function SidePanel(p: SidePanelProps): React.JSX.Element {
  const { kb, selected } = p;
  return (
    <aside className="lk-panel lk-image-side" aria-label="Labels and attributes">
      <h3>Labels</h3>
      <ul className="lk-image-labels">
        {p.labels.map((l) => (
          <li key={l.id}>
            <button type="button" className="lk-button lk-image-label-name" aria-pressed={p.activeLabelId === l.id} onClick={() => p.onLabel(l.id)}>
              <span className="lk-image-swatch" style={{ background: l.color }} aria-hidden="true" />
              {l.name}
              {l.hotkey ? <kbd className="lk-kbd">{l.hotkey}</kbd> : null}
            </button>
            <button type="button" className="lk-button" aria-label={`Hide ${l.name}`} aria-pressed={p.hiddenLabels.has(l.id)} onClick={() => p.onToggleLabelHidden(l)}>
              <EyeIcon off={p.hiddenLabels.has(l.id)} />
            </button>
            <button type="button" className="lk-button" aria-label={`Lock ${l.name}`} aria-pressed={p.lockedLabels.has(l.id)} onClick={() => p.onToggleLabelLocked(l)}>
              <LockIcon locked={p.lockedLabels.has(l.id)} />
            </button>
          </li>
        ))}
      </ul>
      {selected ? (
        <>
          <h3>Selected</h3>
          <p style={{ margin: 0 }}>
            {selected.label.name} {describeShape(selected.shape)}
          </p>
          <div className="lk-image-shape-actions">
            <button type="button" className="lk-button" aria-keyshortcuts={shortcutsOf(p.keymap.toggleHidden)[0]} onClick={p.onHide}>
              <EyeIcon off={false} /> Hide <kbd className="lk-kbd">{kb('toggleHidden')}</kbd>
            </button>
            <button type="button" className="lk-button" aria-pressed={selected.locked} aria-keyshortcuts={shortcutsOf(p.keymap.toggleLocked)[0]} onClick={p.onLock}>
              <LockIcon locked={selected.locked} /> Lock <kbd className="lk-kbd">{kb('toggleLocked')}</kbd>
            </button>
          </div>
          {p.lockedLabels.has(selected.shape.label) ? <p style={muted}>{`Locked with every ${selected.label.name}`}</p> : null}
          {selected.label.attributes?.length ? (
            <div onFocus={p.onAttributesFocus} onBlur={p.onAttributesBlur}>
              <AttributeEditor key={selected.shape.id} label={selected.label} value={selected.shape.attributes ?? {}} readOnly={selected.readOnly} onChange={p.onAttributesChange} />
            </div>
          ) : null}
        </>
      ) : (
        <p style={muted}>{p.selectedCount > 1 ? `${p.selectedCount} shapes selected` : 'Nothing selected'}</p>
      )}
    </aside>
  );
}
