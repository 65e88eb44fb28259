// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { renderUi, tEn } from "@/test/render-ui";
import { emptyRequestFormValues, type RequestFormValues } from "./form-values";
import { RequestForm, type RequestFormProgram } from "./request-form";

afterEach(cleanup);

const MARKING: RequestFormProgram = {
  id: "6f1c3a52-58a4-4f0e-9d51-0b7c8a3e2d10",
  nameEn: "OAS Firearms Marking Program",
  nameEs: "Programa de Marcaje de Armas de Fuego de la OEA",
  currency: "USD",
  remainingMinor: 50_000_000,
  isDemoFigures: false,
};
const PROGRAMS = { marking_equipment: [MARKING] };

/** A stand-in server action: records what it was sent and answers with the given result. */
function actionReturning(result: ActionResult<unknown>) {
  const calls: Record<string, unknown>[] = [];
  const action = async (input: Record<string, unknown>) => {
    calls.push(input);
    return result;
  };
  return { calls, action };
}

/** A field by its path, as the end-to-end tests find it ("details.sites" -> id ending in "-details-sites"). */
function field<T extends HTMLElement = HTMLInputElement>(path: string): T {
  const element = document.querySelector<T>(`form [id$="-${path.replace(/\./g, "-")}"]`);
  if (!element) throw new Error(`no field ${path}`);
  return element;
}

/**
 * happy-dom loses a native select's initial value when react-hook-form registers it (a browser keeps
 * it): pick the stored choices again, as a person would.
 */
async function pickStoredChoices(values: RequestFormValues) {
  await userEvent.selectOptions(field<HTMLSelectElement>("category"), values.category);
  await userEvent.selectOptions(field<HTMLSelectElement>("urgency"), values.urgency);
}

function renderNew(action: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>, defaultValues: RequestFormValues = emptyRequestFormValues("es")) {
  return renderUi(<RequestForm defaultValues={defaultValues} programsByCategory={PROGRAMS} countryName="Guatemala" cancelHref="/requests" createAction={action} />);
}

const complete: RequestFormValues = {
  ...emptyRequestFormValues("es"),
  category: "marking_equipment",
  titleEs: "Equipos de marcaje para la PNC",
  narrativeEs: "Línea uno.\nLínea dos.",
  justificationEs: "Cumplir con la CIFTA.",
  details: { machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: "PNC" },
  estimatedCost: "250000.50",
  urgency: "high",
  desiredStartOn: "2099-01-15",
  programIds: [MARKING.id],
};

describe("RequestForm", () => {
  it("saves a partial draft: sends the raw values, submit false and one creation key per form", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    renderNew(action);
    await userEvent.type(field("titleEs"), "Marcaje en aduanas");
    await userEvent.selectOptions(field<HTMLSelectElement>("category"), "marking_equipment");
    await userEvent.type(field("details.machinesWanted"), "3");
    await userEvent.click(screen.getByRole("button", { name: tEn("requests.form.saveDraft") }));
    await waitFor(() => expect(calls).toHaveLength(1));
    const [sent] = calls;
    expect(sent).toMatchObject({
      titleEs: "Marcaje en aduanas",
      category: "marking_equipment",
      details: { machinesWanted: "3", firearmsToMarkPerYear: "", operatingAgencies: "" },
      estimatedCost: "",
      programIds: [],
      submit: false,
    });
    expect(isUuid(sent.creationKey)).toBe(true);
    expect(sent).not.toHaveProperty("requestId");

    // Once the first save is done (a real action redirects; this one does not), a second save sends the same key.
    await userEvent.click(await screen.findByRole("button", { name: tEn("requests.form.saveDraft") }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].creationKey).toBe(sent.creationKey);
  });

  it("Enter in a field saves a draft, it never submits", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    renderNew(action);
    await userEvent.type(field("titleEs"), "Solo un título{Enter}");
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].submit).toBe(false);
  });

  it("checks a submission in the browser: nothing is sent, the summary lists the fields and takes the focus", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    renderNew(action);
    await userEvent.type(field("titleEs"), "Solo un título");
    await userEvent.selectOptions(field<HTMLSelectElement>("category"), "marking_equipment");
    await userEvent.click(screen.getByRole("button", { name: tEn("requests.form.submit") }));
    const summary = screen.getByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain(tEn("requests.form.errorSummaryTitle"));
    expect(summary.textContent).toContain(`${tEn("requests.details.machinesWanted.label")}: ${tEn("requests.errors.required")}`);
    expect(summary.textContent).toContain(`${tEn("requests.fields.estimatedCost")}: ${tEn("requests.errors.required")}`);
    const machines = field("details.machinesWanted");
    expect(machines.getAttribute("aria-invalid")).toBe("true");
    expect(calls).toHaveLength(0);

    // The summary's link moves to the field.
    await userEvent.click(screen.getByRole("link", { name: new RegExp(tEn("requests.details.machinesWanted.label")) }));
    expect(document.activeElement).toBe(machines);
  });

  it("submits a complete request with the values, the ids and the version it was opened with", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    const requestId = "0b1c2d3e-4f50-4617-8899-aabbccddeeff";
    renderUi(<RequestForm defaultValues={complete} programsByCategory={PROGRAMS} countryName="Guatemala" cancelHref="/requests/x" saveAction={action} requestId={requestId} version={4} />);
    await pickStoredChoices(complete);
    expect(screen.getByRole("checkbox", { name: new RegExp(MARKING.nameEn) })).toHaveProperty("checked", true);
    await userEvent.click(screen.getByRole("button", { name: tEn("requests.form.submit") }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ ...complete, requestId, expectedVersion: 4, submit: true });
  });

  it("puts the server's messages next to their detail field and the program list, and lists them in the focused summary", async () => {
    const { action } = actionReturning({
      ok: false,
      formError: "Refused.",
      fieldErrors: { "details.firearmsToMarkPerYear": "Too many firearms.", "programIds.0": "Not open to Guatemala.", creationKey: "Bad key." },
    });
    renderNew(action, complete);
    await pickStoredChoices(complete);
    await userEvent.click(screen.getByRole("button", { name: tEn("requests.form.submit") }));
    const summary = screen.getByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    await waitFor(() => expect(summary.textContent).toContain("Refused."));

    const firearms = field("details.firearmsToMarkPerYear");
    const message = screen.getAllByText("Too many firearms.").find((e) => e.classList.contains("field-error"));
    expect(message).toBeTruthy();
    expect(firearms.getAttribute("aria-invalid")).toBe("true");
    expect(firearms.getAttribute("aria-describedby")).toContain(message!.id);
    expect(field("details.machinesWanted").getAttribute("aria-invalid")).toBeNull();

    const programs = screen.getByRole("group", { name: tEn("requests.form.programsLegend") });
    expect(programs.textContent).toContain("Not open to Guatemala.");
    expect(summary.textContent).toContain(`${tEn("requests.details.firearmsToMarkPerYear.label")}: Too many firearms.`);
    // A message on no field shown stays in the summary.
    expect(summary.textContent).toContain("Bad key.");
  });

  it("changing the category drops the details and programs of the old one", async () => {
    const { calls, action } = actionReturning({ ok: true, data: undefined });
    renderNew(action, complete);
    await userEvent.selectOptions(field<HTMLSelectElement>("category"), "armoury_security");
    expect(screen.queryByRole("checkbox", { name: new RegExp(MARKING.nameEn) })).toBeNull();
    fireEvent.change(field("details.sites"), { target: { value: "3" } });
    await userEvent.click(screen.getByRole("button", { name: tEn("requests.form.saveDraft") }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ category: "armoury_security", details: { sites: "3", storageCapacity: "" }, programIds: [] });
  });

  it("sends a yes/no detail and a choice as typed, and a server message on the yes/no stands next to it", async () => {
    const { calls, action } = actionReturning({ ok: false, fieldErrors: { "details.etraceTrainingNeeded": "Say whether training is needed." } });
    renderNew(action);
    await userEvent.selectOptions(field<HTMLSelectElement>("category"), "etrace_onboarding");
    await userEvent.selectOptions(field<HTMLSelectElement>("details.etraceLanguage"), "en");
    const training = screen.getByRole("radiogroup", { name: new RegExp(tEn("requests.details.etraceTrainingNeeded.label")) });
    await userEvent.click(within(training).getByRole("radio", { name: tEn("common.yes") }));
    await userEvent.click(screen.getByRole("button", { name: tEn("requests.form.saveDraft") }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].details).toEqual({ etraceAgencies: "", etraceAccountsWanted: "", etraceLanguage: "en", etraceTrainingNeeded: "true" });
    await waitFor(() => expect(training.textContent).toContain("Say whether training is needed."));
    await userEvent.click(within(screen.getByRole("alert")).getByRole("link", { name: /Say whether training is needed/ }));
    expect(document.activeElement).toBe(within(training).getByRole("radio", { name: tEn("common.yes") }));
  });

  it("each field the end-to-end specs fill is one control, found by its id's end and by its name", async () => {
    renderNew(actionReturning({ ok: true, data: undefined }).action);
    await userEvent.selectOptions(field<HTMLSelectElement>("category"), "marking_equipment");
    const paths = ["titleEs", "narrativeEs", "justificationEs", "category", "details.machinesWanted", "details.firearmsToMarkPerYear", "details.operatingAgencies", "estimatedCost", "urgency", "desiredStartOn"];
    for (const path of paths) {
      const byId = document.querySelectorAll(`form [id$="-${path.replace(/\./g, "-")}"]`);
      expect(byId, path).toHaveLength(1);
      expect(document.querySelectorAll(`form [name="${path}"]`), path).toHaveLength(1);
      expect(["INPUT", "SELECT", "TEXTAREA"]).toContain(byId[0].tagName);
    }
    expect(field("desiredStartOn").type).toBe("date");
  });

  it("shows its labels in Spanish", () => {
    renderUi(<RequestForm defaultValues={emptyRequestFormValues("es")} programsByCategory={PROGRAMS} countryName="Guatemala" cancelHref="/requests" createAction={async () => undefined} />, "es");
    expect(screen.getByRole("button", { name: "Guardar borrador" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Enviar solicitud" })).toBeTruthy();
    expect(screen.getByRole("radiogroup", { name: "Idioma de la solicitud" })).toBeTruthy();
  });
});
