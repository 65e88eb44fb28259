// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/errors";
import { renderUi, tEn } from "@/test/render-ui";
import { UserForm, type UserFormValues } from "./user-form";

afterEach(cleanup);

const USER_ID = "5f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const PARTNER = "6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const VERSION = "2026-11-02T10:00:00.000Z";
const COUNTRIES = [{ iso2: "GT", name: "Guatemala" }];
const ORGANIZATIONS = [
  { id: PARTNER, type: "implementing_partner" as const, name: "UNLIREC" },
  { id: "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f", type: "donor" as const, name: "INL" },
];

function recorder(result: ActionResult) {
  const calls: Record<string, unknown>[] = [];
  const action = async (input: Record<string, unknown>) => {
    calls.push(input);
    return result;
  };
  return { calls, action };
}

function renderInvite(action: (input: Record<string, unknown>) => Promise<ActionResult>, locale: "en" | "es" = "en") {
  const defaults: UserFormValues = { email: "", name: "", locale: "en", roles: [], countryIso2: "", organizationId: "" };
  return renderUi(<UserForm mode="invite" action={action} defaultValues={defaults} countries={COUNTRIES} organizations={ORGANIZATIONS} />, locale);
}

/**
 * The edit form of a focal point. happy-dom does not show a select's stored value set by react-hook-form
 * (browsers do), so the tests choose the country again before sending.
 */
async function renderEdit(action: (input: Record<string, unknown>) => Promise<ActionResult>) {
  const defaults: UserFormValues = { name: "Grace Thompson", locale: "en", roles: ["focal_point"], countryIso2: "GT", organizationId: "", expectedUpdatedAt: VERSION };
  renderUi(<UserForm mode="edit" userId={USER_ID} action={action} defaultValues={defaults} countries={COUNTRIES} organizations={ORGANIZATIONS} />);
  await userEvent.selectOptions(screen.getByLabelText(/Country/), "GT");
}

describe("UserForm", () => {
  it("an invitation (in Spanish): a clear message first, then the values typed and chosen; the organization appears with its role", async () => {
    const { calls, action } = recorder({ ok: true, data: undefined });
    renderInvite(action, "es");
    const submit = screen.getByRole("button", { name: "Crear la cuenta y enviar la invitación" });
    await userEvent.click(submit);
    expect(await screen.findByText("Ingrese el nombre de la persona.")).toBeTruthy();
    expect(calls).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/Nombre completo/), "Marisol Quintero");
    await userEvent.type(screen.getByLabelText(/Correo electrónico/), "marisol@example.org");
    await userEvent.selectOptions(screen.getByLabelText("Idioma"), "es");
    expect(screen.queryByLabelText(/Organización/)).toBeNull();
    await userEvent.click(screen.getByRole("checkbox", { name: "Socio implementador" }));
    await userEvent.selectOptions(screen.getByLabelText(/Organización/), PARTNER);
    await userEvent.click(submit);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ email: "marisol@example.org", name: "Marisol Quintero", locale: "es", roles: ["implementing_partner"], organizationId: PARTNER });
    expect(calls[0]).not.toHaveProperty("userId");
  });

  it("an edit has no email field and sends the user's id and the version it was loaded with", async () => {
    const { calls, action } = recorder({ ok: true, data: undefined });
    await renderEdit(action);
    expect(screen.queryByLabelText(/Email address/)).toBeNull();
    expect((screen.getByLabelText(/Full name/) as HTMLInputElement).value).toBe("Grace Thompson");
    await userEvent.click(screen.getByRole("checkbox", { name: tEn("common.roles.reviewer") }));
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ userId: USER_ID, expectedUpdatedAt: VERSION, roles: ["focal_point", "reviewer"], countryIso2: "GT" });
    expect(calls[0]).not.toHaveProperty("email");
  });

  it("places the server's messages next to their fields (a role's on the roles) and the version's in the alert", async () => {
    const { action } = recorder({
      ok: false,
      formError: "Check the form.",
      fieldErrors: { countryIso2: "Not a recipient.", "roles.0": "Unknown role.", expectedUpdatedAt: "Changed meanwhile.", organizationId: "Not shown." },
    });
    await renderEdit(action);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const country = screen.getByLabelText(/Country/);
    await waitFor(() => expect(country.getAttribute("aria-invalid")).toBe("true"));
    expect(country.getAttribute("aria-describedby")).toContain(screen.getByText("Not a recipient.").id);
    expect(document.activeElement).toBe(country);
    expect(screen.getByRole("group", { name: /Roles/ }).textContent).toContain("Unknown role.");
    // The organization is not on screen for a focal point: its message joins the alert.
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Check the form. Changed meanwhile. Not shown."));
  });
});
