import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { createKeyDispatcher, findConflicts, matchShortcut, mergeKeymap, type KeyEventLike, type Keymap, type LabelSchema } from '@labelkit/core';

/** What to do for each keymap action; return `false` to let the key through. */
export type HotkeyHandlers = Partial<Record<string, (event: KeyboardEvent) => boolean | void>>;

/** Options of {@link useAnnotatorHotkeys}. */
export interface AnnotatorHotkeysOptions {
  /** Off while false (e.g. while a dialog inside the annotator is open). */
  enabled?: boolean;
  /** Label hotkeys of this schema (for the given kinds) activate labels through `onLabelHotkey`. */
  schema?: LabelSchema;
  /** Only labels allowed for one of these kinds take part (default: all selectable labels). */
  kinds?: readonly string[];
  /** Called with the label id when a label's hotkey is pressed. Keymap actions win over label hotkeys. */
  onLabelHotkey?: (labelId: string, event: KeyboardEvent) => void;
  /** Actions that still fire while typing in an input/textarea inside the annotator (e.g. `undo` is NOT one by default). */
  allowInInputs?: readonly string[];
}

/** True for elements where keys are text input: inputs, textareas, selects, contenteditable. */
export function isTextInput(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

/**
 * Binds an annotator's keymap to keydown on its own root element — so no shortcut fires while focus is
 * outside the annotator — and calls `preventDefault` on handled keys. Typing in inputs inside the
 * annotator is left alone except for `allowInInputs` actions.
 */
export function useAnnotatorHotkeys(
  rootRef: RefObject<HTMLElement | null>,
  keymap: Keymap,
  handlers: HotkeyHandlers,
  options: AnnotatorHotkeysOptions = {},
): void {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const { schema, kinds } = options;
  const kindsKey = kinds?.join(',') ?? '';

  const dispatch = useMemo(() => {
    // Wrap every action so handlers are read at key time (they change every render).
    const wrapped: Record<string, (e: KeyEventLike) => boolean | void> = {};
    for (const action of Object.keys(keymap)) {
      wrapped[action] = (e) => {
        const h = handlersRef.current[action];
        if (!h) return false;
        const native = (e as KeyEventLike & { nativeEvent?: KeyboardEvent }).nativeEvent;
        if (native && isTextInput(native.target) && !(optionsRef.current.allowInInputs ?? []).includes(action)) return false;
        return h(native as KeyboardEvent);
      };
    }
    return createKeyDispatcher(keymap, wrapped);
  }, [keymap]);

  const labelHotkeys = useMemo(() => {
    if (!schema) return [];
    const kindSet = kindsKey ? new Set(kindsKey.split(',')) : null;
    return schema.labels.filter((l) => l.hotkey && l.selectable && (!kindSet || l.kinds.some((k) => kindSet.has(k)))).map((l) => ({ id: l.id, hotkey: l.hotkey as string }));
  }, [schema, kindsKey]);

  // A label hotkey that is also an action's shortcut never reaches the label (actions win): say so once.
  useEffect(() => {
    for (const message of labelHotkeyConflicts(keymap, labelHotkeys, schema)) {
      if (warned.has(message)) continue;
      warned.add(message);
      console.warn(message);
    }
  }, [keymap, labelHotkeys, schema]);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (optionsRef.current.enabled === false || event.defaultPrevented || event.isComposing) return;
      const like = Object.assign(
        { key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey },
        { nativeEvent: event },
      );
      if (dispatch(like)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (isTextInput(event.target)) return;
      const onLabel = optionsRef.current.onLabelHotkey;
      if (!onLabel) return;
      const hit = labelHotkeys.find((l) => safeMatch(l.hotkey, like));
      if (hit) {
        event.preventDefault();
        onLabel(hit.id, event);
      }
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [rootRef, dispatch, labelHotkeys]);
}

const warned = new Set<string>();

/**
 * Warnings for label hotkeys that the keymap shadows (an action with the same shortcut wins), one per
 * label, naming the label, the key and the action, and how to fix it.
 */
export function labelHotkeyConflicts(keymap: Keymap, labelHotkeys: ReadonlyArray<{ id: string; hotkey: string }>, schema?: LabelSchema): string[] {
  if (!labelHotkeys.length) return [];
  let conflicts: ReturnType<typeof findConflicts>;
  try {
    conflicts = findConflicts(keymap, Object.fromEntries(labelHotkeys.map((l) => [l.id, l.hotkey])));
  } catch {
    return []; // unparsable shortcuts are reported where they are parsed
  }
  const out: string[] = [];
  for (const c of conflicts) {
    const [label, action] = c.b.startsWith('label:') && !c.a.startsWith('label:') ? [c.b.slice(6), c.a] : c.a.startsWith('label:') && !c.b.startsWith('label:') ? [c.a.slice(6), c.b] : [null, null];
    if (label === null) continue;
    const name = schema?.byId.get(label)?.name ?? label;
    out.push(`labelkit: the hotkey "${c.shortcut}" of label "${name}" is also the "${action}" shortcut, and actions win, so the label can't be chosen with it. Change the label's hotkey, or rebind "${action}" with the keymap prop.`);
  }
  return out;
}

function safeMatch(hotkey: string, event: KeyEventLike): boolean {
  try {
    return matchShortcut(hotkey, event);
  } catch {
    return false; // an unparsable label hotkey never matches (defineSchema reports duplicates, not syntax)
  }
}

/** Merges the host's `keymap` prop over an annotator's defaults, keeping the result stable across renders. */
export function useMergedKeymap(defaults: Keymap, overrides: Partial<Keymap> | undefined): Keymap {
  const key = overrides ? JSON.stringify(overrides) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => mergeKeymap(defaults, overrides), [defaults, key]);
}
