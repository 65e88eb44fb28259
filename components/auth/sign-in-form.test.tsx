// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SignInInput } from "@/lib/auth/schema";
import type { ActionResult } from "@/lib/errors";
import { renderUi, tEn } from "@/test/render-ui";
import { SignInForm } from "./sign-in-form";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

afterEach(() => {
  cleanup();
  push.mockClear();
});

function recorder(result: ActionResult) {
  const calls: SignInInput[] = [];
  const action = async (input: SignInInput) => {
    calls.push(input);
    return result;
  };
  return { calls, action };
}

describe("SignInForm", () => {
  it("sends the address and where to go back to through the page's action, then says to check the mail", async () => {
    const { calls, action } = recorder({ ok: true, data: undefined });
    renderUi(<SignInForm action={action} callbackUrl="/awards" />);
    await userEvent.type(screen.getByLabelText(tEn("auth.signIn.emailLabel")), "ana@example.org");
    await userEvent.click(screen.getByRole("button", { name: tEn("auth.signIn.submit") }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/sign-in/check-email"));
    expect(calls).toEqual([{ email: "ana@example.org", callbackUrl: "/awards" }]);
  });

  it("checks the address in the browser first and shows a refusal from the action", async () => {
    const { calls, action } = recorder({ ok: false, formError: "Too many sign-in requests." });
    renderUi(<SignInForm action={action} />);
    const email = screen.getByLabelText(tEn("auth.signIn.emailLabel"));
    await userEvent.type(email, "not-an-address");
    await userEvent.click(screen.getByRole("button", { name: tEn("auth.signIn.submit") }));
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(tEn("auth.signIn.invalidEmail"))).toBeTruthy();
    expect(calls).toHaveLength(0);
    await userEvent.clear(email);
    await userEvent.type(email, "ana@example.org");
    await userEvent.click(screen.getByRole("button", { name: tEn("auth.signIn.submit") }));
    expect(await screen.findByText("Too many sign-in requests.")).toBeTruthy();
    expect(push).not.toHaveBeenCalled();
  });
});
