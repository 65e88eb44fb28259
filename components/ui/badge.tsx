import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

/** A short status label (a status, a count); the tone is colour only, so the text must say it all. */
export function Badge({ tone = "neutral", children, testId }: { tone?: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span className={tone === "neutral" ? "badge" : `badge badge-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
