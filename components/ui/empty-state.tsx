import type { ReactNode } from "react";

/** What a list or page shows when there is nothing yet: a title, a sentence, optionally an action. */
export function EmptyState({ title, children, action, testId }: { title: ReactNode; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state-title">{title}</p>
      {children ? <p className="m-0">{children}</p> : null}
      {action ? <div>{action}</div> : null}
    </div>
  );
}
