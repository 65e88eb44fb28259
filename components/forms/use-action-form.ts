"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { get, useForm, type DefaultValues, type FieldPath, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { whenIdle } from "@/components/hooks/when-idle";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/issues";

/**
 * A form's schema, imported on demand: `() => import("@/lib/x/schema").then((m) => m.xSchema)`, declared
 * once at module level. zod is larger than everything else a form page needs to hydrate, so forms give a
 * loader and the schema comes once the page is idle (or at the first check, if that is sooner).
 */
export type SchemaLoader = () => Promise<z.ZodType>;

/** The resolver of a schema or loader: the schema and zod's resolver load at the first call, once. */
function lazyResolver<TValues extends FieldValues>(schema: z.ZodType | SchemaLoader, raw: boolean) {
  let loading: Promise<Resolver<TValues>> | undefined;
  const load = () =>
    (loading ??= Promise.all([typeof schema === "function" ? schema() : schema, import("./zod-resolver")]).then(([loaded, { resolverFor }]) =>
      resolverFor<TValues>(loaded, raw),
    ));
  const resolver: Resolver<TValues> = async (values, context, options) => (await load())(values, context, options);
  return { resolver, load };
}

export interface UseActionFormOptions<TValues extends FieldValues, TData> {
  /** The schema the action's mutation parses (better, a loader of it): the browser checks the same rules first. */
  schema: z.ZodType | SchemaLoader;
  /** Calls the server action (add record ids here); undefined means it redirected. */
  action: (values: TValues) => Promise<ActionResult<TData> | undefined | void>;
  defaultValues: DefaultValues<TValues>;
  /**
   * The paths that have a field on screen (errors on them stand next to it, the first gets focus); a
   * field also takes the messages on paths beneath it (a group's items, e.g. "checklist.x"); every
   * other message joins the form's alert. Default: the keys of defaultValues.
   */
  fields?: readonly string[];
  /** Send the values as typed instead of the schema's output (e.g. money strings the action converts). */
  raw?: boolean;
  /** Follow defaultValues when the page comes back from the server with others (a saved condition). */
  followDefaults?: boolean;
  resetOnSuccess?: boolean;
  onSuccess?: (data: TData) => void;
  /**
   * Where a failed attempt puts the focus: on the first field with a message (default), or, for a form
   * whose alert lists every message (an error summary), always on the alert.
   */
  focusOnError?: "field" | "alert";
}

export interface ActionForm<TValues extends FieldValues> {
  form: UseFormReturn<TValues>;
  register: UseFormReturn<TValues>["register"];
  control: UseFormReturn<TValues>["control"];
  /** The message next to a field, in the user's language (browser check or server). */
  fieldError: (name: FieldPath<TValues>) => string | undefined;
  /** register(name) plus its error, to spread on a TextField / TextArea / Select. */
  field: (name: FieldPath<TValues>) => ReturnType<UseFormReturn<TValues>["register"]> & { error?: string };
  /** The one message for the whole form (refusals and errors with no field), or null. */
  formError: string | null;
  /** A callback ref for the FormAlert (it takes focus when no field did). */
  alertTarget: (element: HTMLDivElement | null) => void;
  saved: boolean;
  busy: boolean;
  hydrated: boolean;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  formProps: {
    noValidate: true;
    onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
    "aria-busy": boolean;
    "data-hydrated": "true" | undefined;
  };
}

/** The message of an error node: its own, or else the first beneath it (a group's items). */
function messageOf(node: unknown, t: Parameters<typeof translateIssue>[1]): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const text = (leaf: { type?: unknown; message?: unknown }) => {
    const message = typeof leaf.message === "string" ? leaf.message : undefined;
    return leaf.type === "server" && message ? message : translateIssue(message, t);
  };
  const isLeaf = (value: unknown): value is { type?: unknown; message?: unknown } =>
    Boolean(value) && typeof value === "object" && (typeof (value as { message?: unknown }).message === "string" || typeof (value as { type?: unknown }).type === "string");
  // The field's own message; else a list's own message (a rule on the whole list sits in its root);
  // else the first message on one of its items (a checkbox of a group). Rows with fields of their own
  // show their messages beside those fields, not again under the list.
  if (isLeaf(node)) return text(node);
  const root = (node as { root?: unknown }).root;
  if (isLeaf(root)) return text(root);
  for (const [key, child] of Object.entries(node)) {
    if (key !== "ref" && key !== "root" && isLeaf(child)) return text(child);
  }
  return undefined;
}

/** The field a path's message stands next to: the path itself or the nearest enclosing field (a group). */
function placedFieldOf(path: string, placed: ReadonlySet<string>): string | undefined {
  const parts = path.split(".");
  for (let length = parts.length; length > 0; length--) {
    const at = parts.slice(0, length).join(".");
    if (placed.has(at)) return at;
  }
  return undefined;
}

/** Client messages on paths without a field (e.g. a version or a rule on the whole form), translated. */
function strayMessages(errors: unknown, placed: ReadonlySet<string>, t: Parameters<typeof translateIssue>[1], prefix = ""): string[] {
  if (!errors || typeof errors !== "object") return [];
  const out: string[] = [];
  const error = errors as { type?: unknown; message?: unknown };
  if (prefix && (typeof error.message === "string" || typeof error.type === "string")) out.push(messageOf(errors, t) as string);
  for (const [key, child] of Object.entries(errors)) {
    if (key === "ref" || key === "type" || key === "message" || key === "types") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (placed.has(path)) continue;
    out.push(...strayMessages(child, placed, t, path));
  }
  return out;
}

/**
 * The one submit loop of every form: react-hook-form with the mutation's zod schema, one request at a
 * time, the server action inside a transition (its redirect reaches Next's boundary), server messages
 * copied next to their fields (the first focused) and the rest in one alert that takes focus.
 */
export function useActionForm<TValues extends FieldValues, TData = unknown>(options: UseActionFormOptions<TValues, TData>): ActionForm<TValues> {
  const { schema, action, defaultValues, raw = false, followDefaults = false, resetOnSuccess = false, onSuccess, focusOnError = "field" } = options;
  const focusesFields = focusOnError === "field";
  const { t } = useI18n();
  const hydrated = useHydrated();
  const inFlight = useRef(false);
  // State, not a ref: the hook hands it to the render (a ref read there would be a stale value).
  const [alertElement, alertTarget] = useState<HTMLDivElement | null>(null);
  const [isPending, startTransition] = useTransition();
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const { resolver, load } = useMemo(() => lazyResolver<TValues>(schema, raw), [schema, raw]);
  // Ready before the first check in all likelihood: fetched once the page is idle after hydration.
  useEffect(() => whenIdle(() => void load()), [load]);
  const form = useForm<TValues>({
    resolver,
    defaultValues,
    values: followDefaults ? (defaultValues as TValues) : undefined,
    reValidateMode: "onChange",
    shouldFocusError: focusesFields,
  });
  const { register, control, handleSubmit, setError, reset, formState } = form;
  // Keyed by the list's content, not its identity (callers pass a new array on every render).
  const placedKey = (options.fields ?? Object.keys(defaultValues ?? {})).join("\n");
  const placed = useMemo(() => new Set(placedKey.split("\n")), [placedKey]);

  const fieldError = useCallback(
    (name: FieldPath<TValues>) => {
      const error: unknown = get(formState.errors, name);
      return error ? messageOf(error, t) : undefined;
    },
    [formState.errors, t],
  );

  const focusAlert = () => requestAnimationFrame(() => alertElement?.focus());

  function submit(values: TValues) {
    if (inFlight.current) return;
    inFlight.current = true;
    setServerError(null);
    setInvalid(false);
    setSaved(false);
    startTransition(async () => {
      let result: ActionResult<TData> | undefined | void;
      try {
        result = await action(values);
      } finally {
        inFlight.current = false;
      }
      if (!result) return;
      if (result.ok) {
        startTransition(() => {
          if (resetOnSuccess) reset(defaultValues);
          setSaved(true);
        });
        onSuccess?.(result.data);
        return;
      }
      let focused = false;
      const unplaced: string[] = [];
      const set = new Set<string>();
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        const field = placedFieldOf(path, placed);
        if (!field) unplaced.push(text);
        else if (!set.has(field)) {
          // The first message of a group (e.g. one of its items) stands next to it.
          setError(field as FieldPath<TValues>, { type: "server", message: text }, { shouldFocus: focusesFields && !focused });
          set.add(field);
          focused = focusesFields;
        }
      }
      const text = [result.formError, ...unplaced].filter(Boolean).join(" ");
      // Not a transition: the alert shows in the same render as the messages next to the fields.
      setServerError(text || t("common.errors.invalidInput"));
      if (!focused) focusAlert();
    });
  }

  const onSubmit = (event?: FormEvent<HTMLFormElement>) => {
    setInvalid(false);
    void handleSubmit(submit, () => {
      setServerError(null);
      setSaved(false);
      setInvalid(true);
      if (!focusesFields) focusAlert();
    })(event);
  };

  const stray = strayMessages(formState.errors, placed, t);
  // The browser's check: messages with no field of their own, else the generic "check the fields".
  const clientError = stray.length > 0 ? stray.join(" ") : invalid && Object.keys(formState.errors).length > 0 ? t("common.errors.invalidInput") : null;
  const formError = serverError ?? clientError;
  const busy = isPending || formState.isSubmitting;

  return {
    form,
    register,
    control,
    fieldError,
    field: (name) => ({ ...register(name), error: fieldError(name) }),
    formError,
    alertTarget,
    saved,
    busy,
    hydrated,
    onSubmit,
    formProps: { noValidate: true, onSubmit, "aria-busy": busy, "data-hydrated": hydrated ? "true" : undefined },
  };
}
