import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { addDays, todayIso } from "../../lib/dates";
import { calendarRows } from "../../lib/reporting/calendar";
import {
  auditEvents,
  awardDeliverables,
  awardIndicators,
  awards,
  awardTranches,
  disbursements,
  equipmentChecks,
  equipmentItems,
  indicators,
  organizations,
  programs,
  progressReports,
  reportActuals,
  reportingPeriods,
  users,
} from "../schema";

// Awards in progress for the demo dashboards, reports and exports: each program funded by a demo donor
// gets at least one award with accepted reports, and between them they show a returned report, a
// submitted one awaiting review, an overdue period, late deliverables, disbursed and waiting tranches and
// equipment with end-use checks. Dates are relative to the day the demo is seeded, so "overdue" stays
// true whenever someone runs it. The figures are illustrative (the demo banner says so).

type ReportSpec = {
  status: "accepted" | "returned" | "submitted";
  /** Accepted actuals of this period, by indicator key. */
  actuals: Record<string, string>;
  expenditureUsd: number;
  narrativeEn: string;
  narrativeEs: string;
  by: string; // email of the submitter
  reviewComment?: string;
};

interface DemoAward {
  titleEn: string;
  titleEs: string;
  program: string;
  partner: string;
  country: string;
  amountUsd: number;
  startedDaysAgo: number;
  indicators: { key: string; baseline: string; target: string }[];
  reports: ReportSpec[]; // periods 1..n in order
  tranches: { usd: number; condition?: { period: number } | { deliverable: number }; disburse?: boolean }[];
  deliverables: { title: string; dueInDays: number; status: "pending" | "submitted" | "accepted" | "returned" }[];
  equipment?: { kind: string; model: string; quantity: number; custodianAgency: string; handoverDaysAgo: number; check?: "in_use_as_intended" | "unserviceable" }[];
}

const DEMO_AWARDS: DemoAward[] = [
  {
    titleEn: "Destruction of surplus firearms and ammunition",
    titleEs: "Destrucción de armas de fuego y municiones excedentes",
    program: "merida-ca",
    partner: "unlirec",
    country: "GT",
    amountUsd: 240_000,
    startedDaysAgo: 400,
    indicators: [
      { key: "weapons_destroyed", baseline: "0", target: "6000" },
      { key: "ammunition_destroyed", baseline: "0", target: "15" },
      { key: "officers_trained", baseline: "0", target: "45" },
    ],
    reports: [
      {
        status: "accepted",
        actuals: { weapons_destroyed: "1200", ammunition_destroyed: "2.5", officers_trained: "20" },
        expenditureUsd: 48_000,
        narrativeEn: "Inventory of the DIGECAM surplus completed; first destruction event of 1,200 firearms with international observers.",
        narrativeEs: "Se completó el inventario de excedentes de la DIGECAM; primer evento de destrucción de 1.200 armas con observadores internacionales.",
        by: "focal.gt@example.org",
      },
      {
        status: "accepted",
        actuals: { weapons_destroyed: "1500", ammunition_destroyed: "4", officers_trained: "15" },
        expenditureUsd: 101_500,
        narrativeEn: "Second destruction event; 4 tonnes of unstable ammunition destroyed at the army range.",
        narrativeEs: "Segundo evento de destrucción; se destruyeron 4 toneladas de munición inestable en el polígono del ejército.",
        by: "focal.gt@example.org",
      },
      {
        status: "accepted",
        actuals: { weapons_destroyed: "900", ammunition_destroyed: "3", officers_trained: "5" },
        expenditureUsd: 142_000,
        narrativeEn: "Destruction slowed by the rainy season; storage sites re-inspected.",
        narrativeEs: "La destrucción se retrasó por la temporada de lluvias; se volvieron a inspeccionar los depósitos.",
        by: "focal.gt@example.org",
      },
      {
        status: "returned",
        actuals: { weapons_destroyed: "1100", ammunition_destroyed: "2", officers_trained: "0" },
        expenditureUsd: 190_000,
        narrativeEn: "Third batch destroyed.",
        narrativeEs: "Tercer lote destruido.",
        by: "focal.gt@example.org",
        reviewComment: "Please attach the destruction certificate of the third batch and explain the expenditure increase.",
      },
    ],
    tranches: [{ usd: 96_000, disburse: true }, { usd: 96_000, condition: { period: 2 }, disburse: true }, { usd: 48_000, condition: { period: 4 } }],
    deliverables: [
      { title: "Surplus inventory and destruction plan", dueInDays: -360, status: "accepted" },
      { title: "Destruction certificate, first batch", dueInDays: -280, status: "accepted" },
      { title: "Destruction certificate, third batch", dueInDays: -20, status: "returned" },
      { title: "Final destruction event and closing report", dueInDays: 300, status: "pending" },
    ],
    equipment: [{ kind: "Hydraulic cutting shears", model: "HC-40", quantity: 2, custodianAgency: "DIGECAM", handoverDaysAgo: 380, check: "in_use_as_intended" }],
  },
  {
    titleEn: "Firearm marking and eTrace onboarding for the JCF",
    titleEs: "Marcaje de armas de fuego e incorporación a eTrace de la JCF",
    program: "cbsi",
    partner: "oas",
    country: "JM",
    amountUsd: 180_000,
    startedDaysAgo: 320,
    indicators: [
      { key: "firearms_marked", baseline: "0", target: "8000" },
      { key: "marking_machines_delivered", baseline: "0", target: "2" },
      { key: "etrace_accounts_active", baseline: "3", target: "25" },
    ],
    reports: [
      {
        status: "accepted",
        actuals: { firearms_marked: "0", marking_machines_delivered: "2", etrace_accounts_active: "6" },
        expenditureUsd: 70_000,
        narrativeEn: "Two dot-peen marking machines delivered to the JCF armoury and installed; operators trained.",
        narrativeEs: "Se entregaron e instalaron dos máquinas de marcaje por micropercusión en la armería de la JCF; operadores capacitados.",
        by: "partner.oas@example.org",
      },
      {
        status: "accepted",
        actuals: { firearms_marked: "2100", etrace_accounts_active: "9" },
        expenditureUsd: 96_000,
        narrativeEn: "Marking of the JCF's service weapons under way; nine more eTrace accounts opened.",
        narrativeEs: "Avanza el marcaje de las armas de servicio de la JCF; se abrieron nueve cuentas más de eTrace.",
        by: "focal.jm@example.org",
      },
    ],
    tranches: [{ usd: 90_000, disburse: true }, { usd: 90_000, condition: { deliverable: 1 } }],
    deliverables: [
      { title: "Marking machines installed at the JCF armoury", dueInDays: -250, status: "accepted" },
      { title: "Marking of service weapons, first half", dueInDays: 40, status: "pending" },
    ],
    equipment: [
      { kind: "Dot-peen marking machine", model: "MK-300", quantity: 2, custodianAgency: "Jamaica Constabulary Force", handoverDaysAgo: 260, check: "in_use_as_intended" },
    ],
  },
  {
    titleEn: "Armoury upgrades for the Trinidad and Tobago Police Service",
    titleEs: "Mejora de armerías del Servicio de Policía de Trinidad y Tobago",
    program: "unlirec-caribbean-stockpile",
    partner: "unlirec",
    country: "TT",
    amountUsd: 150_000,
    startedDaysAgo: 250,
    indicators: [
      { key: "armouries_upgraded", baseline: "0", target: "3" },
      { key: "stockpile_sites_assessed", baseline: "0", target: "4" },
      { key: "officers_trained", baseline: "0", target: "30" },
    ],
    reports: [
      {
        status: "accepted",
        actuals: { stockpile_sites_assessed: "4", officers_trained: "12" },
        expenditureUsd: 35_000,
        narrativeEn: "All four sites assessed against the international stockpile guidelines; priorities agreed.",
        narrativeEs: "Se evaluaron los cuatro sitios según las directrices internacionales sobre arsenales; se acordaron prioridades.",
        by: "focal.tt@example.org",
      },
      {
        status: "submitted",
        actuals: { armouries_upgraded: "1", officers_trained: "10" },
        expenditureUsd: 80_000,
        narrativeEn: "First armoury upgraded (doors, racks, alarm); second under works.",
        narrativeEs: "Primera armería mejorada (puertas, estantes, alarma); la segunda en obras.",
        by: "focal.tt@example.org",
      },
    ],
    tranches: [{ usd: 75_000, disburse: true }, { usd: 75_000, condition: { period: 2 } }],
    deliverables: [
      { title: "Site assessment report", dueInDays: -160, status: "accepted" },
      { title: "First armoury upgraded", dueInDays: -30, status: "submitted" },
      { title: "Three armouries upgraded and certified", dueInDays: 200, status: "pending" },
    ],
  },
  {
    titleEn: "Marking machine for the Royal Barbados Police Force",
    titleEs: "Máquina de marcaje para la Real Fuerza de Policía de Barbados",
    program: "oas-marking",
    partner: "oas",
    country: "BB",
    amountUsd: 90_000,
    startedDaysAgo: 200,
    indicators: [
      { key: "firearms_marked", baseline: "0", target: "3000" },
      { key: "marking_machines_delivered", baseline: "0", target: "1" },
    ],
    reports: [
      {
        status: "accepted",
        actuals: { firearms_marked: "450", marking_machines_delivered: "1" },
        expenditureUsd: 52_000,
        narrativeEn: "Laser marking machine delivered and commissioned; 450 firearms marked at import.",
        narrativeEs: "Máquina de marcaje láser entregada y puesta en servicio; 450 armas marcadas al importarse.",
        by: "partner.oas@example.org",
      },
    ],
    tranches: [{ usd: 45_000, disburse: true }, { usd: 45_000, condition: { period: 3 } }],
    deliverables: [
      { title: "Laser marking machine commissioned", dueInDays: -120, status: "accepted" },
      { title: "Marking backlog cleared", dueInDays: 150, status: "pending" },
    ],
    equipment: [{ kind: "Laser marking machine", model: "LM-20", quantity: 1, custodianAgency: "Royal Barbados Police Force", handoverDaysAgo: 150 }],
  },
];

const dayIso = (offsetDays: number) => addDays(todayIso(), offsetDays);
const atNoon = (iso: string) => new Date(`${iso}T12:00:00Z`);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Seeds the demo awards above once (an award with the same English title is left as it is). */
export async function seedDemoDelivery(db: Db): Promise<void> {
  // Looked up before any transaction: with PGlite a query outside the open transaction would wait for it.
  const userRows = await db.select({ id: users.id, email: users.email }).from(users);
  const userId = (email: string) => {
    const row = userRows.find((u) => u.email === email);
    if (!row) throw new Error(`Seed the demo users first (${email})`);
    return row.id;
  };
  const officer = userId("officer@example.org");
  const programRows = await db.select({ id: programs.id, key: programs.key }).from(programs);
  const orgRows = await db.select({ id: organizations.id, key: organizations.key }).from(organizations);
  const indicatorRows = await db.select({ id: indicators.id, key: indicators.key }).from(indicators);
  const idOf = (rows: { id: string; key: string }[], key: string) => {
    const row = rows.find((r) => r.key === key);
    if (!row) throw new Error(`Seed reference data first (${key})`);
    return row.id;
  };
  const existing = await db.select({ titleEn: awards.titleEn }).from(awards).where(inArray(awards.titleEn, DEMO_AWARDS.map((a) => a.titleEn)));
  const seeded = new Set(existing.map((e) => e.titleEn));
  const today = dayIso(0);

  for (const spec of DEMO_AWARDS) {
    if (seeded.has(spec.titleEn)) continue;
    await db.transaction(async (tx) => {
      const startsOn = dayIso(-spec.startedDaysAgo);
      const endsOn = "2027-12-31";
      const amountMinor = spec.amountUsd * 100;
      const [created] = await tx
        .insert(awards)
        .values({
          reference: await nextReference(tx),
          programId: idOf(programRows, spec.program),
          implementingPartnerId: idOf(orgRows, spec.partner),
          countryIso2: spec.country,
          titleEn: spec.titleEn,
          titleEs: spec.titleEs,
          amountMinor,
          currency: "USD",
          startsOn,
          endsOn,
          status: "active",
          createdById: officer,
          createdAt: atNoon(startsOn),
        })
        .returning({ id: awards.id, reference: awards.reference });
      await tx.insert(auditEvents).values({
        actorUserId: officer,
        action: "award.create",
        entityType: "award",
        entityId: created.id,
        occurredAt: atNoon(startsOn),
        details: { reference: created.reference, seeded: true },
      });

      const tracked = await tx
        .insert(awardIndicators)
        .values(spec.indicators.map((i) => ({ awardId: created.id, indicatorId: idOf(indicatorRows, i.key), baseline: i.baseline, target: i.target })))
        .returning({ id: awardIndicators.id, indicatorId: awardIndicators.indicatorId });
      const trackedId = (key: string) => tracked.find((t) => t.indicatorId === idOf(indicatorRows, key))!.id;

      const deliverables = await tx
        .insert(awardDeliverables)
        .values(spec.deliverables.map((d) => ({ awardId: created.id, title: d.title, dueOn: dayIso(d.dueInDays), status: d.status })))
        .returning({ id: awardDeliverables.id });

      const periods = await tx
        .insert(reportingPeriods)
        .values(calendarRows(created.id, { startsOn, endsOn, frequencyMonths: 3 }))
        .returning({ id: reportingPeriods.id, number: reportingPeriods.number, endsOn: reportingPeriods.endsOn, dueOn: reportingPeriods.dueOn });
      const acceptedPeriods = new Set<number>();
      for (const [index, report] of spec.reports.entries()) {
        const period = periods.find((p) => p.number === index + 1)!;
        // Submitted a week before the due date (never in the future); reviewed a few days later.
        const submittedOn = minDate(addDays(period.dueOn, -7), today);
        const reviewedOn = minDate(addDays(submittedOn, 4), today);
        const [row] = await tx
          .insert(progressReports)
          .values({
            awardId: created.id,
            periodId: period.id,
            status: report.status,
            version: report.status === "submitted" ? 2 : 3,
            narrativeEn: report.narrativeEn,
            narrativeEs: report.narrativeEs,
            expenditureToDateMinor: report.expenditureUsd * 100,
            createdById: userId(report.by),
            submittedById: userId(report.by),
            submittedAt: atNoon(submittedOn),
            reviewedById: report.status === "submitted" ? null : officer,
            reviewedAt: report.status === "submitted" ? null : atNoon(reviewedOn),
            reviewComment: report.reviewComment ?? null,
            createdAt: atNoon(addDays(submittedOn, -3)),
            updatedAt: atNoon(report.status === "submitted" ? submittedOn : reviewedOn),
          })
          .returning({ id: progressReports.id });
        const actuals = Object.entries(report.actuals);
        if (actuals.length > 0) {
          await tx.insert(reportActuals).values(actuals.map(([key, value]) => ({ reportId: row.id, awardIndicatorId: trackedId(key), value })));
        }
        if (report.status === "accepted") acceptedPeriods.add(period.number);
      }

      for (const [index, tranche] of spec.tranches.entries()) {
        const plannedOn = index === 0 ? startsOn : minDate(dayIso(-spec.startedDaysAgo + 120 * index), "2027-12-31");
        const condition = tranche.condition;
        const [row] = await tx
          .insert(awardTranches)
          .values({
            awardId: created.id,
            position: index + 1,
            plannedAmountMinor: tranche.usd * 100,
            plannedOn,
            conditionPeriodNumber: condition && "period" in condition ? condition.period : null,
            conditionDeliverableId: condition && "deliverable" in condition ? deliverables[condition.deliverable - 1].id : null,
          })
          .returning({ id: awardTranches.id });
        if (!tranche.disburse) continue;
        if (condition && "period" in condition && !acceptedPeriods.has(condition.period)) throw new Error(`demo tranche ${index + 1} of ${spec.titleEn} waits for an unaccepted report`);
        const disbursedOn = minDate(addDays(plannedOn, 10), today);
        await tx.insert(disbursements).values({ trancheId: row.id, amountMinor: tranche.usd * 100, disbursedOn, recordedById: officer });
        await tx.update(awardTranches).set({ releasedAmountMinor: tranche.usd * 100, releasedOn: disbursedOn }).where(eq(awardTranches.id, row.id));
      }

      for (const item of spec.equipment ?? []) {
        const [row] = await tx
          .insert(equipmentItems)
          .values({
            awardId: created.id,
            kind: item.kind,
            model: item.model,
            quantity: item.quantity,
            handoverOn: dayIso(-item.handoverDaysAgo),
            custodianAgency: item.custodianAgency,
            condition: item.check === "unserviceable" ? "unserviceable" : "good",
            createdById: officer,
          })
          .returning({ id: equipmentItems.id });
        if (item.check) {
          await tx.insert(equipmentChecks).values({ itemId: row.id, checkedOn: dayIso(-30), result: item.check, note: "Routine end-use check.", checkedById: officer });
        }
      }
    });
  }

  await seedHondurasTracking(db, userId("officer@example.org"), idOf(indicatorRows, "officers_trained"));
}

async function nextReference(tx: Tx): Promise<string> {
  const seq = await tx.execute(sql`SELECT nextval('award_number_seq') AS n`);
  const n = Number(((Array.isArray(seq) ? seq : (seq as { rows: unknown[] }).rows) as { n: string | number }[])[0].n);
  return `AW-${new Date().getUTCFullYear()}-${String(n).padStart(4, "0")}`;
}

/**
 * The active Honduran award of the workflow seed (training of prosecutors and investigators) tracks
 * officers trained, its first tranche is disbursed and its second waits for the first quarter's report:
 * the report path a focal point and an officer walk through end to end.
 */
async function seedHondurasTracking(db: Db, officerId: string, trainedIndicatorId: string): Promise<void> {
  const [award] = await db
    .select({ id: awards.id, startsOn: awards.startsOn })
    .from(awards)
    .where(and(eq(awards.countryIso2, "HN"), eq(awards.status, "active")))
    .limit(1);
  if (!award) return;
  await db.transaction(async (tx) => {
    const [tracked] = await tx.select({ id: awardIndicators.id }).from(awardIndicators).where(eq(awardIndicators.awardId, award.id));
    if (tracked) return; // seeded before
    await tx.insert(awardIndicators).values({ awardId: award.id, indicatorId: trainedIndicatorId, baseline: "0", target: "60" });
    const tranches = await tx.select().from(awardTranches).where(eq(awardTranches.awardId, award.id)).orderBy(awardTranches.position);
    const [first, second] = tranches;
    if (first) {
      const on = minDate(addDays(award.startsOn, 10), dayIso(0));
      await tx.insert(disbursements).values({ trancheId: first.id, amountMinor: first.plannedAmountMinor, disbursedOn: on, recordedById: officerId });
      await tx.update(awardTranches).set({ releasedAmountMinor: first.plannedAmountMinor, releasedOn: on }).where(eq(awardTranches.id, first.id));
    }
    if (second) await tx.update(awardTranches).set({ conditionPeriodNumber: 1 }).where(eq(awardTranches.id, second.id));
  });
}
