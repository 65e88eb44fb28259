"use client";

import { useImperativeHandle, useRef, type Ref } from "react";

/** What react-hook-form's Controller needs from a field's ref: something to focus on an error. */
export interface FocusHandle {
  focus: () => void;
}

/**
 * A ref for a React Aria field whose root is not focusable: focusing it focuses the first control
 * inside (the select's button, the date's first segment, the checked or first radio).
 */
export function useFocusHandle<T extends HTMLElement>(ref: Ref<FocusHandle> | undefined, selector: string) {
  const root = useRef<T>(null);
  useImperativeHandle(ref, () => ({
    focus: () => root.current?.querySelector<HTMLElement>(selector)?.focus(),
  }));
  return root;
}
