"use client";

import type { ReactNode } from "react";
import { Label, Text } from "react-aria-components";
import { RequiredMarker } from "./field";

/** The label (with its required marker) and hint of a React Aria field; React Aria wires the ids. */
export function AriaFieldHead({ label, required, hint }: { label: ReactNode; required?: boolean; hint?: ReactNode }) {
  return (
    <>
      <Label>
        {label}
        {required ? <RequiredMarker /> : null}
      </Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
    </>
  );
}

/** A React Aria field's error, announced with the control. */
export function AriaFieldError({ error }: { error?: string }) {
  return error ? (
    <Text slot="errorMessage" className="field-error">
      {error}
    </Text>
  ) : null;
}
