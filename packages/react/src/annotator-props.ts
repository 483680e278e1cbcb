import type { Annotation, ChangeSet, Keymap, LabelSchema, ReviewEvent } from '@labelkit/core';

/** A decision on one suggestion (pre-label); `undone` when undo took a decision back (the suggestion is pending again). Core's `ReviewEvent`. */
export type SuggestionDecision = ReviewEvent;

/** The props every labelkit annotator takes (ARCHITECTURE.md "The common props of every annotator"). */
export interface AnnotatorProps {
  /** The label schema, from `defineSchema()`. */
  schema: LabelSchema;
  /** Controlled annotations. Give `onChange` too, and pass back what it reports. */
  value?: Annotation[];
  /** Initial annotations when uncontrolled. */
  defaultValue?: Annotation[];
  /**
   * Every committed edit, undo and redo included, with the change set that made it: once per undo
   * step, so a drag (move, resize, rotate, a span's edge) reports once, at its end, in every annotator.
   */
  onChange?(next: Annotation[], change: ChangeSet): void;
  /**
   * Every move of a drag under way, as a live draft of all annotations and what the move changed
   * (`change.phase === 'move'`) — for hosts that show coordinates or a preview while the user drags —
   * then `(null, null)` once when the drag ends (after its one `onChange`, or when it is cancelled).
   * It runs in the pointer handler: keep it cheap.
   */
  onDragMove?(draft: Annotation[] | null, change: ChangeSet | null): void;
  /** Pre-labels from a model or a script, drawn distinctly, to accept, reject or edit. */
  suggestions?: Annotation[];
  /** Called when a suggestion is accepted (it then enters the annotations, with `source: 'model'`) or rejected. */
  onSuggestionDecision?(d: SuggestionDecision): void;
  /** No edits: view, select and navigate only. */
  readOnly?: boolean;
  /** Controlled selection. */
  selectedIds?: string[];
  /** Selection changes (clicks, keyboard, marquee). */
  onSelectionChange?(ids: string[]): void;
  /** Remap any shortcut: action id → shortcut(s), merged over the defaults. */
  keymap?: Partial<Keymap>;
  /** Controlled active label (the label new annotations get). */
  activeLabel?: string;
  /** Active label changes (hotkey, picker). */
  onActiveLabelChange?(id: string): void;
  /** Accessible name of the annotator region. */
  'aria-label'?: string;
  /** Class name on the annotator's root element. */
  className?: string;
}

/** Imperative handle of every annotator (`ref`). */
export interface AnnotatorHandle {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Replaces the selection. */
  select(ids: string[]): void;
  /** Moves keyboard focus into the annotator. */
  focus(): void;
  /** The current annotations. */
  getAnnotations(): Annotation[];
}
