import type { ReactNode, Ref } from "react";

/**
 * The form's one message about the whole form (a refusal, an error with no field). It is always in the
 * page (an empty live region, so screen readers announce the text when it appears) and takes focus
 * from the form hook when no field did.
 */
export function FormAlert({ message, target }: { message: ReactNode; /** The form hook's alertTarget. */ target?: Ref<HTMLDivElement> }) {
  return (
    <div className={message ? "alert alert-error" : undefined} role="alert" tabIndex={-1} ref={target}>
      {message}
    </div>
  );
}

/** The "saved" note after a form succeeded without leaving the page (a polite live region). */
export function FormSaved({ saved, children }: { saved: boolean; children: ReactNode }) {
  return (
    <div role="status" className={saved ? "alert alert-success" : undefined}>
      {saved ? children : null}
    </div>
  );
}
