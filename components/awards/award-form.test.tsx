import { describe, expect, it, vi } from "vitest";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { ProgramForm } from "@/components/programs/program-form";
import { catalogs } from "@/lib/i18n/messages";
import { AwardForm, type AwardFormProgramOption } from "./award-form";
import { awardStatusBadgeClass, awardTimelineKey } from "./award-labels";

const PROGRAM: AwardFormProgramOption = {
  id: "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
  nameEn: "OAS Firearms Marking Program",
  nameEs: "Programa de Marcaje de Armas de Fuego de la OEA",
  currency: "USD",
  startsOn: "2009-01-01",
  endsOn: "2027-12-31",
  ceilingMinor: 500_000_000,
  committedMinor: 100_000_000,
  remainingMinor: 400_000_000,
  approvalThresholdMinor: 25_000_000,
  perAwardCapMinor: null,
  isDemoFigures: true,
  isProposed: true,
};

function renderAwardForm(locale: "en" | "es") {
  return renderToString(
    <I18nProvider locale={locale} messages={catalogs[locale]}>
      <AwardForm
        defaultValues={{
          requestId: "6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
          expectedVersion: 2,
          programId: PROGRAM.id,
          implementingPartnerId: "",
          amount: "180000",
          startsOn: "2026-09-01",
          endsOn: "",
          tranches: [{ amount: "100000", plannedOn: "2026-09-01" }],
          deliverables: [],
        }}
        programs={[PROGRAM]}
        partners={[{ id: "8f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f", name: "OAS" }]}
        cancelHref="/requests/x"
        action={async () => ({ ok: true, data: undefined })}
      />
    </I18nProvider>,
  );
}

describe("AwardForm", () => {
  it("renders in both languages with the program's funds and the tranches' running sum", () => {
    const en = renderAwardForm("en");
    expect(en).toContain("Create award");
    expect(en).toContain("$4,000,000.00 remaining");
    expect(en).toContain("The tranches add up to $100,000.00 of $180,000.00.");
    expect(en).toContain("$80,000.00 still to allocate.");
    const es = renderAwardForm("es");
    expect(es).toContain("Crear subvención");
    expect(es).toContain("Tramo 1");
  });
});

describe("ProgramForm", () => {
  it("renders the create form with the rubric rows and the region groups", () => {
    const html = renderToString(
      <I18nProvider locale="es" messages={catalogs.es}>
        <ProgramForm
          mode="create"
          action={vi.fn()}
          cancelHref="/programs"
          defaultValues={{
            key: "",
            nameEn: "",
            nameEs: "",
            currency: "USD",
            ceiling: "",
            perAwardCap: "",
            approvalThreshold: "",
            startsOn: "",
            endsOn: "",
            donorIds: [],
            countryIsos: ["GT"],
            categories: [],
            rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "60" }],
          }}
          donors={[{ id: "9f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f", name: "INL" }]}
          countries={[{ iso2: "GT", name: "Guatemala", region: "central_america" }]}
        />
      </I18nProvider>,
    );
    expect(html).toContain("Crear programa");
    expect(html).toContain("Centroamérica");
    expect(html).toContain("Los pesos suman 60.");
  });
});

describe("award labels", () => {
  it("labels award and program audit actions and leaves others", () => {
    expect(awardTimelineKey("award.create")).toBe("awards.timeline.create");
    expect(awardTimelineKey("program.update")).toBe("programs.timeline.update");
    expect(awardTimelineKey("request.submit")).toBeNull();
    expect(awardTimelineKey("constructor")).toBeNull();
    expect(awardStatusBadgeClass("active")).toContain("badge-success");
  });
});
