// Pure data for the PDF tests and previews: program and award overviews shaped like the dashboard
// queries' output, with Spanish accents and long names so that wrapping and glyph coverage are exercised.
import type {
  AcceptedReportSummary,
  AwardOverview,
  AwardSummary,
  CountrySummary,
  DeliverableCounts,
  IndicatorTotal,
  ProgramOverview,
  ReportCounts,
} from "@/lib/dashboards/types";

const PROGRAM_ID = "11111111-1111-4111-8111-111111111111";

export const FIXTURE_PROGRAM: ProgramOverview["program"] = {
  id: PROGRAM_ID,
  key: "merida-ca",
  nameEn: "Mérida Initiative / Central America Regional Security Initiative (CARSI): firearms marking, record-keeping and stockpile management",
  nameEs: "Iniciativa Mérida / Iniciativa Regional de Seguridad para América Central (CARSI): marcaje, registro y gestión de arsenales",
  currency: "USD",
  ceilingMinor: 2_500_000_000,
  startsOn: "2025-01-01",
  endsOn: "2028-12-31",
  isDemoFigures: true,
  donors: [
    {
      id: "22222222-2222-4222-8222-222222222222",
      nameEn: "U.S. Department of State, Bureau of International Narcotics and Law Enforcement Affairs (INL)",
      nameEs: "Departamento de Estado de los EE. UU., Oficina de Asuntos Internacionales de Narcóticos y Aplicación de la Ley (INL)",
    },
  ],
};

const COUNTRIES = {
  GT: { nameEn: "Guatemala", nameEs: "Guatemala" },
  PA: { nameEn: "Panama", nameEs: "Panamá" },
  DO: { nameEn: "Dominican Republic", nameEs: "República Dominicana" },
  HN: { nameEn: "Honduras", nameEs: "Honduras" },
  SV: { nameEn: "El Salvador", nameEs: "El Salvador" },
  BZ: { nameEn: "Belize", nameEs: "Belice" },
  CR: { nameEn: "Costa Rica", nameEs: "Costa Rica" },
  JM: { nameEn: "Jamaica", nameEs: "Jamaica" },
  TT: { nameEn: "Trinidad and Tobago", nameEs: "Trinidad y Tobago" },
  MS: { nameEn: "Montserrat", nameEs: "Montserrat" },
  KN: { nameEn: "Saint Kitts and Nevis", nameEs: "San Cristóbal y Nieves" },
} as const;
export type FixtureCountry = keyof typeof COUNTRIES;

const PARTNERS = [
  { id: "33333333-3333-4333-8333-333333333331", nameEn: "Organization of American States (OAS), Department of Public Security", nameEs: "Organización de los Estados Americanos (OEA), Departamento de Seguridad Pública" },
  { id: "33333333-3333-4333-8333-333333333332", nameEn: "UNLIREC", nameEs: "UNLIREC (Centro Regional de las Naciones Unidas para la Paz, el Desarme y el Desarrollo)" },
];

/** Figures printed by the tests: chosen so that thousands separators and decimals show. */
export const FIXTURE_INDICATORS: IndicatorTotal[] = [
  { key: "firearms_marked", unit: "count", nameEn: "Firearms marked", nameEs: "Armas de fuego marcadas", baseline: "1200.00", target: "25000.00", actual: "13456.00", awards: 3 },
  { key: "ammunition_destroyed_tonnes", unit: "tonnes", nameEn: "Tonnes of ammunition destroyed", nameEs: "Toneladas de munición destruidas", baseline: "0.00", target: "87.50", actual: "42.25", awards: 1 },
  { key: "officers_trained", unit: "people", nameEn: "Officers trained in marking and record-keeping", nameEs: "Funcionarios capacitados en marcaje y registro", baseline: "0.00", target: "0.00", actual: "15.00", awards: 2 },
];

const NARRATIVE_EN =
  "During the period the national police armoury in Quetzaltenango received two laser marking machines. Technicians from the Dirección General de Control de Armas y Municiones (DIGECAM) were trained to operate them, and 4,210 firearms held in state stocks were marked and recorded in the national registry. ".repeat(
    3,
  );
const NARRATIVE_ES =
  "Durante el período, el arsenal de la policía nacional en Quetzaltenango recibió dos máquinas de marcaje láser. Los técnicos de la Dirección General de Control de Armas y Municiones (DIGECAM) aprendieron a operarlas, y se marcaron y registraron en el registro nacional 4.210 armas de fuego de las existencias del Estado. ".repeat(
    3,
  );

function counts(total: number, accepted: number, late: number): DeliverableCounts {
  return { total, accepted, onTime: total - late, late };
}

function awardOf(n: number, country: FixtureCountry, options: Partial<AwardSummary> = {}): AwardSummary {
  const amountMinor = 15_000_000 + n * 123_457;
  return {
    id: `44444444-4444-4444-8444-${String(n).padStart(12, "0")}`,
    reference: `AW-2026-${String(n).padStart(4, "0")}`,
    titleEn: `Marking machines, training and record-keeping support for the national firearms registry (${COUNTRIES[country].nameEn})`,
    titleEs: `Máquinas de marcaje, capacitación y apoyo al registro nacional de armas de fuego (${COUNTRIES[country].nameEs})`,
    status: n % 5 === 0 ? "completed" : "active",
    countryIso2: country,
    country: COUNTRIES[country],
    partner: PARTNERS[n % 2],
    amountMinor,
    committedMinor: amountMinor,
    disbursedMinor: Math.round(amountMinor * 0.6),
    reportedExpenditureMinor: Math.round(amountMinor * 0.45),
    startsOn: "2026-01-01",
    endsOn: "2027-12-31",
    deliverables: counts(4, 2, n % 3 === 0 ? 1 : 0),
    reportCounts: { accepted: 2, overdue: n % 2 },
    ...options,
  };
}

function reportOf(award: AwardSummary, period: number, options: Partial<AcceptedReportSummary> = {}): AcceptedReportSummary {
  return {
    reportId: `55555555-5555-4555-8555-${String(period).padStart(6, "0")}${award.reference.slice(-6).replace(/\D/g, "0")}`,
    awardId: award.id,
    awardReference: award.reference,
    countryIso2: award.countryIso2,
    country: award.country,
    periodNumber: period,
    periodStartsOn: period === 1 ? "2026-01-01" : "2026-04-01",
    periodEndsOn: period === 1 ? "2026-03-31" : "2026-06-30",
    isFinal: false,
    acceptedAt: period === 1 ? "2026-05-04T15:20:00.000Z" : "2026-08-02T10:00:00.000Z",
    narrativeEn: NARRATIVE_EN,
    narrativeEs: NARRATIVE_ES,
    ...options,
  };
}

function sumMoney(list: AwardSummary[]) {
  return {
    committedMinor: list.reduce((s, a) => s + a.committedMinor, 0),
    disbursedMinor: list.reduce((s, a) => s + a.disbursedMinor, 0),
    reportedExpenditureMinor: list.reduce((s, a) => s + a.reportedExpenditureMinor, 0),
  };
}

function sumReports(list: ReportCounts[]): ReportCounts {
  return list.reduce((s, c) => ({ accepted: s.accepted + c.accepted, overdue: s.overdue + c.overdue }), { accepted: 0, overdue: 0 });
}

function sumCounts(list: DeliverableCounts[]): DeliverableCounts {
  return list.reduce((s, c) => ({ total: s.total + c.total, accepted: s.accepted + c.accepted, onTime: s.onTime + c.onTime, late: s.late + c.late }), counts(0, 0, 0));
}

/** A program overview built from awards, with country rows and totals consistent with them. */
export function programOverviewOf(awards: AwardSummary[], latestReports: AcceptedReportSummary[], indicators = FIXTURE_INDICATORS): ProgramOverview {
  const byCountry = new Map<string, AwardSummary[]>();
  for (const a of awards) byCountry.set(a.countryIso2, [...(byCountry.get(a.countryIso2) ?? []), a]);
  const countries: CountrySummary[] = [...byCountry.entries()].map(([iso2, list]) => ({
    iso2,
    ...list[0].country,
    awards: list.length,
    ...sumMoney(list),
    deliverables: sumCounts(list.map((a) => a.deliverables)),
    reportCounts: sumReports(list.map((a) => a.reportCounts)),
  }));
  const money = sumMoney(awards);
  return {
    program: FIXTURE_PROGRAM,
    money: { ...money, ceilingMinor: FIXTURE_PROGRAM.ceilingMinor, remainingMinor: FIXTURE_PROGRAM.ceilingMinor - money.committedMinor },
    countries,
    indicators,
    deliverables: sumCounts(awards.map((a) => a.deliverables)),
    reportCounts: sumReports(awards.map((a) => a.reportCounts)),
    latestReports,
    awards,
    asOf: "2026-09-15",
  };
}

/** Three countries (one with accents in Spanish, one without any accepted report). */
export function programOverviewFixture(): ProgramOverview {
  const awards = [awardOf(1, "GT"), awardOf(2, "PA"), awardOf(3, "DO", { deliverables: counts(4, 1, 2) })];
  const reports = [
    reportOf(awards[0], 2),
    reportOf(awards[1], 1, { narrativeEn: null, narrativeEs: "Sólo hay narrativa en español: se destruyeron 12,5 toneladas de munición." }),
  ];
  return programOverviewOf(awards, reports);
}

/** A program of many awards spread over the countries, for page-breaking tests and profiling. */
export function largeProgramOverviewFixture(awardCount = 100): ProgramOverview {
  const isos = Object.keys(COUNTRIES) as FixtureCountry[];
  const awards = Array.from({ length: awardCount }, (_, i) => awardOf(i + 1, isos[i % isos.length]));
  const reports = awards.slice(0, 10).map((a) => reportOf(a, 2));
  return programOverviewOf(awards, reports);
}

/** A program nobody has been awarded under yet. */
export function emptyProgramOverviewFixture(): ProgramOverview {
  return { ...programOverviewOf([], [], []), program: { ...FIXTURE_PROGRAM, isDemoFigures: false } };
}

/** One award with every section filled: indicators, tranches, deliverables (one late), equipment, reports. */
export function awardOverviewFixture(): AwardOverview {
  const award = awardOf(7, "PA", { deliverables: counts(3, 1, 1) });
  return {
    program: FIXTURE_PROGRAM,
    award,
    money: { committedMinor: award.committedMinor, disbursedMinor: award.disbursedMinor, reportedExpenditureMinor: award.reportedExpenditureMinor },
    indicators: [
      { key: "firearms_marked", unit: "count", nameEn: "Firearms marked", nameEs: "Armas de fuego marcadas", baseline: "150.00", target: "5000.00", actual: "3210.50" },
      { key: "weapons_destroyed", unit: "count", nameEn: "Weapons destroyed", nameEs: "Armas destruidas", baseline: "0.00", target: "0.00", actual: "0.00" },
    ],
    deliverables: [
      { id: "66666666-6666-4666-8666-000000000001", title: "Adquisición e instalación de dos máquinas de marcaje láser en el arsenal de Ciudad de Panamá", dueOn: "2026-03-31", status: "accepted", isLate: false },
      { id: "66666666-6666-4666-8666-000000000002", title: "Capacitación de técnicos del Ministerio de Seguridad Pública", dueOn: "2026-06-30", status: "submitted", isLate: true },
      { id: "66666666-6666-4666-8666-000000000003", title: "Final destruction ceremony and verification report", dueOn: "2027-11-30", status: "pending", isLate: false },
    ],
    equipment: [
      { kind: "Laser marking machine", model: "Gravograph LS100 — 30 W", quantity: 2, handoverOn: "2026-03-15", custodianAgency: "Ministerio de Seguridad Pública, Dirección de Armamento", condition: "good", lastCheck: { checkedOn: "2026-08-20", result: "in_use_as_intended" } },
      { kind: "Armoury racks", model: null, quantity: 40, handoverOn: null, custodianAgency: "Policía Nacional de Panamá", condition: "new", lastCheck: null },
    ],
    tranches: [
      { trancheNumber: 1, plannedAmountMinor: Math.round(award.amountMinor * 0.6), plannedOn: "2026-02-01", disbursedMinor: award.disbursedMinor, disbursedOn: "2026-02-10" },
      { trancheNumber: 2, plannedAmountMinor: award.amountMinor - Math.round(award.amountMinor * 0.6), plannedOn: "2026-09-01", disbursedMinor: null, disbursedOn: null },
    ],
    reports: [reportOf(award, 1), reportOf(award, 2, { narrativeEn: "Second quarter: the racks were ordered.\n\nTraining of 15 técnicos took place in Colón.", narrativeEs: null })],
    asOf: "2026-09-15",
  };
}
