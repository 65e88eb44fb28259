"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/errors";

interface DeactivateButtonProps {
  userName: string;
  /** What the button does: deactivate an active account, reactivate a deactivated one. */
  mode: "deactivate" | "reactivate";
  /** A server action bound to the user: redirects on success, returns the error otherwise. */
  action: () => Promise<ActionResult | undefined>;
}

/** Deactivates or reactivates an account after an explicit, in-page confirmation. */
export function DeactivateButton({ userName, mode, action }: DeactivateButtonProps) {
  const { t } = useI18n();
  const area = mode === "deactivate" ? "admin.deactivate" : "admin.reactivate";
  return (
    <ConfirmButton
      label={t(`${area}.button`)}
      hint={t(`${area}.hint`)}
      question={t(`${area}.confirm`, { name: userName })}
      confirmLabel={t(`${area}.confirmButton`)}
      workingLabel={t(`${area}.working`)}
      tone={mode === "deactivate" ? "danger" : "primary"}
      action={action}
    />
  );
}
