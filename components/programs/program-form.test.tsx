// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/errors";
import type { ProgramFormValues } from "@/lib/programs/schema";
// The form imports its schema on demand; loaded here once, so that its first check does not wait for it.
import "@/lib/programs/schema";
import { renderUi, tEn } from "@/test/render-ui";
import { ProgramForm } from "./program-form";
import { placeProgramErrors } from "./program-form-errors";

afterEach(cleanup);

const DONOR = "9f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const PROGRAM_ID = "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const VERSION = "2026-11-02T10:00:00.000Z";
const COUNTRIES = [
  { iso2: "GT", name: "Guatemala", region: "central_america" as const },
  { iso2: "HN", name: "Honduras", region: "central_america" as const },
  { iso2: "JM", name: "Jamaica", region: "caribbean" as const },
];

const EMPTY: ProgramFormValues = {
  key: "",
  nameEn: "",
  nameEs: "",
  currency: "USD",
  ceiling: "",
  perAwardCap: "",
  approvalThreshold: "",
  startsOn: "2026-01-01",
  endsOn: "2027-12-31",
  donorIds: [],
  countryIsos: [],
  categories: [],
  rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "100" }],
};

const STORED: ProgramFormValues = {
  nameEn: "Marking program",
  nameEs: "Programa de marcaje",
  currency: "USD",
  ceiling: "5000000",
  perAwardCap: "",
  approvalThreshold: "250000",
  startsOn: "2026-01-01",
  endsOn: "2027-12-31",
  donorIds: [DONOR],
  countryIsos: ["GT"],
  categories: ["training"],
  rubric: [
    { key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "60" },
    { key: "capacity", nameEn: "Capacity", nameEs: "Capacidad", weight: "40" },
  ],
  expectedUpdatedAt: VERSION,
};

function recorder(result: ActionResult) {
  const calls: Record<string, unknown>[] = [];
  const action = async (input: Record<string, unknown>) => {
    calls.push(input);
    return result;
  };
  return { calls, action };
}

function renderCreate(action: (input: Record<string, unknown>) => Promise<ActionResult>, locale: "en" | "es" = "en") {
  return renderUi(
    <ProgramForm mode="create" action={action} cancelHref="/programs" defaultValues={EMPTY} donors={[{ id: DONOR, name: "INL" }]} countries={COUNTRIES} />,
    locale,
  );
}

function renderEdit(action: (input: Record<string, unknown>) => Promise<ActionResult>, isRubricLocked = false) {
  return renderUi(
    <ProgramForm
      mode="edit"
      programId={PROGRAM_ID}
      action={action}
      cancelHref="/programs"
      isRubricLocked={isRubricLocked}
      defaultValues={STORED}
      donors={[{ id: DONOR, name: "INL" }]}
      countries={COUNTRIES}
    />,
  );
}

describe("ProgramForm", () => {
  it("a new program: checks in the browser first, then sends what was typed and chosen (a whole region at once)", async () => {
    const { calls, action } = recorder({ ok: true, data: undefined });
    renderCreate(action);
    await userEvent.click(screen.getByRole("button", { name: "Create program" }));
    expect(await screen.findByText(tEn("programs.errors.donorsRequired"))).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe(tEn("common.errors.invalidInput"));
    expect(calls).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/Short key/), "oas-marking");
    await userEvent.type(screen.getByLabelText(/Name in English/, { selector: "input:not([name^=rubric])" }), "OAS Marking");
    await userEvent.type(screen.getByLabelText(/Name in Spanish/, { selector: "input:not([name^=rubric])" }), "Marcaje OEA");
    await userEvent.type(screen.getByLabelText(/Ceiling/), "5,000,000");
    await userEvent.type(screen.getByLabelText(/Approval threshold/), "250000");
    await userEvent.click(screen.getByRole("checkbox", { name: "INL" }));
    await userEvent.click(screen.getByRole("button", { name: "Select all of Central America" }));
    expect(screen.getByRole("button", { name: "Clear Central America" })).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: tEn("common.categories.training") }));
    await userEvent.click(screen.getByRole("button", { name: "Create program" }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      key: "oas-marking",
      nameEn: "OAS Marking",
      ceiling: "5000000", // the schema's output: the server parses it again
      approvalThreshold: "250000",
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
      donorIds: [DONOR],
      countryIsos: ["GT", "HN"],
      categories: ["training"],
      rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: 100 }],
    });
    expect(calls[0]).not.toHaveProperty("programId");
  });

  it("an edit has no key field and sends the program's id and the version it was loaded with", async () => {
    const { calls, action } = recorder({ ok: true, data: undefined });
    renderEdit(action);
    expect(screen.queryByLabelText(/Short key/)).toBeNull();
    expect(screen.getByText("The weights add up to 100.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ programId: PROGRAM_ID, expectedUpdatedAt: VERSION, donorIds: [DONOR], countryIsos: ["GT"] });
    expect(calls[0]).not.toHaveProperty("key");
  });

  it("places the server's messages next to their fields, a list item's on its list, and the version's in the alert", async () => {
    const { action } = recorder({
      ok: false,
      formError: tEn("common.errors.invalidInput"),
      fieldErrors: {
        ceiling: "Below what is committed.",
        "donorIds.0": "Unknown donor.",
        "rubric.1.key": "Key taken.",
        expectedUpdatedAt: "Changed meanwhile.",
      },
    });
    renderEdit(action);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const ceiling = screen.getByLabelText(/Ceiling/);
    await waitFor(() => expect(ceiling.getAttribute("aria-invalid")).toBe("true"));
    expect(ceiling.getAttribute("aria-describedby")).toContain(screen.getByText("Below what is committed.").id);
    expect(document.activeElement).toBe(ceiling);
    const donors = screen.getByRole("group", { name: "Donors" });
    expect(within(donors).getByText("Unknown donor.")).toBeTruthy();
    const second = screen.getByRole("group", { name: "Criterion 2" });
    const key = within(second).getByLabelText("Key");
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(key.getAttribute("aria-describedby")).toContain(within(second).getByText("Key taken.").id);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(`${tEn("common.errors.invalidInput")} Changed meanwhile.`));
  });

  it("a message on the whole rubric stands under it and the alert takes the focus", async () => {
    const { action } = recorder({ ok: false, formError: tEn("common.errors.invalidInput"), fieldErrors: { rubric: "The rubric is in use." } });
    renderEdit(action);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const message = await screen.findByText("The rubric is in use.");
    expect(screen.getByRole("group", { name: "Scoring rubric" }).contains(message)).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("alert")));
  });

  it("a locked rubric is shown read-only, with neither add nor remove", () => {
    renderEdit(recorder({ ok: true, data: undefined }).action, true);
    expect(screen.getByText(tEn("programs.edit.rubricLocked"))).toBeTruthy();
    const first = screen.getByRole("group", { name: "Criterion 1" });
    expect((within(first).getByLabelText("Key") as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole("button", { name: "Add a criterion" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Remove criterion/ })).toBeNull();
  });

  it("speaks Spanish", () => {
    renderCreate(recorder({ ok: true, data: undefined }).action, "es");
    expect(screen.getByRole("button", { name: "Crear programa" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Seleccionar todo Centroamérica" })).toBeTruthy();
  });
});

describe("placeProgramErrors", () => {
  it("moves list items to their list, keeps the first per place and sends the rest (a criterion no longer shown) to the message", () => {
    const result = placeProgramErrors(
      { ok: false, formError: "Check.", fieldErrors: { "categories.0": "Bad one.", "categories.1": "Bad two.", "rubric.4.weight": "Gone.", key: "Key?" } },
      "edit",
      2,
    );
    expect(result).toEqual({ ok: false, formError: "Check. Gone. Key?", fieldErrors: { categories: "Bad one." } });
  });
});
