import { useCallback, useRef, useState } from 'react';

/** Options of {@link useControllableState}. */
export interface ControllableStateOptions<T> {
  /** The controlled value; when not undefined the component is controlled. */
  value?: T | undefined;
  /** Initial value when uncontrolled. */
  defaultValue: T;
  /** Called with every new value, controlled or not. */
  onChange?: ((next: T) => void) | undefined;
  /** Component name for the controlled/uncontrolled switch warning. */
  name?: string;
}

/**
 * One piece of state that works controlled (`value` + `onChange`) or uncontrolled (`defaultValue`),
 * like Radix's `useControllableState`. Warns once in development when a component switches modes.
 */
export function useControllableState<T>({ value, defaultValue, onChange, name = 'component' }: ControllableStateOptions<T>): [T, (next: T | ((prev: T) => T)) => void] {
  const [inner, setInner] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const wasControlled = useRef(controlled);
  if (wasControlled.current !== controlled) {
    console.warn(`labelkit: ${name} switched from ${wasControlled.current ? 'controlled' : 'uncontrolled'} to ${controlled ? 'controlled' : 'uncontrolled'}. Pick one for its lifetime.`);
    wasControlled.current = controlled;
  }
  const current = controlled ? (value as T) : inner;
  const currentRef = useRef(current);
  currentRef.current = current;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      const resolved = typeof next === 'function' ? (next as (prev: T) => T)(currentRef.current) : next;
      if (Object.is(resolved, currentRef.current)) return;
      currentRef.current = resolved;
      if (!wasControlled.current) setInner(resolved);
      onChangeRef.current?.(resolved);
    },
    [],
  );
  return [current, set];
}
