// Awards of the scale data set, one per awarded request: indicators, deliverables, the reporting calendar
// as lib/reporting/calendar.ts builds it, reports in every state with actuals (some broken down), tranches
// that add up to the award and are disbursed only once their condition is met, equipment and checks.
import {
  awardDeliverables,
  awardIndicators,
  awardRequests,
  awards,
  awardTranches,
  disbursements,
  equipmentChecks,
  equipmentItems,
  progressReports,
  reportActuals,
  reportingPeriods,
} from "../schema";
import { addDays, addMonthsClamped } from "../../lib/dates";
import { FREQUENCIES, reportingPeriods as calendarOf, type ReportingPeriod } from "../../lib/reporting/calendar";
import { audit, noon, push, type ScaleContext } from "./scale";
import type { ScaleRequest } from "./scale-requests";

type AwardStatus = "pending_approval" | "active" | "completed" | "cancelled";
type ReportStatus = "draft" | "submitted" | "accepted" | "returned";
type DeliverableStatus = "pending" | "submitted" | "accepted" | "returned";

interface AwardDraft {
  id: string;
  status: AwardStatus;
  amountMinor: number;
  startsOn: string;
  endsOn: string;
  officer: string;
  partnerUser: string;
  periods: (ReportingPeriod & { id: string; report?: ReportStatus })[];
  deliverables: { id: string; dueOn: string; status: DeliverableStatus }[];
  indicators: { id: string; target: number }[];
}

/** The state of the last ended period's report of an active award, in turn (undefined: overdue, none yet). */
const LAST_REPORT: (ReportStatus | undefined)[] = ["accepted", "submitted", "returned", "draft", undefined, "accepted"];

export function buildAwards(ctx: ScaleContext, awarded: ScaleRequest[]): void {
  awarded.forEach((request, index) => {
    const award = pushAward(ctx, request, index);
    pushIndicators(ctx, award);
    pushDeliverables(ctx, award);
    pushCalendar(ctx, award, index);
    pushTranches(ctx, award);
    if (award.status === "active" || award.status === "completed") pushEquipment(ctx, award);
  });
}

function pushAward(ctx: ScaleContext, request: ScaleRequest, index: number): AwardDraft {
  const { rng } = ctx;
  const pending = index % 25 === 1;
  const cancelled = index % 25 === 2;
  // A pending award starts after its approval; the others started a month after the request's approval.
  const startsOn = pending ? addDays(ctx.today, rng.int(20, 90)) : addDays(request.decidedOn!, 30);
  const endsOn = addDays(addMonthsClamped(startsOn, rng.pick([12, 18, 24, 24, 36])), -1);
  const status: AwardStatus = pending ? "pending_approval" : cancelled ? "cancelled" : addDays(endsOn, 60) < ctx.today ? "completed" : "active";
  const amountMinor = Math.max(1_000_000, Math.round(request.estimatedCostMinor / 1_000_000) * 1_000_000);
  // Every frequency the award form offers, quarterly the most often.
  const frequencyMonths = rng.pick([...FREQUENCIES, 3, 3]);
  const officer = rng.pick(ctx.officers);
  const approver = rng.pick(ctx.approvers);
  const number = ++ctx.lastAwardNumber;
  const id = rng.uuid();
  const createdOn = pending ? addDays(ctx.today, -rng.int(1, 20)) : addDays(startsOn, -20);
  const approved = status !== "pending_approval";
  push(ctx, awards, {
    id,
    reference: `AW-${createdOn.slice(0, 4)}-${String(number).padStart(4, "0")}`,
    programId: request.programId,
    implementingPartnerId: ctx.partnerIds[index % ctx.partnerIds.length],
    countryIso2: request.countryIso2,
    titleEn: request.titleEn,
    titleEs: request.titleEs,
    amountMinor,
    currency: "USD",
    startsOn,
    endsOn,
    status,
    createdById: officer,
    approvedById: approved ? approver : null,
    approvedAt: approved ? noon(addDays(createdOn, 5)) : null,
    version: approved ? 2 : 1,
    reportingFrequencyMonths: frequencyMonths,
    createdAt: noon(createdOn),
    updatedAt: noon(approved ? addDays(createdOn, 5) : createdOn),
  });
  push(ctx, awardRequests, { awardId: id, requestId: request.id });
  audit(ctx, officer, "award.create", "award", id, noon(createdOn), { requestId: request.id });
  if (approved) audit(ctx, approver, "award.approve", "award", id, noon(addDays(createdOn, 5)));
  const periods = calendarOf({ startsOn, endsOn, frequencyMonths }).map((p) => ({ ...p, id: rng.uuid() }));
  return { id, status, amountMinor, startsOn, endsOn, officer, partnerUser: ctx.partnerUsers[index % ctx.partnerUsers.length], periods, deliverables: [], indicators: [] };
}

function pushIndicators(ctx: ScaleContext, award: AwardDraft): void {
  const chosen = ctx.rng.shuffle([...ctx.indicatorIds]).slice(0, ctx.rng.int(2, 3));
  for (const indicatorId of chosen) {
    const target = ctx.rng.int(10, 400) * 10;
    const id = ctx.rng.uuid();
    push(ctx, awardIndicators, { id, awardId: award.id, indicatorId, baseline: "0", target: String(target) });
    award.indicators.push({ id, target });
  }
}

function pushDeliverables(ctx: ScaleContext, award: AwardDraft): void {
  const n = ctx.rng.int(3, 5);
  const span = Math.max(1, Math.round((Date.parse(award.endsOn) - Date.parse(award.startsOn)) / 86_400_000));
  for (let i = 1; i <= n; i++) {
    const dueOn = addDays(award.startsOn, Math.round((span * i) / n));
    let status: DeliverableStatus = "pending";
    if (award.status === "completed") status = "accepted";
    else if (award.status === "active" && dueOn < addDays(ctx.today, -60)) status = "accepted";
    else if (award.status === "active" && dueOn <= ctx.today) status = ctx.rng.pick(["submitted", "returned", "accepted", "pending"] as const);
    const id = ctx.rng.uuid();
    push(ctx, awardDeliverables, {
      id,
      awardId: award.id,
      title: `Deliverable ${i} of ${n}`,
      dueOn,
      status,
      reviewComment: status === "returned" ? "Please complete the evidence." : null,
      version: status === "pending" ? 1 : status === "submitted" ? 2 : 3,
      createdAt: noon(award.startsOn),
    });
    award.deliverables.push({ id, dueOn, status });
  }
}

/** The periods, and a report for each ended period of an active or completed award. */
function pushCalendar(ctx: ScaleContext, award: AwardDraft, index: number): void {
  const ended = award.periods.filter((p) => p.endsOn < ctx.today);
  ended.forEach((p, i) => {
    if (award.status === "completed") p.report = "accepted";
    else if (award.status === "active") p.report = i === ended.length - 1 ? LAST_REPORT[index % LAST_REPORT.length] : "accepted";
  });
  for (const p of award.periods) {
    push(ctx, reportingPeriods, { id: p.id, awardId: award.id, number: p.number, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, isFinal: p.isFinal ? "yes" : "no" });
  }
  for (const p of award.periods) if (p.report) pushReport(ctx, award, p, p.report);
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function pushReport(ctx: ScaleContext, award: AwardDraft, period: AwardDraft["periods"][number], status: ReportStatus): void {
  const { rng } = ctx;
  const submittedOn = minDay(addDays(period.dueOn, -rng.int(3, 20)), ctx.today);
  const reviewedOn = minDay(addDays(submittedOn, rng.int(1, 6)), ctx.today);
  const sent = status !== "draft";
  const reviewed = status === "accepted" || status === "returned";
  const id = rng.uuid();
  const share = period.number / award.periods.length;
  push(ctx, progressReports, {
    id,
    awardId: award.id,
    periodId: period.id,
    status,
    version: { draft: 1, submitted: 2, accepted: 3, returned: 3 }[status],
    narrativeEn: `Progress in period ${period.number}.`,
    narrativeEs: `Avance del período ${period.number}.`,
    expenditureToDateMinor: Math.round(award.amountMinor * share * rng.int(70, 100) / 100),
    createdById: award.partnerUser,
    submittedById: sent ? award.partnerUser : null,
    submittedAt: sent ? noon(submittedOn) : null,
    reviewedById: reviewed ? award.officer : null,
    reviewedAt: reviewed ? noon(reviewedOn) : null,
    reviewComment: status === "returned" ? "Please explain the variance against the target." : null,
    createdAt: noon(addDays(submittedOn, -2)),
    updatedAt: noon(reviewed ? reviewedOn : submittedOn),
  });
  for (const [i, indicator] of award.indicators.entries()) {
    const value = Math.round((indicator.target / award.periods.length) * rng.int(50, 150) / 100);
    let breakdown: { dimension: string; label: string; value: number }[] = [];
    if (i === 0 && rng.chance(0.5)) {
      const women = Math.floor(value * rng.int(20, 60) / 100);
      breakdown = [{ dimension: "sex", label: "F", value: women }, { dimension: "sex", label: "M", value: value - women }];
    } else if (i === 1 && rng.chance(0.3)) {
      const police = Math.floor(value / 2);
      breakdown = [{ dimension: "agency", label: "Police", value: police }, { dimension: "agency", label: "Armed forces", value: value - police }];
    }
    push(ctx, reportActuals, { id: rng.uuid(), reportId: id, awardIndicatorId: indicator.id, value: String(value), breakdown });
  }
}

/** 2-4 tranches adding up to the award; each after the first waits for a report or a deliverable. */
function pushTranches(ctx: ScaleContext, award: AwardDraft): void {
  const { rng } = ctx;
  const n = rng.int(2, 4);
  const unit = 100_000; // $1,000
  const units = award.amountMinor / unit;
  const weights = Array.from({ length: n }, () => rng.int(1, 4));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let left = units;
  for (let i = 0; i < n; i++) {
    const share = i === n - 1 ? left : Math.max(1, Math.min(left - (n - 1 - i), Math.floor((units * weights[i]) / weightSum)));
    left -= share;
    let plannedOn = award.startsOn;
    let conditionPeriodNumber: number | null = null;
    let conditionDeliverableId: string | null = null;
    let conditionMet = true;
    if (i > 0 && i % 2 === 1) {
      const period = award.periods[Math.min(award.periods.length - 1, Math.floor((award.periods.length * i) / n))];
      conditionPeriodNumber = period.number;
      plannedOn = period.dueOn;
      conditionMet = period.report === "accepted";
    } else if (i > 0) {
      const deliverable = award.deliverables[Math.min(award.deliverables.length - 1, Math.floor((award.deliverables.length * i) / n))];
      conditionDeliverableId = deliverable.id;
      plannedOn = deliverable.dueOn;
      conditionMet = deliverable.status === "accepted";
    }
    const released = (award.status === "active" || award.status === "completed") && conditionMet && plannedOn <= ctx.today;
    const releasedOn = released ? minDay(addDays(plannedOn, rng.int(5, 15)), ctx.today) : null;
    const id = rng.uuid();
    push(ctx, awardTranches, {
      id,
      awardId: award.id,
      position: i + 1,
      plannedAmountMinor: share * unit,
      plannedOn,
      releasedAmountMinor: released ? share * unit : null,
      releasedOn,
      conditionDeliverableId,
      conditionPeriodNumber,
    });
    if (!releasedOn) continue;
    push(ctx, disbursements, { id: rng.uuid(), trancheId: id, amountMinor: share * unit, disbursedOn: releasedOn, recordedById: award.officer, createdAt: noon(releasedOn) });
    audit(ctx, award.officer, "tranche.disburse", "award", award.id, noon(releasedOn), { trancheId: id, amountMinor: share * unit });
  }
}

const EQUIPMENT = ["Dot-peen marking machine", "Hydraulic cutting shears", "Armoury rack", "Records server", "CCTV kit"] as const;
const RESULTS = ["in_use_as_intended", "in_use_as_intended", "in_use_as_intended", "not_found", "misused", "unserviceable"] as const;

function pushEquipment(ctx: ScaleContext, award: AwardDraft): void {
  const { rng } = ctx;
  const items = rng.int(0, 3);
  for (let i = 0; i < items; i++) {
    const handoverOn = minDay(addDays(award.startsOn, rng.int(20, 200)), ctx.today);
    const checks = handoverOn < addDays(ctx.today, -30) ? rng.int(1, 3) : 0;
    const results = Array.from({ length: checks }, () => rng.pick(RESULTS));
    const id = rng.uuid();
    push(ctx, equipmentItems, {
      id,
      awardId: award.id,
      kind: rng.pick(EQUIPMENT),
      model: `M-${rng.int(10, 99)}`,
      quantity: rng.int(1, 20),
      handoverOn,
      custodianAgency: rng.pick(["National Police", "Armed Forces", "Customs", "Firearms Registry"]),
      condition: results.at(-1) === "unserviceable" ? "unserviceable" : rng.pick(["new", "good", "good", "fair"] as const),
      createdById: award.officer,
      createdAt: noon(handoverOn),
    });
    results.forEach((result, k) => {
      const checkedOn = minDay(addDays(handoverOn, 90 * (k + 1)), ctx.today);
      push(ctx, equipmentChecks, { id: rng.uuid(), itemId: id, checkedOn, result, note: "End-use check.", checkedById: award.officer, createdAt: noon(checkedOn) });
    });
  }
}
