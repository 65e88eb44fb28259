// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import type { AwardOverview } from "@/lib/dashboards/types";
import { createTranslator } from "@/lib/i18n/translate";
import { renderUi, tEn } from "@/test/render-ui";
import { AwardHeader, AwardMoney } from "./award-header";
import { AwardDeliverables, AwardEquipmentTable, AwardIndicators, AwardReports, AwardTranches } from "./award-tables";

afterEach(cleanup);

const overview: AwardOverview = {
  program: { id: "p1", key: "oas", nameEn: "OAS Marking", nameEs: "Marcaje OEA", currency: "USD", ceilingMinor: 1, startsOn: "2026-01-01", endsOn: "2027-12-31", isDemoFigures: true, donors: [] },
  award: {
    id: "a1",
    reference: "AW-2026-0001",
    titleEn: "Marking in Guatemala",
    titleEs: null,
    status: "active",
    countryIso2: "GT",
    country: { nameEn: "Guatemala", nameEs: "Guatemala" },
    partner: { id: "o", nameEn: "Organization of American States", nameEs: "Organización de los Estados Americanos" },
    amountMinor: 10_000_000,
    startsOn: "2026-01-01",
    endsOn: "2027-12-31",
    deliverables: { total: 1, accepted: 0, onTime: 0, late: 1 },
    reportCounts: { accepted: 1, overdue: 2 },
    committedMinor: 10_000_000,
    disbursedMinor: 4_000_000,
    reportedExpenditureMinor: 1_500_000,
  },
  money: { committedMinor: 10_000_000, disbursedMinor: 4_000_000, reportedExpenditureMinor: 1_500_000 },
  indicators: [{ key: "firearms_marked", unit: "count", nameEn: "Firearms marked", nameEs: "Armas marcadas", baseline: "0.00", target: "1000.00", actual: "250.00" }],
  deliverables: [{ id: "d1", title: "Machines installed", dueOn: "2026-03-31", status: "submitted", isLate: true }],
  equipment: [{ kind: "Marking machine", model: null, quantity: 2, handoverOn: null, custodianAgency: "DIGECAM", condition: "good", lastCheck: { checkedOn: "2026-05-02", result: "in_use_as_intended" } }],
  tranches: [
    { trancheNumber: 1, plannedAmountMinor: 4_000_000, plannedOn: "2026-01-15", disbursedMinor: 4_000_000, disbursedOn: "2026-01-20" },
    { trancheNumber: 2, plannedAmountMinor: 6_000_000, plannedOn: "2026-07-15", disbursedMinor: null, disbursedOn: null },
  ],
  reports: [
    {
      reportId: "r1",
      awardId: "a1",
      awardReference: "AW-2026-0001",
      countryIso2: "GT",
      country: { nameEn: "Guatemala", nameEs: "Guatemala" },
      periodNumber: 1,
      periodStartsOn: "2026-01-01",
      periodEndsOn: "2026-03-31",
      isFinal: false,
      acceptedAt: "2026-04-10T12:00:00.000Z",
      narrativeEn: "Two machines installed.\nTraining started.",
      narrativeEs: null,
    },
  ],
  asOf: "2026-06-01",
};

function renderAll(o: AwardOverview, locale: "en" | "es" = "en") {
  const i18n = { t: createTranslator(locale), locale };
  return renderUi(
    <>
      <AwardHeader overview={o} {...i18n} />
      <AwardMoney money={o.money} currency="USD" {...i18n} />
      <AwardIndicators indicators={o.indicators} {...i18n} />
      <AwardDeliverables deliverables={o.deliverables} {...i18n} />
      <AwardEquipmentTable equipment={o.equipment} {...i18n} />
      <AwardTranches tranches={o.tranches} currency="USD" {...i18n} />
      <AwardReports reports={o.reports} counts={o.award.reportCounts} {...i18n} />
    </>,
    locale,
  );
}

/** Each row's cells as text, header row first. */
function cells(testId: string): string[][] {
  return within(screen.getByTestId(testId))
    .getAllByRole("row")
    .map((row) => Array.from(row.children).map((cell) => cell.textContent ?? ""));
}

describe("award dashboard sections", () => {
  it("shows each table's columns and the donor-safe values, row by row", () => {
    renderAll(overview);
    expect(screen.getByTestId("award-reference").textContent).toBe("AW-2026-0001");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Marking in Guatemala");
    expect(cells("award-indicators-table")).toEqual([
      (["indicator", "unit", "baseline", "target", "actual", "percent"] as const).map((c) => tEn(`dashboards.indicators.columns.${c}`)),
      ["Firearms marked", "count", "0", "1,000", "250", "25%"],
    ]);
    expect(cells("award-deliverables-table")[1]).toEqual(["Machines installed", "March 31, 2026", "Submitted", tEn("dashboards.deliverables.late")]);
    expect(cells("award-equipment-table")[1]).toEqual(["Marking machine", "—", "2", "Not yet handed over", "DIGECAM", "Good", "May 2, 2026: In use as intended"]);
    expect(cells("award-tranches-table").slice(1)).toEqual([
      ["Tranche 1", "$40,000.00", "January 15, 2026", "$40,000.00", "January 20, 2026"],
      ["Tranche 2", "$60,000.00", "July 15, 2026", "Not yet", "—"],
    ]);
    const report = cells("award-reports-table")[1];
    expect(report[0]).toContain("Period 1");
    expect(report[2]).toBe("Two machines installed.\nTraining started.");
    expect(screen.getByRole("rowheader", { name: "Tranche 2" })).toBeTruthy();
    expect(screen.getByRole("table", { name: tEn("dashboards.award.tranchesCaption") })).toBeTruthy();
    expect(screen.getByTestId("reports-overdue").textContent).toContain("2");
  });

  it("says so where there is nothing yet, each section in its own words", () => {
    renderAll({ ...overview, indicators: [], deliverables: [], equipment: [], tranches: [], reports: [] }, "es");
    for (const [testId, key] of [
      ["award-indicators-table", "dashboards.indicators.none"],
      ["award-deliverables-table", "dashboards.deliverables.none"],
      ["award-equipment-table", "dashboards.award.equipmentNone"],
      ["award-tranches-table", "dashboards.award.tranchesNone"],
      ["award-reports-table", "dashboards.reports.none"],
    ] as const) {
      expect(screen.getByTestId(testId).textContent).toBe(createTranslator("es")(key));
      expect(within(screen.getByTestId(testId)).queryByRole("table")).toBeNull();
    }
  });
});
