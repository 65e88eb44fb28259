"use client";

import type { Ref } from "react";
import type { FieldErrors } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/issues";
import { fieldLabelKey, flattenErrors } from "./field-paths";

/** What the server said when it refused the form: its message, and those it gave on no field shown. */
export interface RequestServerFailure {
  title: string;
  unplaced: string[];
}

/**
 * The form's alert: after a failed attempt, every message in the order of the form, each a link to its
 * field. Always present, so the live region exists before its message arrives and can take focus.
 */
export function RequestErrorSummary({
  isShown,
  errors,
  failure,
  idOf,
  onSelect,
  target,
}: {
  /** Whether the last attempt failed and something is still wrong (the form hook's formError is set). */
  isShown: boolean;
  errors: FieldErrors;
  failure: RequestServerFailure | null;
  idOf: (path: string) => string;
  /** Moves the focus to a field. */
  onSelect: (path: string) => void;
  /** The form hook's alertTarget. */
  target: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  const items = isShown
    ? flattenErrors(errors).map((e) => {
        const labelKey = fieldLabelKey(e.path);
        return { path: e.path, label: labelKey ? t(labelKey) : null, message: translateIssue(e.message, t) };
      })
    : [];
  const unplaced = failure?.unplaced ?? [];
  return (
    <div ref={target} tabIndex={-1} role="alert" className={isShown ? "alert alert-error stack" : undefined}>
      {isShown ? (
        <>
          <p>
            <strong>{failure ? failure.title : t("requests.form.errorSummaryTitle")}</strong>
          </p>
          {items.length > 0 || unplaced.length > 0 ? (
            <>
              <p>{t("requests.form.errorSummaryIntro")}</p>
              <ul>
                {items.map((item) => (
                  <li key={item.path}>
                    <a
                      href={`#${idOf(item.path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        onSelect(item.path);
                      }}
                    >
                      {item.label ? `${item.label}: ` : ""}
                      {item.message}
                    </a>
                  </li>
                ))}
                {unplaced.map((text, i) => (
                  <li key={`unplaced-${i}`}>{text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
