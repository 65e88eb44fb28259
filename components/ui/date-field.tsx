"use client";

import { useImperativeHandle, useRef, useState, useSyncExternalStore } from "react";
import { whenIdle } from "@/components/hooks/when-idle";
import type { DateFieldProps, DatePickerField } from "./date-picker";
import { TextField } from "./text-field";

export type { DateFieldProps } from "./date-picker";

type Picker = typeof DatePickerField;

// React Aria's date picker and calendar weigh about 70 kB gzipped, more than everything else on the
// pages that have a date field. They come in a chunk of their own, fetched once the page is idle after
// hydration; until then (and without JavaScript) the browser's own date input stands in, with the same
// label, hint, error, name and yyyy-mm-dd value, so nothing waits for the picker and nothing typed is lost.
let loadedPicker: Picker | undefined;
let pickerLoad: Promise<void> | undefined;
const waiting = new Set<() => void>();

function loadPicker() {
  pickerLoad ??= import("./date-picker").then((m) => {
    loadedPicker = m.DatePickerField;
    for (const notify of waiting) notify();
  });
}

/** A mounted date field waits for the picker, and asks for it once the browser is idle. */
function subscribe(notify: () => void): () => void {
  waiting.add(notify);
  const cancel = loadedPicker ? undefined : whenIdle(loadPicker);
  return () => {
    waiting.delete(notify);
    cancel?.();
  };
}

/**
 * A date typed by segments in the user's language or picked from a calendar (React Aria, see
 * date-picker.tsx); the value in and out is an ISO yyyy-mm-dd string (what our schemas parse), and `name`
 * sends the same string in a form. Before the picker has loaded, the browser's own date input.
 */
export function DateField(props: DateFieldProps) {
  // The server rendered the native input, and hydration renders it too; after a client-side navigation
  // to a page with a date field, the picker that is already loaded comes at once.
  const isPickerLoaded = useSyncExternalStore(subscribe, () => loadedPicker !== undefined, () => false);
  const [typing, setTyping] = useState(false);
  // The picker replaces the native input only while it does not have the focus (never under the cursor).
  if (isPickerLoaded && !typing) return <LoadedPicker {...props} />;
  return <NativeDateField {...props} onFocusChange={setTyping} />;
}

function LoadedPicker(props: DateFieldProps) {
  const Picker = loadedPicker as Picker;
  return <Picker {...props} />;
}

function NativeDateField({ label, value, onChange, onBlur, name, ref, hint, error, required, disabled, min, max, onFocusChange }: DateFieldProps & { onFocusChange: (focused: boolean) => void }) {
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }));
  return (
    <TextField
      ref={input}
      type="date"
      label={label}
      hint={hint}
      error={error}
      required={required}
      disabled={disabled}
      name={name}
      min={min}
      max={max}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onFocus={() => onFocusChange(true)}
      onBlur={() => {
        onFocusChange(false);
        onBlur?.();
      }}
    />
  );
}
