// Requests of the scale data set: every status in fixed shares, each with the history its status implies
// (a revision and a submission for all but drafts, a decision for decided ones, a withdrawal).
import { assistanceRequests, requestDecisions, requestPrograms, requestRevisions } from "../schema";
import { addDays } from "../../lib/dates";
import { ASSISTANCE_CATEGORIES, URGENCIES, type RequestStatus } from "../../lib/enums";
import { audit, noon, push, SCALE_PROGRAM_SHARES, type ScaleContext } from "./scale";

export interface ScaleRequest {
  id: string;
  reference: string;
  countryIso2: string;
  programId: string;
  status: RequestStatus;
  year: number;
  number: number;
  estimatedCostMinor: number;
  /** The day of the approval of an approved or awarded request. */
  decidedOn?: string;
  titleEn: string;
  titleEs: string;
}

/** Shares of the requests that are not awarded (awarded ones are exactly as many as the awards). */
const SHARES: Record<Exclude<RequestStatus, "awarded">, number> = {
  draft: 12,
  submitted: 10,
  screening: 10,
  in_review: 16,
  changes_requested: 8,
  approved: 8,
  rejected: 22,
  withdrawn: 14,
};

const DECISION: Partial<Record<RequestStatus, "approve" | "reject" | "request_changes">> = {
  changes_requested: "request_changes",
  approved: "approve",
  awarded: "approve",
  rejected: "reject",
};

function statusList(ctx: ScaleContext, total: number, awarded: number): RequestStatus[] {
  const rest = total - awarded;
  const shareSum = Object.values(SHARES).reduce((a, b) => a + b, 0);
  const list: RequestStatus[] = Array.from({ length: awarded }, () => "awarded" as const);
  const entries = Object.entries(SHARES) as [RequestStatus, number][];
  let left = rest;
  entries.forEach(([status, share], i) => {
    const n = i === entries.length - 1 ? left : Math.max(1, Math.floor((rest * share) / shareSum));
    for (let k = 0; k < n; k++) list.push(status);
    left -= n;
  });
  return ctx.rng.shuffle(list);
}

/** A scale program drawn by its share (SCALE_PROGRAM_SHARES): one draw, as a plain pick would take. */
function pickProgram(ctx: ScaleContext): string {
  let x = ctx.rng.next();
  for (const [i, share] of SCALE_PROGRAM_SHARES.entries()) {
    x -= share;
    if (x < 0) return ctx.programIds[i];
  }
  return ctx.programIds[ctx.programIds.length - 1];
}

export function buildRequests(ctx: ScaleContext, total: number, awarded: number, counters: Map<string, number>): ScaleRequest[] {
  const { rng } = ctx;
  const out: ScaleRequest[] = [];
  for (const status of statusList(ctx, total, awarded)) {
    const country = rng.pick(ctx.countries);
    // Awarded requests are approved early enough for their award to have run for a while.
    const createdOn = addDays(status === "awarded" ? "2021-01-01" : "2021-06-01", rng.int(0, status === "awarded" ? 1_500 : 1_800));
    const year = Number(createdOn.slice(0, 4));
    const key = `${country.iso2}:${year}`;
    const number = (counters.get(key) ?? 0) + 1;
    counters.set(key, number);
    const category = rng.pick(ASSISTANCE_CATEGORIES);
    const request: ScaleRequest = {
      id: rng.uuid(),
      reference: `${country.iso2}-${year}-${String(number).padStart(4, "0")}`,
      countryIso2: country.iso2,
      programId: pickProgram(ctx),
      status,
      year,
      number,
      estimatedCostMinor: rng.int(500, 5_000) * 10_000,
      titleEn: `${category.replace(/_/g, " ")} support ${country.iso2} ${number}`,
      titleEs: `Apoyo de ${category.replace(/_/g, " ")} ${country.iso2} ${number}`,
    };
    pushRequest(ctx, request, createdOn, category, country.primaryLocale);
    out.push(request);
  }
  return out;
}

function pushRequest(ctx: ScaleContext, r: ScaleRequest, createdOn: string, category: string, locale: "en" | "es"): void {
  const { rng } = ctx;
  const focal = ctx.focalByCountry.get(r.countryIso2)!;
  const officer = rng.pick(ctx.officers);
  const submitted = r.status !== "draft";
  const submittedOn = addDays(createdOn, rng.int(1, 20));
  const decision = DECISION[r.status];
  const decidedOn = addDays(submittedOn, rng.int(20, 90));
  if (decision === "approve") r.decidedOn = decidedOn;
  const lastChange = decision ? decidedOn : r.status === "withdrawn" ? addDays(submittedOn, rng.int(5, 60)) : submitted ? submittedOn : createdOn;
  const transitions = { draft: 0, submitted: 0, screening: 1, in_review: 2, changes_requested: 3, approved: 3, awarded: 4, rejected: 3, withdrawn: 1 }[r.status];
  const narrative = `Scale data narrative for ${r.reference}.`;
  push(ctx, assistanceRequests, {
    id: r.id,
    reference: r.reference,
    countryIso2: r.countryIso2,
    createdById: focal,
    status: r.status,
    version: 1 + (submitted ? 1 : 0) + transitions,
    primaryLocale: locale,
    category,
    titleEn: r.titleEn,
    titleEs: r.titleEs,
    narrativeEn: locale === "en" ? narrative : null,
    narrativeEs: locale === "es" ? `Narrativa de datos de escala para ${r.reference}.` : null,
    justificationEn: locale === "en" ? "Needed to meet the state's commitments." : null,
    justificationEs: locale === "es" ? "Necesario para cumplir los compromisos del Estado." : null,
    estimatedCostMinor: r.estimatedCostMinor,
    currency: "USD",
    urgency: rng.pick(URGENCIES),
    desiredStartOn: addDays(createdOn, rng.int(60, 240)),
    submittedAt: submitted ? noon(submittedOn) : null,
    revisionCount: submitted ? 1 : 0,
    createdAt: noon(createdOn),
    updatedAt: noon(lastChange),
  });
  push(ctx, requestPrograms, { requestId: r.id, programId: r.programId });
  audit(ctx, focal, "request.create", "request", r.id, noon(createdOn), { reference: r.reference });
  if (!submitted) return;
  push(ctx, requestRevisions, {
    id: rng.uuid(),
    requestId: r.id,
    number: 1,
    snapshot: { titleEn: r.titleEn, titleEs: r.titleEs, category, estimatedCostMinor: r.estimatedCostMinor },
    submittedById: focal,
    submittedAt: noon(submittedOn),
  });
  audit(ctx, focal, "request.submit", "request", r.id, noon(submittedOn), { revision: 1 });
  if (decision) {
    const decidedBy = decision === "approve" ? rng.pick(ctx.approvers) : officer;
    push(ctx, requestDecisions, { id: rng.uuid(), requestId: r.id, decision, memo: `Decision on ${r.reference}.`, decidedById: decidedBy, createdAt: noon(decidedOn) });
    audit(ctx, decidedBy, "request.decide", "request", r.id, noon(decidedOn), { decision });
  }
  if (r.status === "withdrawn") audit(ctx, focal, "request.withdraw", "request", r.id, noon(lastChange), { from: "submitted" });
}
