// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/errors";
import { renderUi, tEn } from "@/test/render-ui";
import { ConfirmDialog } from "./confirm-dialog";

afterEach(cleanup);

function dialog(result: ActionResult | undefined, onDone?: () => void) {
  const calls: number[] = [];
  const action = async () => {
    calls.push(1);
    return result;
  };
  renderUi(
    <ConfirmDialog
      label="Deactivate"
      accessibleLabel="Deactivate Ana Ruiz"
      hint="She can no longer sign in."
      question="Deactivate this account?"
      confirmLabel="Yes, deactivate"
      workingLabel="Deactivating…"
      action={action}
      onDone={onDone}
    />,
  );
  return calls;
}

describe("ConfirmDialog", () => {
  it("opens a named dialog with the focus inside it; cancel sends nothing and returns the focus", async () => {
    const calls = dialog({ ok: true, data: undefined });
    const trigger = screen.getByRole("button", { name: "Deactivate Ana Ruiz" });
    expect(trigger.getAttribute("aria-describedby")).toBe(screen.getByText("She can no longer sign in.").id);
    await userEvent.click(trigger);
    const box = await screen.findByRole("alertdialog", { name: "Deactivate this account?" });
    // The focus moves into the dialog (its question is read first) and Tab reaches the confirmation.
    await waitFor(() => expect(box.contains(document.activeElement)).toBe(true));
    if (document.activeElement === box) await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Yes, deactivate" }));
    await userEvent.click(screen.getByRole("button", { name: tEn("common.actions.cancel") }));
    await waitFor(() => expect(box.isConnected).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(calls).toHaveLength(0);
  });

  it("Escape cancels too", async () => {
    const calls = dialog({ ok: true, data: undefined });
    await userEvent.click(screen.getByRole("button", { name: "Deactivate Ana Ruiz" }));
    await screen.findByRole("alertdialog");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(calls).toHaveLength(0);
  });

  it("confirming runs the action once and closes; onDone is called", async () => {
    let done = 0;
    const calls = dialog({ ok: true, data: undefined }, () => done++);
    await userEvent.click(screen.getByRole("button", { name: "Deactivate Ana Ruiz" }));
    await userEvent.click(await screen.findByRole("button", { name: "Yes, deactivate" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(calls).toHaveLength(1);
    expect(done).toBe(1);
  });

  it("a refusal closes the dialog and shows the reason beside the button, focus back on it", async () => {
    const calls = dialog({ ok: false, formError: "The last administrator cannot be deactivated." });
    const trigger = screen.getByRole("button", { name: "Deactivate Ana Ruiz" });
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole("button", { name: "Yes, deactivate" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The last administrator cannot be deactivated.");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(calls).toHaveLength(1);
  });
});
