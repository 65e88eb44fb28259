// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/errors";
import { renderUi, tEn } from "@/test/render-ui";
import { FrequencyForm } from "./frequency-form";
import { IndicatorsEditor } from "./indicators-editor";
import { ReportDecisionForm } from "./report-decision-form";
import { ReportForm, type ReportFormValues } from "./report-form";

afterEach(cleanup);

const AWARD = "6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const IND = "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const IND2 = "9f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const DEL = "8f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const REPORT = "5f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

/** A stand-in server action: records what it was sent and answers with the given result. */
function actionReturning<T>(result: ActionResult) {
  const calls: T[] = [];
  const action = async (input: T) => {
    calls.push(input);
    return result;
  };
  return { calls, action };
}

const blankReport: ReportFormValues = {
  narrativeEn: "",
  narrativeEs: "",
  expenditureToDate: "",
  actuals: [{ awardIndicatorId: IND, value: "", breakdown: [] }],
  deliverableUpdates: [{ deliverableId: DEL, note: "" }],
};

function renderReportForm(action: Parameters<typeof ReportForm>[0]["action"], locale: "en" | "es" = "en", defaultValues = blankReport) {
  return renderUi(
    <ReportForm
      awardId={AWARD}
      periodNumber={2}
      version={4}
      amountText="$100,000.00"
      indicators={[{ id: IND, name: "Firearms marked", unit: "count", baseline: "0", target: "1000" }]}
      deliverables={[{ id: DEL, title: "Machines installed", dueText: "Due 1 March 2027" }]}
      defaultValues={defaultValues}
      action={action}
    />,
    locale,
  );
}

describe("the report form", () => {
  it("submits the values as typed with the award, the period and the version it was opened with", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({ ok: true, data: undefined });
    renderReportForm(action);
    await userEvent.type(screen.getByLabelText("Narrative (English)"), "Marked 120 firearms.");
    await userEvent.type(screen.getByLabelText("Expenditure to date (USD)"), "2500.50");
    await userEvent.type(screen.getByLabelText("Firearms marked — Value (count)"), "120");
    await userEvent.click(screen.getByRole("button", { name: "Add a breakdown row" }));
    await userEvent.click(screen.getByRole("button", { name: "Add a breakdown row" }));
    const [label1, label2] = screen.getAllByLabelText("Label");
    const [value1, value2] = screen.getAllByLabelText("Value");
    await userEvent.type(label1, "PNC");
    await userEvent.type(value1, "100");
    await userEvent.type(label2, "DIGECAM");
    await userEvent.type(value2, "20");
    expect(screen.getByText("Breakdown total: 120")).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Update on “Machines installed”"), "Two machines installed.");
    await userEvent.click(screen.getByTestId("report-submit"));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      narrativeEn: "Marked 120 firearms.",
      narrativeEs: "",
      expenditureToDate: "2500.50",
      actuals: [
        {
          awardIndicatorId: IND,
          value: "120",
          breakdown: [
            { dimension: "agency", label: "PNC", value: "100" },
            { dimension: "agency", label: "DIGECAM", value: "20" },
          ],
        },
      ],
      deliverableUpdates: [{ deliverableId: DEL, note: "Two machines installed." }],
      awardId: AWARD,
      periodNumber: 2,
      submit: true,
      expectedVersion: 4,
    });
  });

  it("saves a draft with submit false, and a later submit is a submit again", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({ ok: false, formError: "Not now." });
    renderReportForm(action);
    await userEvent.click(screen.getByTestId("report-save-draft"));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ awardId: AWARD, periodNumber: 2, submit: false, expectedVersion: 4 });
    await screen.findByText("Not now.");
    await userEvent.click(screen.getByTestId("report-submit"));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toMatchObject({ submit: true });
  });

  it("refuses a breakdown that does not add up, in Spanish, and sends nothing", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({ ok: true, data: undefined });
    renderReportForm(action, "es");
    await userEvent.type(screen.getByLabelText("Firearms marked — Valor (cantidad)"), "30");
    await userEvent.click(screen.getByRole("button", { name: "Agregar una fila de desglose" }));
    await userEvent.type(screen.getByLabelText("Etiqueta"), "Ministerio Público");
    await userEvent.type(screen.getByLabelText("Valor"), "18");
    await userEvent.click(screen.getByTestId("report-submit"));
    expect(await screen.findByText("El desglose debe sumar el valor.")).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it("places the server's messages on the indicator's value and the expenditure; the period's goes to the alert", async () => {
    const { action } = actionReturning<Record<string, unknown>>({
      ok: false,
      formError: "Check the report.",
      fieldErrors: { "actuals.0.value": "Enter a value.", expenditureToDate: "Above the award.", period: "This period has not started." },
    });
    renderReportForm(action);
    await userEvent.click(screen.getByTestId("report-submit"));
    const value = screen.getByLabelText("Firearms marked — Value (count)");
    await waitFor(() => expect(value.getAttribute("aria-invalid")).toBe("true"));
    expect(value.getAttribute("aria-describedby")).toContain(screen.getByText("Enter a value.").id);
    const expenditure = screen.getByLabelText("Expenditure to date (USD)");
    expect(expenditure.getAttribute("aria-describedby")).toContain(screen.getByText("Above the award.").id);
    // The alert is set in its own transition, after the field messages.
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Check the report. This period has not started."));
  });

  it("places the server's messages on a breakdown and on its rows", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({
      ok: false,
      fieldErrors: { "actuals.0.breakdown": "The breakdown must add up to the value.", "actuals.0.breakdown.1.value": "Enter a value." },
    });
    const withBreakdown: ReportFormValues = {
      ...blankReport,
      actuals: [{ awardIndicatorId: IND, value: "30", breakdown: [{ dimension: "agency", label: "PNC", value: "20" }, { dimension: "sex", label: "Women", value: "10" }] }],
    };
    renderReportForm(action, "en", withBreakdown);
    await userEvent.click(screen.getByTestId("report-save-draft"));
    await waitFor(() => expect(calls).toHaveLength(1));
    const breakdown = screen.getByRole("group", { name: "Breakdown" });
    expect(await within(breakdown).findByText("The breakdown must add up to the value.")).toBeTruthy();
    const [first, second] = within(breakdown).getAllByLabelText("Value");
    expect(second.getAttribute("aria-describedby")).toContain(screen.getByText("Enter a value.").id);
    expect(first.getAttribute("aria-invalid")).toBeNull();
    // The alert is set in its own transition, after the field messages.
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(tEn("common.errors.invalidInput")));
  });
});

describe("the indicators editor", () => {
  // happy-dom reports no selected option while React mounts a <select>, so react-hook-form takes the
  // select's own value ("") over the default; a browser keeps the default. Choose it as a person would.
  const chooseSaved = async () => userEvent.selectOptions(within(screen.getByTestId("indicator-row-0")).getByLabelText("Indicator"), IND);
  const library = [
    { id: IND, name: "Firearms marked", unit: "count" },
    { id: IND2, name: "Officers trained", unit: "people" },
  ];

  it("sends the rows with the award and places `indicators.N.field` messages on row N", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({
      ok: false,
      formError: "Check the indicators.",
      fieldErrors: { "indicators.1.indicatorId": "Unknown indicator.", "indicators.1.target": "Enter a target." },
    });
    renderUi(
      <IndicatorsEditor
        awardId={AWARD}
        library={library}
        defaultValues={{ indicators: [{ indicatorId: IND, baseline: "0", target: "10" }] }}
        action={action}
      />,
    );
    await chooseSaved();
    await userEvent.click(screen.getByRole("button", { name: "Add an indicator" }));
    const second = screen.getByTestId("indicator-row-1");
    await userEvent.selectOptions(within(second).getByLabelText("Indicator"), IND2);
    await userEvent.type(within(second).getByLabelText("Target"), "60");
    await userEvent.click(screen.getByRole("button", { name: "Save indicators" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      awardId: AWARD,
      indicators: [
        { indicatorId: IND, baseline: "0", target: "10" },
        { indicatorId: IND2, baseline: "0", target: "60" },
      ],
    });
    const target = within(second).getByLabelText("Target");
    await waitFor(() => expect(target.getAttribute("aria-invalid")).toBe("true"));
    expect(target.getAttribute("aria-describedby")).toContain(within(second).getByText("Enter a target.").id);
    expect(within(second).getByLabelText("Indicator").getAttribute("aria-describedby")).toContain(within(second).getByText("Unknown indicator.").id);
    const first = screen.getByTestId("indicator-row-0");
    expect(within(first).getByLabelText("Target").getAttribute("aria-invalid")).toBeNull();
    // The alert is set in its own transition, after the field messages.
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Check the indicators."));
  });

  it("says it saved", async () => {
    const { action } = actionReturning<Record<string, unknown>>({ ok: true, data: undefined });
    renderUi(<IndicatorsEditor awardId={AWARD} library={library} defaultValues={{ indicators: [{ indicatorId: IND, baseline: "0", target: "10" }] }} action={action} />);
    await chooseSaved();
    await userEvent.click(screen.getByRole("button", { name: "Save indicators" }));
    expect(await screen.findByText(tEn("reporting.indicators.saved"))).toBeTruthy();
  });
});

describe("the decision on a report", () => {
  it("accepts with the report's id and the version the page showed", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({ ok: true, data: undefined });
    renderUi(<ReportDecisionForm reportId={REPORT} version={3} action={action} />);
    await userEvent.click(screen.getByRole("radio", { name: "Accept the report" }));
    await userEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    await waitFor(() => expect(calls).toEqual([{ decision: "accept", comment: "", expectedVersion: 3, reportId: REPORT }]));
  });

  it("returning needs a comment: refused in the browser, then sent with it", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({ ok: true, data: undefined });
    renderUi(<ReportDecisionForm reportId={REPORT} version={3} action={action} />);
    await userEvent.click(screen.getByRole("radio", { name: "Return it for corrections" }));
    await userEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    const comment = screen.getByLabelText("Comment");
    await waitFor(() => expect(comment.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(tEn("reporting.errors.commentRequired"))).toBeTruthy();
    expect(calls).toHaveLength(0);
    await userEvent.type(comment, "Please correct the attendance figure.");
    await userEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    await waitFor(() => expect(calls).toEqual([{ decision: "return", comment: "Please correct the attendance figure.", expectedVersion: 3, reportId: REPORT }]));
  });

  it("a stale version is said in the form's alert", async () => {
    const { action } = actionReturning<Record<string, unknown>>({ ok: false, formError: "Someone else decided first." });
    renderUi(<ReportDecisionForm reportId={REPORT} version={3} action={action} />);
    await userEvent.click(screen.getByRole("radio", { name: "Accept the report" }));
    await userEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    const alert = await screen.findByText("Someone else decided first.");
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});

describe("the reporting frequency", () => {
  it("sends the chosen months with the award and the frequency shown; a server message stands next to the choice", async () => {
    const { calls, action } = actionReturning<Record<string, unknown>>({ ok: false, fieldErrors: { frequencyMonths: "A tranche waits for period 4." } });
    renderUi(<FrequencyForm awardId={AWARD} current={3} action={action} />);
    const select = screen.getByLabelText("Reports are due");
    await userEvent.selectOptions(select, "6");
    await userEvent.click(screen.getByRole("button", { name: "Change calendar" }));
    await waitFor(() => expect(calls).toEqual([{ frequencyMonths: "6", awardId: AWARD, expectedFrequencyMonths: 3 }]));
    await waitFor(() => expect(select.getAttribute("aria-invalid")).toBe("true"));
    expect(select.getAttribute("aria-describedby")).toContain(screen.getByText("A tranche waits for period 4.").id);
  });
});
