import { describe, expect, it } from "vitest";
import { buildIatiActivities, EmptyIatiExportError, escapeXml, IATI_FILE_END, iatiActivitiesText, iatiFileStart, stripIllegalXmlChars, type IatiAward, type IatiExportInput } from "./build";
import { DEMO_REPORTING_ORG_REF, reportingOrgFromEnv } from "./config";
import { addMonthsClamped } from "@/lib/dates";
import { budgetSlices, daysInclusive, decimalOfMinor, expenditureIncrements, plainDecimal } from "./figures";
import { childNames, schemaActivityOrder, xpath } from "@/test/iati-xpath";
import { validateIatiXml } from "./validate";

function award(overrides: Partial<IatiAward> = {}): IatiAward {
  return {
    reference: "AW-2026-0001",
    status: "active",
    titleEn: "Marking machines for the national police",
    titleEs: "Máquinas de marcaje para la policía nacional",
    currency: "USD",
    amountMinor: 10_000_000,
    startsOn: "2026-01-01",
    endsOn: "2027-12-31",
    committedOn: "2026-01-01",
    countryIso2: "GT",
    country: { nameEn: "Guatemala", nameEs: "Guatemala" },
    partner: { nameEn: "Organization of American States (OAS)", nameEs: "Organización de los Estados Americanos (OEA)" },
    disbursements: [{ trancheNumber: 1, disbursedOn: "2026-02-01", amountMinor: 6_000_000 }],
    acceptedReports: [{ periodNumber: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", expenditureToDateMinor: 2_500_000 }],
    indicators: [{ nameEn: "Firearms marked", nameEs: "Armas de fuego marcadas", unit: "count", baseline: "0.00", target: "5000.00", actuals: [{ periodNumber: 1, value: "1200.00" }] }],
    ...overrides,
  };
}

function input(awards: IatiAward[], overrides: Partial<IatiExportInput> = {}): IatiExportInput {
  return {
    generatedAt: new Date("2026-06-15T10:20:30.456Z"),
    reportingOrg: { ref: "XI-PORTAL-DEMO", type: "40", name: { en: "Firearms Assistance Portal (demo)", es: "Portal (demostración)" } },
    program: { nameEn: "Merida Initiative — Central America", nameEs: "Iniciativa Mérida — Centroamérica" },
    donors: [{ nameEn: "US Department of State (INL)", nameEs: "Departamento de Estado de EE. UU. (INL)" }],
    awards,
    ...overrides,
  };
}

function expectValid(xml: string) {
  const result = validateIatiXml(xml);
  expect(result.output).toMatch(/validates/);
  expect(result.valid, result.output).toBe(true);
}

// In minor units, summed exactly: each value read back from the file one by one.
function sumOf(xml: string, path: string): number {
  const count = Number(xpath(xml, `count(${path})`));
  let total = 0;
  for (let i = 1; i <= count; i += 1) total += Number(xpath(xml, `string((${path})[${i}])`).replace(".", ""));
  return total;
}

describe("validation", () => {
  it("rejects a file whose elements break the schema's order, so a passing check means something", () => {
    const xml = buildIatiActivities(input([award()]));
    expectValid(xml);
    const swapped = xml.replace(/(<activity-status[^>]*\/>)\s*(<activity-date[^>]*\/>)/, "$2$1");
    expect(swapped).not.toBe(xml);
    const result = validateIatiXml(swapped);
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/fails to validate/);
  });
});

describe("escaping", () => {
  it("escapes the five XML specials and drops characters XML 1.0 cannot carry", () => {
    expect(escapeXml(`A & B < C > D "E" 'F'`)).toBe("A &amp; B &lt; C &gt; D &quot;E&quot; &apos;F&apos;");
    expect(stripIllegalXmlChars("a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uD800g")).toBe("abcdefg");
    expect(stripIllegalXmlChars("tab\tline\nreturn\r é ñ 🔫")).toBe("tab\tline\nreturn\r é ñ 🔫");
  });

  it("writes hostile text so that a parser reads it back unchanged, minus the illegal characters", () => {
    const title = `Armas & municiones <script>alert("x")</script> 'O'Neil'\u0001\u001B`;
    const xml = buildIatiActivities(input([award({ titleEn: title, reference: "AW-<&>\"'" })], { program: { nameEn: "P & <Q>", nameEs: "P & <Q>" } }));
    expectValid(xml);
    expect(xml).not.toMatch(/[\u0001\u001B]/);
    expect(xml).not.toContain("<script>");
    expect(xpath(xml, 'string(//iati-activity/title/narrative[@xml:lang="en"])')).toBe(`Armas & municiones <script>alert("x")</script> 'O'Neil'`);
    expect(xpath(xml, "string(//iati-activity/iati-identifier)")).toBe(`XI-PORTAL-DEMO-AW-<&>"'`);
    expect(xpath(xml, 'string(//iati-activity/description/narrative[@xml:lang="en"])')).toContain("the program P & <Q>");
  });
});

describe("budget slices", () => {
  it("cut a three-year award into consecutive slices of at most a year that add up to the amount exactly", () => {
    const amount = 10_000_001; // not divisible by the days: the remainder must land on the last slice
    const slices = budgetSlices("2026-03-15", "2029-05-31", amount);
    expect(slices.length).toBeGreaterThanOrEqual(3);
    expect(slices[0].startsOn).toBe("2026-03-15");
    expect(slices.at(-1)!.endsOn).toBe("2029-05-31");
    for (const [i, s] of slices.entries()) {
      expect(addMonthsClamped(s.startsOn, 12) > s.endsOn, `${s.startsOn}..${s.endsOn}`).toBe(true);
      expect(s.endsOn >= s.startsOn).toBe(true);
      if (i > 0) expect(daysInclusive(slices[i - 1].endsOn, s.startsOn)).toBe(2);
    }
    expect(slices.map((s) => [s.startsOn, s.endsOn])).toEqual([
      ["2026-03-15", "2027-03-14"],
      ["2027-03-15", "2028-03-14"],
      ["2028-03-15", "2029-03-14"],
      ["2029-03-15", "2029-05-31"],
    ]);
    expect(slices.reduce((sum, s) => sum + s.amountMinor, 0)).toBe(amount);
    const totalDays = daysInclusive("2026-03-15", "2029-05-31");
    for (const s of slices.slice(0, -1)) expect(s.amountMinor).toBe(Math.floor((amount * daysInclusive(s.startsOn, s.endsOn)) / totalDays));
  });

  it("keep exact sums for huge amounts and handle a leap-day start and a short award", () => {
    const huge = 9_007_199_254_740_991;
    expect(budgetSlices("2026-01-01", "2031-12-31", huge).reduce((sum, s) => sum + BigInt(s.amountMinor), BigInt(0))).toBe(BigInt(huge));
    expect(budgetSlices("2028-02-29", "2030-03-10", 1000).map((s) => [s.startsOn, s.endsOn])).toEqual([
      ["2028-02-29", "2029-02-27"],
      ["2029-02-28", "2030-02-27"],
      ["2030-02-28", "2030-03-10"],
    ]);
    expect(budgetSlices("2026-04-01", "2026-06-30", 777)).toEqual([{ startsOn: "2026-04-01", endsOn: "2026-06-30", amountMinor: 777 }]);
  });

  it("appear in the file as budgets valued at their start whose values add up to the award amount", () => {
    const xml = buildIatiActivities(input([award({ startsOn: "2026-01-01", endsOn: "2028-12-31", amountMinor: 12_345_679 })]));
    expectValid(xml);
    expect(Number(xpath(xml, "count(//iati-activity/budget)"))).toBe(3);
    expect(sumOf(xml, "//iati-activity/budget/value")).toBe(12_345_679);
    expect(xpath(xml, "string(//budget[2]/period-start/@iso-date)")).toBe("2027-01-01");
    expect(xpath(xml, "string(//budget[2]/value/@value-date)")).toBe("2027-01-01");
    expect(xpath(xml, "string(//budget[3]/period-end/@iso-date)")).toBe("2028-12-31");
  });
});

describe("narratives", () => {
  it("write a Spanish-only award's title and description in Spanish only", () => {
    const xml = buildIatiActivities(input([award({ titleEn: null, titleEs: "Destrucción de arsenales" })]));
    expectValid(xml);
    expect(xpath(xml, "count(//iati-activity/title/narrative)")).toBe("1");
    expect(xpath(xml, "string(//iati-activity/title/narrative/@xml:lang)")).toBe("es");
    expect(xpath(xml, "string(//iati-activity/title/narrative)")).toBe("Destrucción de arsenales");
    expect(xpath(xml, "count(//iati-activity/description/narrative)")).toBe("1");
    expect(xpath(xml, "string(//iati-activity/description/narrative/@xml:lang)")).toBe("es");
    expect(xpath(xml, "string(//iati-activity/description/narrative)")).toContain("Iniciativa Mérida — Centroamérica");
  });

  it("write both languages when both exist, and the reference when a title is blank in both", () => {
    const both = buildIatiActivities(input([award()]));
    expect(xpath(both, 'string(//iati-activity/title/narrative[@xml:lang="en"])')).toBe("Marking machines for the national police");
    expect(xpath(both, 'string(//iati-activity/title/narrative[@xml:lang="es"])')).toBe("Máquinas de marcaje para la policía nacional");
    expect(xpath(both, "count(//iati-activity/description/narrative)")).toBe("2");
    const blank = buildIatiActivities(input([award({ titleEn: "  ", titleEs: "\u0002" })]));
    expectValid(blank);
    expect(xpath(blank, "string(//iati-activity/title/narrative)")).toBe("AW-2026-0001");
  });
});

describe("transactions", () => {
  it("without disbursements still commit the award amount and validate", () => {
    const xml = buildIatiActivities(input([award({ disbursements: [], acceptedReports: [] })]));
    expectValid(xml);
    expect(xpath(xml, "count(//transaction)")).toBe("1");
    expect(xpath(xml, "string(//transaction/transaction-type/@code)")).toBe("2");
    expect(xpath(xml, "string(//transaction/value)")).toBe("100000.00");
    expect(xpath(xml, "string(//transaction/value/@currency)")).toBe("USD");
    expect(xpath(xml, "count(//transaction[transaction-type/@code='3'])")).toBe("0");
  });

  it("list the commitment, the disbursements by date and the expenditure increments of accepted reports", () => {
    const xml = buildIatiActivities(
      input([
        award({
          committedOn: "2025-12-20",
          disbursements: [
            { trancheNumber: 2, disbursedOn: "2026-09-01", amountMinor: 4_000_000 },
            { trancheNumber: 1, disbursedOn: "2026-02-01", amountMinor: 6_000_000 },
          ],
          acceptedReports: [
            { periodNumber: 3, startsOn: "2026-07-01", endsOn: "2026-09-30", expenditureToDateMinor: 2_000_000 },
            { periodNumber: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", expenditureToDateMinor: 1_000_000 },
            { periodNumber: 2, startsOn: "2026-04-01", endsOn: "2026-06-30", expenditureToDateMinor: 1_000_000 },
            { periodNumber: 4, startsOn: "2026-10-01", endsOn: "2026-12-31", expenditureToDateMinor: null },
          ],
        }),
      ]),
    );
    expectValid(xml);
    const types = xpath(xml, "//transaction/transaction-type/@code").match(/code="(\d)"/g);
    expect(types).toEqual(['code="2"', 'code="3"', 'code="3"', 'code="4"', 'code="4"']);
    expect(xpath(xml, "string(//transaction[1]/transaction-date/@iso-date)")).toBe("2025-12-20");
    expect(xpath(xml, "string(//transaction[2]/transaction-date/@iso-date)")).toBe("2026-02-01");
    expect(xpath(xml, "string(//transaction[2]/value/@value-date)")).toBe("2026-02-01");
    expect(xpath(xml, "string(//transaction[4]/transaction-date/@iso-date)")).toBe("2026-03-31");
    expect(xpath(xml, "string(//transaction[5]/transaction-date/@iso-date)")).toBe("2026-09-30");
    expect(sumOf(xml, "//transaction[transaction-type/@code='3']/value")).toBe(10_000_000);
    expect(sumOf(xml, "//transaction[transaction-type/@code='4']/value")).toBe(2_000_000);
  });

  it("count expenditure only beyond the highest amount already reported", () => {
    const r = (periodNumber: number, expenditureToDateMinor: number | null) => ({ periodNumber, startsOn: "2026-01-01", endsOn: `2026-0${periodNumber}-28`, expenditureToDateMinor });
    expect(expenditureIncrements([r(1, 100), r(2, 80), r(3, 120), r(4, null), r(5, 120), r(6, 0)]).map((e) => [e.periodNumber, e.amountMinor])).toEqual([
      [1, 100],
      [3, 20],
    ]);
    expect(expenditureIncrements([r(1, 0), r(2, null)])).toEqual([]);
  });
});

describe("status, dates and results", () => {
  it("map active to implementation, completed to finalisation, and give an actual start only once begun", () => {
    const xml = buildIatiActivities(
      input([award({ reference: "A", status: "active", startsOn: "2026-06-16", endsOn: "2026-12-31" }), award({ reference: "B", status: "completed", startsOn: "2026-06-15" })]),
    );
    expectValid(xml);
    expect(xpath(xml, "string(//iati-activity[1]/activity-status/@code)")).toBe("2");
    expect(xpath(xml, "string(//iati-activity[2]/activity-status/@code)")).toBe("3");
    expect(xpath(xml, "count(//iati-activity[1]/activity-date[@type='2'])")).toBe("0");
    expect(xpath(xml, "string(//iati-activity[1]/activity-date[@type='1']/@iso-date)")).toBe("2026-06-16");
    expect(xpath(xml, "string(//iati-activity[1]/activity-date[@type='3']/@iso-date)")).toBe("2026-12-31");
    expect(xpath(xml, "string(//iati-activity[2]/activity-date[@type='2']/@iso-date)")).toBe("2026-06-15");
    expect(xpath(xml, "string(/iati-activities/@version)")).toBe("2.03");
    expect(xpath(xml, "string(/iati-activities/@generated-datetime)")).toBe("2026-06-15T10:20:30Z");
    expect(xpath(xml, "string(//iati-activity[1]/@default-currency)")).toBe("USD");
    expect(xpath(xml, "string(//iati-activity[1]/recipient-country/@code)")).toBe("GT");
    expect(xpath(xml, "string(//iati-activity[1]/sector/@code)")).toBe("15240");
    expect(xpath(xml, "string(//iati-activity[1]/participating-org[@role='1']/narrative[@xml:lang='en'])")).toBe("US Department of State (INL)");
    expect(xpath(xml, "string(//iati-activity[1]/participating-org[@role='4']/narrative[@xml:lang='es'])")).toBe("Organización de los Estados Americanos (OEA)");
  });

  it("report one output result per indicator with baseline and a period per accepted actual, ignoring others", () => {
    const xml = buildIatiActivities(
      input([
        award({
          acceptedReports: [
            { periodNumber: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", expenditureToDateMinor: 0 },
            { periodNumber: 2, startsOn: "2026-04-01", endsOn: "2026-06-30", expenditureToDateMinor: 0 },
          ],
          indicators: [
            {
              nameEn: "Ammunition destroyed",
              nameEs: "Munición destruida",
              unit: "tonnes",
              baseline: "1.50",
              target: "40.00",
              actuals: [
                { periodNumber: 2, value: "12.25" },
                { periodNumber: 1, value: "3.00" },
                { periodNumber: 3, value: "999.00" }, // period 3 has no accepted report
              ],
            },
            { nameEn: "Officers trained", nameEs: "Funcionarios capacitados", unit: "people", baseline: "0.00", target: "120.00", actuals: [] },
          ],
        }),
      ]),
    );
    expectValid(xml);
    expect(xpath(xml, "count(//result)")).toBe("2");
    expect(xpath(xml, "string(//result[1]/@type)")).toBe("1");
    expect(xpath(xml, "string(//result[1]/indicator/@measure)")).toBe("1");
    expect(xpath(xml, "string(//result[1]/indicator/title/narrative[@xml:lang='es'])")).toBe("Munición destruida");
    expect(xpath(xml, "string(//result[1]/indicator/description/narrative[@xml:lang='es'])")).toBe("Unidad: toneladas");
    expect(xpath(xml, "string(//result[1]/indicator/baseline/@year)")).toBe("2026");
    expect(xpath(xml, "string(//result[1]/indicator/baseline/@iso-date)")).toBe("2026-01-01");
    expect(xpath(xml, "string(//result[1]/indicator/baseline/@value)")).toBe("1.5");
    expect(xpath(xml, "count(//result[1]/indicator/period)")).toBe("2");
    expect(xpath(xml, "string(//result[1]/indicator/period[1]/period-end/@iso-date)")).toBe("2026-03-31");
    expect(xpath(xml, "string(//result[1]/indicator/period[1]/actual/@value)")).toBe("3");
    expect(xpath(xml, "string(//result[1]/indicator/period[2]/target/@value)")).toBe("40");
    expect(xpath(xml, "string(//result[1]/indicator/period[2]/actual/@value)")).toBe("12.25");
    expect(xml).not.toContain("999");
    expect(xpath(xml, "count(//result[2]/indicator/period)")).toBe("0");
    // No expenditure stated: no expenditure transaction.
    expect(xpath(xml, "count(//transaction[transaction-type/@code='4'])")).toBe("0");
  });

  it("puts every activity's children in the schema's order", () => {
    const order = schemaActivityOrder();
    expect(order.slice(0, 6)).toEqual(["iati-identifier", "reporting-org", "title", "description", "participating-org", "other-identifier"]);
    const xml = buildIatiActivities(input([award(), award({ reference: "B", disbursements: [], indicators: [] })]));
    const activities = childNames(xml, "iati-activity");
    expect(activities).toHaveLength(2);
    for (const children of activities) {
      const positions = children.map((name) => order.indexOf(name));
      expect(positions, children.join(",")).not.toContain(-1);
      expect(positions, children.join(",")).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(activities[0]).toEqual(expect.arrayContaining(["budget", "transaction", "result", "sector", "recipient-country", "activity-date"]));
    expectValid(xml);
  });

  it("refuses to build a file without activities (the schema requires one)", () => {
    expect(() => buildIatiActivities(input([]))).toThrow(EmptyIatiExportError);
  });
});

describe("money and numbers", () => {
  it("write minor units as decimals with two places and numeric columns in their shortest exact form", () => {
    expect([0, 5, 99, 100, 123456, 10_000_000].map(decimalOfMinor)).toEqual(["0.00", "0.05", "0.99", "1.00", "1234.56", "100000.00"]);
    expect(decimalOfMinor(9_007_199_254_740_991)).toBe("90071992547409.91");
    expect(() => decimalOfMinor(1.5)).toThrow(RangeError);
    expect(["150.00", "12.50", "0.00", "0.05", "007", "1200"].map(plainDecimal)).toEqual(["150", "12.5", "0", "0.05", "7", "1200"]);
  });
});

describe("reporting organisation", () => {
  it("defaults to the labelled demo identity and takes a deployment's registered one from the environment", () => {
    const demo = reportingOrgFromEnv({});
    expect(demo).toMatchObject({ ref: DEMO_REPORTING_ORG_REF, type: "40", isDemo: true });
    expect(demo.name.en).toMatch(/demo/i);
    expect(demo.name.es).toMatch(/demostración/i);
    expect(reportingOrgFromEnv({ IATI_REPORTING_ORG_REF: "XM-DAC-99999", IATI_REPORTING_ORG_NAME: "Program Office", IATI_REPORTING_ORG_TYPE: "10" })).toEqual({
      ref: "XM-DAC-99999",
      type: "10",
      name: { en: "Program Office", es: null },
      isDemo: false,
    });
    expect(() => reportingOrgFromEnv({ IATI_REPORTING_ORG_REF: "has spaces in it", IATI_REPORTING_ORG_NAME: "X" })).toThrow(/IATI_REPORTING_ORG_REF/);
    expect(() => reportingOrgFromEnv({ IATI_REPORTING_ORG_REF: "XM-DAC-1" })).toThrow(/IATI_REPORTING_ORG_NAME/);
    expect(() => reportingOrgFromEnv({ IATI_REPORTING_ORG_TYPE: "multilateral" })).toThrow(/IATI_REPORTING_ORG_TYPE/);
  });
});

describe("the file in pieces, for a stream", () => {
  it("adds up to the one-string file exactly, however the awards are split", () => {
    const awards = [
      award(),
      award({ reference: "B", titleEn: null, titleEs: "Destrucción & <otros>", disbursements: [], indicators: [] }),
      award({ reference: "C", status: "completed", startsOn: "2025-03-01", endsOn: "2028-02-29" }),
      award({ reference: "D", acceptedReports: [] }),
    ];
    const whole = buildIatiActivities(input(awards));
    const { awards: _all, ...context } = input(awards);
    for (const size of [1, 2, 3, 4]) {
      let pieces = iatiFileStart(context.generatedAt);
      for (let i = 0; i < awards.length; i += size) pieces += iatiActivitiesText(context, awards.slice(i, i + size));
      expect(pieces + IATI_FILE_END, `pieces of ${size}`).toBe(whole);
    }
    expect(iatiActivitiesText(context, [])).toBe("");
  });
});
