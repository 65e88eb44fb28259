import { get, type FieldValues } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";

/** The paths of the fields of `count` rows of a list: `prefix.0.name`, … (where messages are placed). */
export function rowPaths(prefix: string, count: number, names: readonly string[]): string[] {
  return Array.from({ length: count }, (_, i) => names.map((name) => `${prefix}.${i}.${name}`)).flat();
}

/**
 * The message about a list as a whole (not one of its rows): the browser's check keeps it at
 * `path.root` once the list has rows, the server's at `path`. Messages on its rows are not included.
 */
export function listError<T extends FieldValues>(form: ActionForm<T>, path: string): string | undefined {
  const node = get(form.form.formState.errors, path) as { message?: unknown; root?: unknown } | undefined;
  if (node?.root) return form.fieldError(`${path}.root` as never);
  return typeof node?.message === "string" ? form.fieldError(path as never) : undefined;
}
