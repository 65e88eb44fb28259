import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";

export interface Step {
  id: string;
  label: ReactNode;
}

/**
 * The steps of a process with the current one marked (aria-current="step"); steps before it are done.
 * Takes `t` so it renders on the server and in the browser alike.
 */
export function Stepper({ steps, current, t }: { steps: readonly Step[]; current: string; t: Translate }) {
  const currentIndex = steps.findIndex((s) => s.id === current);
  return (
    <ol className="stepper" aria-label={t("ui.stepper.label")}>
      {steps.map((step, index) => {
        const state = index < currentIndex ? "complete" : index === currentIndex ? "current" : "upcoming";
        return (
          <li key={step.id} className="stepper-step" data-state={state} aria-current={state === "current" ? "step" : undefined}>
            {step.label}
            {state === "complete" ? <span className="visually-hidden"> ({t("ui.stepper.complete")})</span> : null}
            {state === "current" ? <span className="visually-hidden"> ({t("ui.stepper.current")})</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
