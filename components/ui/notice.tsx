import type { ReactNode } from "react";

export type NoticeTone = "info" | "success" | "warning" | "error";

/**
 * A message box on a page. Errors and warnings are alerts (announced at once); info and success are
 * status messages (announced politely). Pass `live={false}` for a message that was there on load.
 */
export function Notice({ tone = "info", title, children, live = true, testId }: { tone?: NoticeTone; title?: ReactNode; children?: ReactNode; live?: boolean; testId?: string }) {
  const role = !live ? undefined : tone === "error" || tone === "warning" ? "alert" : "status";
  return (
    <div className={`alert alert-${tone}`} role={role} data-testid={testId}>
      {title ? <p className="text-strong m-0">{title}</p> : null}
      {children}
    </div>
  );
}
