"use client";

import { useId, useState } from "react";
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ConfirmButtonProps } from "./confirm-button";
import { ConfirmIntro, useConfirmedAction } from "./use-confirmed-action";

/** The same props as ConfirmButton: switching between the two is changing the import. */
export type ConfirmProps = ConfirmButtonProps;

/**
 * An action behind a confirmation in a modal dialog (React Aria: focus moves into it, is trapped there,
 * Escape cancels, and focus returns to the button on close). Same props as ConfirmButton, which asks
 * in the page instead.
 */
export function ConfirmDialog({ label, accessibleLabel, question, hint, confirmLabel, workingLabel, action, onDone, tone = "danger" }: ConfirmProps) {
  const { t } = useI18n();
  const uid = useId();
  const [isOpen, setIsOpen] = useState(false);
  const close = () => setIsOpen(false);
  const { run, error, isPending } = useConfirmedAction(action, { onDone, onSuccess: close, onRefused: close });

  const toneClass = tone === "danger" ? "btn btn-danger" : "btn btn-primary";
  return (
    <div className="stack">
      <ConfirmIntro error={error} hint={hint} hintId={`${uid}-hint`} />
      <DialogTrigger isOpen={isOpen} onOpenChange={(open) => !isPending && setIsOpen(open)}>
        <Button className={tone === "danger" ? "btn btn-danger" : "btn"} aria-label={accessibleLabel} aria-describedby={hint ? `${uid}-hint` : undefined}>
          {label}
        </Button>
        <ModalOverlay className="ui-modal-overlay" isDismissable={!isPending} isKeyboardDismissDisabled={isPending}>
          <Modal className="ui-modal">
            <Dialog className="ui-dialog" role="alertdialog">
              <Heading slot="title" className="m-0">
                {question}
              </Heading>
              <div className="row">
                <Button className={toneClass} onPress={run} isDisabled={isPending}>
                  {isPending ? workingLabel : confirmLabel}
                </Button>
                <Button className="btn" slot="close" isDisabled={isPending}>
                  {t("common.actions.cancel")}
                </Button>
              </div>
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </div>
  );
}
