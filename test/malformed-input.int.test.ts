// Every mutation that takes input from a person, tried with generated malformed input: each field of its
// zod schema in turn given the wrong type, left out, or set to 0, -1, 1e15, NaN, Infinity, 20,000
// characters, NUL, a lone surrogate, a right-to-left override, impossible dates..., the rest left valid;
// the whole input replaced by null, an array, a string, a number; and every id, version and number it
// takes beside its input. Each call either succeeds (only when the schema says the value is valid) or is
// refused with a ValidationError, ConflictError or NotFoundError whose messages exist in English and in
// Spanish, and a refused call leaves every application table as it was. Each case runs in a
// transaction that is rolled back, so an accepted one does not change what the next one meets.
// The server action a form calls for each is then run the same way (on fewer field values), as a signed-in
// user reading English or Spanish: it must answer the form's result in that language or the 404 page.
// Decision 0020.
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  awardIndicators,
  indicators,
  organizations,
  passkeys,
  programs,
  reviewAssignments,
  rubricCriteria,
  sessions,
  users,
} from "@/db/schema";
import { addRequestAttachments, removeRequestAttachment, type UploadedFile } from "@/lib/attachments/mutations";
import { createDemoSession, setOwnLocale } from "@/lib/auth/mutations";
import { approveAward, createAward } from "@/lib/awards/mutations";
import { createAwardSchema } from "@/lib/awards/schema";
import { addComment } from "@/lib/comments/mutations";
import { addCommentSchema } from "@/lib/comments/schema";
import { decideRequest } from "@/lib/decisions/mutations";
import { decideRequestSchema } from "@/lib/decisions/schema";
import { addDeliverable, addDeliverableEvidence, decideDeliverable, submitDeliverable } from "@/lib/deliverables/mutations";
import { addDeliverableSchema, deliverableDecisionSchema, submitDeliverableSchema } from "@/lib/deliverables/schema";
import { addEquipmentCheck, addEquipmentItem, updateEquipmentCondition } from "@/lib/equipment/mutations";
import { addEquipmentCheckSchema, addEquipmentItemSchema, updateEquipmentConditionSchema } from "@/lib/equipment/schema";
import { isSafeText } from "@/lib/forms/safe-text";
import { finishPasskeyAuthentication, finishPasskeyRegistration, PasskeyDeniedError, removePasskey, startPasskeyAuthentication, startPasskeyRegistration } from "@/lib/passkeys/mutations";
import { createProgram, updateProgram } from "@/lib/programs/mutations";
import { createProgramSchema, updateProgramSchema } from "@/lib/programs/schema";
import { decideReport, ensureReportingCalendar, saveReport, setAwardIndicators, setReportingFrequency } from "@/lib/reporting/mutations";
import { indicatorsFormSchema, reportDecisionSchema, reportDraftSchema, reportingFrequencySchema } from "@/lib/reporting/schema";
import { createRequest, saveRequest, withdrawRequest } from "@/lib/requests/mutations";
import { requestDraftSchema, submitRequestSchema } from "@/lib/requests/schema";
import { assignReviewers, declareConflict, submitReview } from "@/lib/reviews/mutations";
import { assignReviewersSchema, declareConflictSchema, submitReviewSchema } from "@/lib/reviews/schema";
import { completeScreening, startScreening } from "@/lib/screening/mutations";
import { completeScreeningSchema } from "@/lib/screening/schema";
import { recordDisbursement, setTrancheCondition } from "@/lib/tranches/mutations";
import { recordDisbursementSchema, trancheConditionSchema } from "@/lib/tranches/schema";
import { deactivateUser, inviteUser, reactivateUser, resetUserPasskeys, updateUser } from "@/lib/users/mutations";
import { inviteUserSchema, updateUserSchema } from "@/lib/users/schema";
import { approveAwardAction, createAwardAction } from "@/app/awards/actions";
import { addDeliverableAction, addEquipmentCheckAction, addEquipmentItemAction, recordDisbursementAction, decideDeliverableAction, setTrancheConditionAction, submitDeliverableAction, updateEquipmentConditionAction } from "@/app/awards/[id]/delivery-actions";
import { decideReportAction, saveReportAction, setAwardIndicatorsAction, setReportingFrequencyAction } from "@/app/awards/[id]/reports/actions";
import { removePasskeyAction } from "@/app/account/passkeys/actions";
import { deactivateUserAction, inviteUserAction, reactivateUserAction, resetUserPasskeysAction, updateUserAction } from "@/app/admin/users/actions";
import { setLocaleAction } from "@/app/locale-actions";
import { createProgramAction, updateProgramAction } from "@/app/programs/actions";
import { createRequestAction, saveRequestAction, withdrawRequestAction } from "@/app/requests/actions";
import { removeAttachmentAction } from "@/app/requests/[id]/attachments/actions";
import { addCommentAction, completeScreeningAction, decideRequestAction, startScreeningAction } from "@/app/requests/[id]/officer-actions";
import { assignReviewersAction, declareConflictAction, submitReviewAction } from "@/app/reviews/actions";
import { demoSignInAction, requestSignInLinkAction } from "@/app/sign-in/actions";
import { passkeyAuthenticationOptionsAction, passkeyRegistrationOptionsAction, registerPasskeyAction, verifyPasskeyAction } from "@/app/sign-in/passkey/actions";
import type { CurrentUser } from "@/lib/auth/queries";
import { signInSchema } from "@/lib/auth/schema";
import { bytesOf, exe, pdf } from "@/test/attachment-files";
import { createTestDb, type TestDb } from "@/test/db";
import { session } from "@/test/route-session";
import { insertAward } from "@/test/delivery-fixtures";
import {
  actionResultProblems,
  actionThrowKind,
  argumentVariants,
  casesFor,
  changedTables,
  databaseFingerprint,
  describeError,
  expectationOf,
  hasWritten,
  inRolledBackTransaction,
  isKnownRefusal,
  messageProblems,
  wholeInputCases,
  type Case,
} from "@/test/malformed";
import { ctx, FULL_CHECKLIST, guatemalaContent, inReview, inScreening, loadFixtures, requestRow, submitted, type Fixtures } from "@/test/officer-fixtures";
import { SoftwareAuthenticator } from "@/test/software-authenticator";

process.env.AUTH_URL = "http://localhost:3700";

// The actions run outside Next.js: the signed-in user (whose language is the reader's), the client's
// address and the cache are what a request would give them. redirect() and notFound() are Next.js's own (they throw).
vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());
// Auth.js itself is not needed by the actions tried here (only sign-out uses it).
vi.mock("@/lib/auth/auth", () => ({ signOut: async () => {} }));
vi.mock("@/lib/auth/request-context", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getRequestContext: async () => ({ ip: "203.0.113.7", userAgent: "vitest" }),
}));
vi.mock("@/lib/http/base-url", () => ({ getBaseUrl: async () => "http://portal.test" }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
// The sign-in link is issued after the answer; what the action answers is what is tested here.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));

/** A form's fields as the browser posts them: text, and nothing for a field left out. */
function formDataOf(fields: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) data.append(name, String(value));
  return data;
}

/**
 * A mutation's input with the ids it names (the request...) as its fields: an object gets them beside
 * its own, anything else (null, an array, a string) is passed as it is, for the mutation to refuse.
 */
function withIds(input: unknown, ids: Args): unknown {
  return input !== null && typeof input === "object" && !Array.isArray(input) ? { ...input, ...ids } : input;
}

async function demoMode<T>(call: () => Promise<T>): Promise<T> {
  process.env.DEMO_MODE = "1";
  try {
    return await call();
  } finally {
    delete process.env.DEMO_MODE;
  }
}

type ArgKind = Parameters<typeof argumentVariants>[0];
type Args = Record<string, unknown>;

/** One mutation as a person reaches it: its input schema, a valid input and arguments, and the call. */
interface Spec {
  /** "<area>.<exported function>", as the completeness check below names them. */
  fn: string;
  /** What this spec tries, when one mutation has several (a draft and a submission...). */
  variant?: string;
  schema?: z.ZodType;
  valid?: () => unknown;
  /** Arguments beside the input (ids, versions...): each tried with the variants of its kind, or its own. */
  args?: Record<string, { kind?: ArgKind; variants?: () => Case[]; valid: unknown; mayAccept?: string[] }>;
  /** The mutation, called directly. */
  run?: (input: unknown, args: Args) => Promise<unknown>;
  /** The server action a form calls for it, run as `actor`; see "the actions" below. */
  action?: (input: unknown, args: Args) => Promise<unknown>;
  actor?: () => CurrentUser;
  /** The action answers nothing either way (the language switch ignores a language it does not have). */
  actionAnswersNothing?: boolean;
  /** Argument variants the action may accept: a form posts text, so an array arrives as its first value. */
  actionMayAccept?: string[];
  /** Cases that are not generated from a schema (uploaded files, WebAuthn responses). */
  extraCases?: () => Case[];
  /** Errors besides the three domain ones that the caller maps to a refusal. */
  isRefusal?: (error: unknown) => boolean;
  /** Tables a refusal writes on purpose (a denied passkey ceremony is audited). */
  refusalWrites?: string[];
}

let db: TestDb;
let f: Fixtures;
const specs: Spec[] = [];
const NOW = "2026-12-01";
const today = { ...ctx, today: NOW };

function rubricOf(programId: string) {
  return db.db.select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.programId, programId));
}

async function orgId(key: string): Promise<string> {
  const [row] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, key));
  return row.id;
}

async function assignmentOf(requestId: string): Promise<string> {
  const [row] = await db.db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.requestId, requestId), eq(reviewAssignments.reviewerId, f.u.reviewer.id)));
  return row.id;
}

const file = (name: string, bytes: Uint8Array): UploadedFile => ({ name, bytes });

/** An accepted upload's stored names are cleaned: nothing safeText refuses, no replacement character. */
function storedNamesAreSafe(added: { filename: string }[]): void {
  for (const { filename } of added) {
    if (!isSafeText(filename) || filename.includes("\uFFFD") || filename.length > 120) throw new Error(`stored an unsafe file name: ${JSON.stringify(filename.slice(0, 80))}`);
  }
}

/** Uploads: names with what no form accepts, and contents that are not an accepted file. */
function fileCases(): Case[] {
  const good = pdf();
  const named = (label: string, name: string): Case => ({ label: `file name: ${label}`, input: [file(name, good)], clearlyMalformed: false });
  return [
    { label: "files: none", input: [], clearlyMalformed: true },
    { label: "files: empty file", input: [file("empty.pdf", new Uint8Array())], clearlyMalformed: true },
    { label: "files: one byte", input: [file("one.pdf", new Uint8Array([0x25]))], clearlyMalformed: true },
    { label: "files: an executable", input: [file("report.pdf", exe())], clearlyMalformed: true },
    { label: "files: text claiming to be a PDF", input: [file("report.pdf", bytesOf("%PDF not really"))], clearlyMalformed: true },
    { label: "files: eleven", input: Array.from({ length: 11 }, (_, i) => file(`f${i}.pdf`, good)), clearlyMalformed: true },
    named("NUL", "report\u0000.pdf"),
    named("lone surrogate", "report\uD800.pdf"),
    named("right-to-left override", "invoice\u202Efdp.pdf"),
    named("20,000 characters", `${"x".repeat(20_000)}.pdf`),
    named("empty", ""),
    named("only dots", "...."),
    named("a path", "../../etc/passwd.pdf"),
  ];
}

/** Variants of a WebAuthn response from the browser: its fields in turn broken, the rest as sent. */
function responseCases(valid: Record<string, unknown>): Case[] {
  const cases: Case[] = wholeInputCases(false).map((c) => ({ ...c }));
  const broken: [string, unknown][] = [
    ["missing", undefined],
    ["null", null],
    ["a number", 42],
    ["NUL", "\u0000"],
    ["lone surrogate", "\uD800"],
    ["20,000 characters", "x".repeat(20_000)],
    ["not base64url", "%%%"],
    ["an object", { nested: true }],
  ];
  const paths = [["id"], ["rawId"], ["type"], ["response"], ["response", "clientDataJSON"], ["response", "attestationObject"], ["response", "authenticatorData"], ["response", "signature"]];
  for (const p of paths) {
    const parent = p.length === 1 ? valid : (valid[p[0]] as Record<string, unknown>);
    if (!parent || !(p[p.length - 1] in parent)) continue;
    for (const [label, value] of broken) {
      const copy = structuredClone(valid) as Record<string, Record<string, unknown>>;
      const target = p.length === 1 ? (copy as Record<string, unknown>) : copy[p[0]];
      if (value === undefined) delete target[p[p.length - 1]];
      else target[p[p.length - 1]] = value;
      cases.push({ label: `${p.join(".")}: ${label}`, input: copy, clearlyMalformed: true });
    }
  }
  return cases;
}

beforeAll(async () => {
  db = await createTestDb();
  f = await loadFixtures(db);
  const oas = await orgId("oas");
  const inl = await orgId("state-inl");
  const oasMarking = f.program.oasMarking;
  const content = () => guatemalaContent([oasMarking]);

  // Requests in each state a mutation acts on.
  const draft = (await createRequest(f.u.gt, { ...content(), submit: false, creationKey: randomUUID() }, ctx)).id;
  const [attachment] = await addRequestAttachments(f.u.gt, { requestId: draft, files: [file("plan.pdf", pdf())] }, ctx);
  const submittedId = await submitted(f.u.gt, content());
  const screening = await inScreening(db, f, content());
  const reviewing = await inReview(db, f, content(), oasMarking);
  await assignReviewers(f.u.officer, { requestId: reviewing, reviewerIds: [f.u.reviewer.id], programId: oasMarking }, ctx);
  const awaitingDeclaration = await assignmentOf(reviewing);
  const scoring = await inReview(db, f, content(), oasMarking);
  await assignReviewers(f.u.officer, { requestId: scoring, reviewerIds: [f.u.reviewer.id], programId: oasMarking }, ctx);
  const activeAssignment = await assignmentOf(scoring);
  await declareConflict(f.u.reviewer, { assignmentId: activeAssignment, hasConflict: false }, ctx);
  const criteria = await rubricOf(oasMarking);
  const toApprove = await inReview(db, f, content(), oasMarking);
  await decideRequest(f.u.officer, { requestId: toApprove, decision: "approve", memo: "Approved: the plan is sound and costed.", expectedVersion: (await requestRow(db, toApprove)).version }, ctx);
  const version = async (id: string) => (await requestRow(db, id)).version;

  // Awards: one awaiting its second approval, one for delivery, one for reporting, one for its calendar.
  const pending = await insertAward(db, f.u.officer.id, { status: "pending_approval" });
  const delivery = await insertAward(db, f.u.officer.id, {
    deliverables: [
      { title: "Marking machines delivered", dueOn: "2026-06-30" },
      { title: "Operators trained", dueOn: "2026-08-31", status: "submitted" },
    ],
  });
  await addDeliverableEvidence(f.u.gt, { deliverableId: delivery.deliverables[0], files: [file("handover.pdf", pdf())] }, ctx);
  const item = await addEquipmentItem(
    f.u.partner,
    { awardId: delivery.id, kind: "Laser marking machine", model: "LM-200", quantity: 2, handoverOn: "2026-03-01", custodianAgency: "PNC central armoury", condition: "new" },
    today,
  );
  const reporting = await insertAward(db, f.u.officer.id, { startsOn: "2026-01-01", endsOn: "2027-12-31" });
  const library = await db.db.select({ id: indicators.id }).from(indicators).limit(2);
  const indicatorRows = library.map((i, n) => ({ indicatorId: i.id, baseline: "0", target: n === 0 ? "1000" : "200" }));
  await setAwardIndicators(f.u.officer, { awardId: reporting.id, indicators: indicatorRows }, ctx);
  const tracked = await db.db.select({ id: awardIndicators.id }).from(awardIndicators).where(eq(awardIndicators.awardId, reporting.id));
  const report = () => ({
    narrativeEs: "Se marcaron 120 armas en la PNC.",
    narrativeEn: "120 firearms were marked at the PNC.",
    expenditureToDate: "25000.50",
    actuals: [
      { awardIndicatorId: tracked[0].id, value: "120", breakdown: [{ dimension: "agency", label: "PNC", value: "120" }] },
      { awardIndicatorId: tracked[1].id, value: "15" },
    ],
    deliverableUpdates: [{ deliverableId: reporting.deliverables[0], note: "Two machines delivered." }],
  });
  const submittedReport = await saveReport(f.u.gt, { awardId: reporting.id, periodNumber: 2, ...report(), submit: true }, today);
  const calendar = await insertAward(db, f.u.officer.id, {});

  // Programs and users the admin edits.
  const programInput = (key: string) => ({
    key,
    nameEn: "Regional marking and tracing support",
    nameEs: "Apoyo regional al marcaje y rastreo",
    currency: "USD",
    ceiling: "2,000,000",
    perAwardCap: "500000",
    approvalThreshold: "250000",
    startsOn: "2026-01-01",
    endsOn: "2029-12-31",
    donorIds: [inl],
    countryIsos: ["GT", "HN", "JM"],
    categories: ["marking_equipment", "training"],
    rubric: [
      { key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "60" },
      { key: "feasibility", nameEn: "Feasibility", nameEs: "Viabilidad", weight: "40" },
    ],
  });
  const program = await createProgram(f.u.admin, programInput("edited-program"), ctx);
  const [programRow] = await db.db.select({ updatedAt: programs.updatedAt }).from(programs).where(eq(programs.id, program.id));
  const { key: _key, ...programEdit } = programInput("edited-program");
  const invite = (email: string) => ({ email, name: "Ana Pérez", locale: "es", roles: ["reviewer"], countryIso2: "", organizationId: "" });
  const active = await inviteUser(f.u.admin, invite("active.reviewer@example.org") as never, ctx);
  const inactive = await inviteUser(f.u.admin, invite("inactive.reviewer@example.org") as never, ctx);
  await deactivateUser(f.u.admin, { userId: inactive.id }, ctx);
  const [activeRow] = await db.db.select({ updatedAt: users.updatedAt }).from(users).where(eq(users.id, active.id));

  // A session with a passkey, and one without, for the WebAuthn ceremonies.
  const signerFor = async (token: string) => ({ userId: f.u.officer.id, email: f.u.officer.email, name: f.u.officer.name, sessionToken: token });
  // `complete`: the second factor is done (only such a session adds a passkey once the user has one).
  const newSession = async (complete = false) => {
    const token = `tok_${randomUUID()}`;
    await db.db.insert(sessions).values({ sessionToken: token, userId: f.u.officer.id, expires: new Date(Date.now() + 3600_000), secondFactorAt: complete ? new Date() : null });
    return token;
  };
  const authenticator = new SoftwareAuthenticator("http://localhost:3700");
  const registered = await signerFor(await newSession());
  await finishPasskeyRegistration(registered, authenticator.register(await startPasskeyRegistration(registered)), "Laptop", ctx);
  // A second passkey, so that the first one may be removed.
  const spare = await signerFor(await newSession(true));
  await finishPasskeyRegistration(spare, new SoftwareAuthenticator("http://localhost:3700").register(await startPasskeyRegistration(spare)), "Spare", ctx);
  const [laptop] = await db.db.select({ id: passkeys.id }).from(passkeys).where(and(eq(passkeys.userId, f.u.officer.id), eq(passkeys.name, "Laptop")));
  const newcomer = await signerFor(await newSession(true));
  const newcomerAuthenticator = new SoftwareAuthenticator("http://localhost:3700");
  const sampleRegistration = newcomerAuthenticator.register(await startPasskeyRegistration(newcomer));
  const sampleAssertion = authenticator.assert(await startPasskeyAuthentication(registered));
  const [demoUser] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, "officer@example.org"));

  // The request versions the forms were opened with.
  const versions = { screening: await version(screening), reviewing: await version(reviewing), toApprove: await version(toApprove) };
  specs.push(
    // Requests
    {
      fn: "requests.createRequest",
      variant: "draft",
      schema: requestDraftSchema,
      valid: content,
      // Any well-formed UUID is a new creation key.
      args: { creationKey: { kind: "id", valid: randomUUID(), mayAccept: ["unknown uuid", "nil uuid"] } },
      run: (input, a) => createRequest(f.u.gt, withIds(input, { ...a, submit: false }), ctx),
      actor: () => f.u.gt,
      action: (input, a) => createRequestAction(withIds(input, { ...a, submit: false }) as never),
    },
    {
      fn: "requests.createRequest",
      variant: "submitted",
      schema: submitRequestSchema,
      valid: content,
      run: (input) => createRequest(f.u.gt, withIds(input, { submit: true, creationKey: randomUUID() }), ctx),
      actor: () => f.u.gt,
      action: (input) => createRequestAction(withIds(input, { submit: true, creationKey: randomUUID() }) as never),
    },
    {
      fn: "requests.saveRequest",
      schema: submitRequestSchema,
      valid: content,
      args: { requestId: { kind: "id", valid: draft }, expectedVersion: { kind: "version", valid: await version(draft) } },
      run: (input, a) => saveRequest(f.u.gt, withIds(input, { ...a, submit: true }), ctx),
      actor: () => f.u.gt,
      action: (input, a) => saveRequestAction(withIds(input, { ...a, submit: true }) as never),
    },
    {
      fn: "requests.withdrawRequest",
      args: { requestId: { kind: "id", valid: submittedId }, expectedVersion: { kind: "version", valid: await version(submittedId) } },
      run: (_input, a) => withdrawRequest(f.u.gt, { requestId: a.requestId, expectedVersion: a.expectedVersion }, ctx),
      actor: () => f.u.gt,
      action: (_input, a) => withdrawRequestAction({ requestId: a.requestId, expectedVersion: a.expectedVersion } as never),
    },
    // Attachments
    {
      fn: "attachments.addRequestAttachments",
      args: { requestId: { kind: "id", valid: draft } },
      valid: () => [file("budget.pdf", pdf())],
      extraCases: fileCases,
      run: async (input, a) => storedNamesAreSafe(await addRequestAttachments(f.u.gt, { requestId: a.requestId as string, files: input as UploadedFile[] }, ctx)),
    },
    {
      fn: "attachments.removeRequestAttachment",
      // Removing a file that is not there answers "nothing removed" (a repeated click), without an error.
      args: { requestId: { kind: "id", valid: draft }, attachmentId: { kind: "id", valid: attachment.id, mayAccept: ["unknown uuid", "nil uuid"] } },
      run: (_input, a) => removeRequestAttachment(f.u.gt, { requestId: a.requestId as string, attachmentId: a.attachmentId as string }, ctx),
      actor: () => f.u.gt,
      action: (_input, a) => removeAttachmentAction(a as never),
    },
    // Screening, decisions, comments
    {
      fn: "screening.startScreening",
      args: { requestId: { kind: "id", valid: submittedId }, expectedVersion: { kind: "version", valid: await version(submittedId) } },
      run: (_input, a) => startScreening(f.u.officer, { requestId: a.requestId, expectedVersion: a.expectedVersion }, ctx),
      actor: () => f.u.officer,
      action: (input, a) => startScreeningAction({ requestId: a.requestId, expectedVersion: a.expectedVersion } as never),
    },
    {
      fn: "screening.completeScreening",
      variant: "send to review",
      schema: completeScreeningSchema,
      valid: () => ({ programId: oasMarking, checklist: FULL_CHECKLIST, outcome: "send_to_review", expectedVersion: versions.screening }),
      args: { requestId: { kind: "id", valid: screening } },
      run: (input, a) => completeScreening(f.u.officer, withIds(input, a), ctx),
      actor: () => f.u.officer,
      action: (input, a) => completeScreeningAction(withIds(input, a) as never),
    },
    {
      fn: "screening.completeScreening",
      variant: "request changes",
      schema: completeScreeningSchema,
      valid: () => ({ outcome: "request_changes", message: "Please add the list of agencies that will operate the machines.", expectedVersion: versions.screening }),
      run: (input) => completeScreening(f.u.officer, withIds(input, { requestId: screening }), ctx),
      actor: () => f.u.officer,
      action: (input) => completeScreeningAction(withIds(input, { requestId: screening }) as never),
    },
    {
      fn: "decisions.decideRequest",
      schema: decideRequestSchema,
      valid: () => ({ decision: "request_changes", memo: "Please phase the purchase over two years.", expectedVersion: versions.reviewing }),
      args: { requestId: { kind: "id", valid: reviewing } },
      run: (input, a) => decideRequest(f.u.officer, withIds(input, a), ctx),
      actor: () => f.u.officer,
      action: (input, a) => decideRequestAction(withIds(input, a) as never),
    },
    {
      fn: "comments.addComment",
      schema: addCommentSchema,
      valid: () => ({ visibility: "internal", body: "The cost per machine matches the 2025 tender." }),
      args: { requestId: { kind: "id", valid: reviewing } },
      run: (input, a) => addComment(f.u.officer, withIds(input, a), ctx),
      actor: () => f.u.officer,
      action: (input, a) => addCommentAction(withIds(input, a) as never),
    },
    // Reviews
    {
      fn: "reviews.assignReviewers",
      schema: assignReviewersSchema,
      valid: () => ({ reviewerIds: [f.u.reviewer.id], programId: oasMarking, proposedPartnerId: oas }),
      args: { requestId: { kind: "id", valid: screening } },
      run: (input, a) => assignReviewers(f.u.officer, withIds(input, a), ctx),
      actor: () => f.u.officer,
      action: (input, a) => assignReviewersAction(withIds(input, a) as never),
    },
    {
      fn: "reviews.declareConflict",
      schema: declareConflictSchema,
      valid: () => ({ hasConflict: "true", reason: "I advised the PNC on this tender in 2025." }),
      args: { assignmentId: { kind: "id", valid: awaitingDeclaration } },
      run: (input, a) => declareConflict(f.u.reviewer, withIds(input, a), ctx),
      actor: () => f.u.reviewer,
      action: (input, a) => declareConflictAction(withIds(input, a) as never),
    },
    {
      fn: "reviews.submitReview",
      schema: submitReviewSchema,
      valid: () => ({
        scores: criteria.map((c) => ({ criterionId: c.id, score: "4", comment: "Clear and well costed." })),
        recommendation: "approve",
        comment: "Fund in one phase.",
      }),
      args: { assignmentId: { kind: "id", valid: activeAssignment } },
      run: (input, a) => submitReview(f.u.reviewer, withIds(input, a), ctx),
      actor: () => f.u.reviewer,
      action: (input, a) => submitReviewAction(withIds(input, a) as never),
    },
    // Awards
    {
      fn: "awards.createAward",
      schema: createAwardSchema,
      valid: () => ({
        requestId: toApprove,
        programId: oasMarking,
        implementingPartnerId: oas,
        amount: "100000",
        startsOn: "2026-09-01",
        endsOn: "2027-08-31",
        tranches: [
          { amount: "60000", plannedOn: "2026-09-15" },
          { amount: "40000", plannedOn: "2027-03-01" },
        ],
        deliverables: [{ title: "Marking machines delivered and installed", dueOn: "2027-01-31" }],
        expectedVersion: versions.toApprove,
      }),
      run: (input) => createAward(f.u.officer, input, ctx),
      actor: () => f.u.officer,
      action: (input) => createAwardAction(input as never),
    },
    {
      fn: "awards.approveAward",
      args: { awardId: { kind: "id", valid: pending.id }, expectedVersion: { kind: "version", valid: 1 } },
      run: (_input, a) => approveAward(f.u.approver, { awardId: a.awardId, expectedVersion: a.expectedVersion }, ctx),
      actor: () => f.u.approver,
      action: (input, a) => approveAwardAction({ awardId: a.awardId, expectedVersion: a.expectedVersion } as never),
    },
    // Delivery: tranches, deliverables, equipment
    {
      fn: "tranches.setTrancheCondition",
      schema: trancheConditionSchema,
      valid: () => ({ type: "deliverable", deliverableId: delivery.deliverables[0] }),
      args: { trancheId: { kind: "id", valid: delivery.tranches[0] } },
      run: (input, a) => setTrancheCondition(f.u.officer, withIds(input, { trancheId: a.trancheId as string }), ctx),
      actor: () => f.u.officer,
      action: (input, a) => setTrancheConditionAction(withIds(input, { awardId: delivery.id, trancheId: a.trancheId as string }) as never),
    },
    {
      fn: "tranches.setTrancheCondition",
      variant: "report",
      schema: trancheConditionSchema,
      valid: () => ({ type: "report", periodNumber: "2" }),
      run: (input) => setTrancheCondition(f.u.officer, withIds(input, { trancheId: delivery.tranches[0] }), ctx),
      actor: () => f.u.officer,
      action: (input) => setTrancheConditionAction(withIds(input, { awardId: delivery.id, trancheId: delivery.tranches[0] }) as never),
    },
    {
      fn: "tranches.recordDisbursement",
      schema: recordDisbursementSchema,
      valid: () => ({ amount: "40000", disbursedOn: "2026-09-01" }),
      args: { trancheId: { kind: "id", valid: delivery.tranches[1] } },
      run: (input, a) => recordDisbursement(f.u.officer, withIds(input, { trancheId: a.trancheId as string }), today),
      actor: () => f.u.officer,
      action: (input, a) => recordDisbursementAction(withIds(input, { awardId: delivery.id, trancheId: a.trancheId as string }) as never),
    },
    {
      fn: "deliverables.addDeliverable",
      schema: addDeliverableSchema,
      valid: () => ({ title: "Training curriculum approved", dueOn: "2027-06-30" }),
      args: { awardId: { kind: "id", valid: delivery.id } },
      run: (input, a) => addDeliverable(f.u.officer, withIds(input, { awardId: a.awardId as string }), ctx),
      actor: () => f.u.officer,
      action: (input, a) => addDeliverableAction(withIds(input, { awardId: a.awardId as string }) as never),
    },
    {
      fn: "deliverables.addDeliverableEvidence",
      args: { deliverableId: { kind: "id", valid: delivery.deliverables[0] } },
      valid: () => [file("photos.pdf", pdf())],
      extraCases: fileCases,
      run: async (input, a) => storedNamesAreSafe(await addDeliverableEvidence(f.u.gt, { deliverableId: a.deliverableId as string, files: input as UploadedFile[] }, ctx)),
    },
    {
      fn: "deliverables.submitDeliverable",
      schema: submitDeliverableSchema,
      valid: () => ({ expectedVersion: 1 }),
      args: { deliverableId: { kind: "id", valid: delivery.deliverables[0] } },
      run: (input, a) => submitDeliverable(f.u.gt, withIds(input, { deliverableId: a.deliverableId as string }), ctx),
      actor: () => f.u.gt,
      action: (input, a) => submitDeliverableAction(withIds(input, { awardId: delivery.id, deliverableId: a.deliverableId as string }) as never),
    },
    {
      fn: "deliverables.decideDeliverable",
      schema: deliverableDecisionSchema,
      valid: () => ({ decision: "return", comment: "The signed handover form is missing.", expectedVersion: 1 }),
      args: { deliverableId: { kind: "id", valid: delivery.deliverables[1] } },
      run: (input, a) => decideDeliverable(f.u.officer, withIds(input, { deliverableId: a.deliverableId as string }), ctx),
      actor: () => f.u.officer,
      action: (input, a) => decideDeliverableAction(withIds(input, { awardId: delivery.id, deliverableId: a.deliverableId as string }) as never),
    },
    {
      fn: "equipment.addEquipmentItem",
      schema: addEquipmentItemSchema,
      valid: () => ({ kind: "Dot-peen marking machine", model: "DP-9", quantity: "3", handoverOn: "2026-04-01", custodianAgency: "DIGECAM", condition: "good" }),
      args: { awardId: { kind: "id", valid: delivery.id } },
      run: (input, a) => addEquipmentItem(f.u.partner, withIds(input, { awardId: a.awardId as string }), today),
      actor: () => f.u.partner,
      action: (input, a) => addEquipmentItemAction(withIds(input, { awardId: a.awardId as string }) as never),
    },
    {
      fn: "equipment.updateEquipmentCondition",
      schema: updateEquipmentConditionSchema,
      valid: () => ({ condition: "fair" }),
      args: { itemId: { kind: "id", valid: item.id } },
      run: (input, a) => updateEquipmentCondition(f.u.partner, withIds(input, { itemId: a.itemId as string }), today),
      actor: () => f.u.partner,
      action: (input, a) => updateEquipmentConditionAction(withIds(input, { awardId: delivery.id, itemId: a.itemId as string }) as never),
    },
    {
      fn: "equipment.addEquipmentCheck",
      schema: addEquipmentCheckSchema,
      valid: () => ({ checkedOn: "2026-11-02", result: "in_use_as_intended", note: "Seen in daily use at the armoury." }),
      args: { itemId: { kind: "id", valid: item.id } },
      run: (input, a) => addEquipmentCheck(f.u.partner, withIds(input, { itemId: a.itemId as string }), today),
      actor: () => f.u.partner,
      action: (input, a) => addEquipmentCheckAction(withIds(input, { awardId: delivery.id, itemId: a.itemId as string }) as never),
    },
    // Reporting
    {
      fn: "reporting.setAwardIndicators",
      schema: indicatorsFormSchema,
      valid: () => ({ indicators: indicatorRows }),
      args: { awardId: { kind: "id", valid: reporting.id } },
      run: (input, a) => setAwardIndicators(f.u.officer, withIds(input, a), ctx),
      actor: () => f.u.officer,
      action: (input, a) => setAwardIndicatorsAction(withIds(input, a) as never),
    },
    {
      fn: "reporting.setReportingFrequency",
      schema: reportingFrequencySchema,
      valid: () => ({ frequencyMonths: "6" }),
      args: { awardId: { kind: "id", valid: calendar.id }, expectedFrequencyMonths: { kind: "number", valid: 3 } },
      run: (input, a) => setReportingFrequency(f.u.officer, withIds(input, a), ctx),
      actor: () => f.u.officer,
      action: (input, a) => setReportingFrequencyAction(withIds(input, a) as never),
    },
    {
      fn: "reporting.saveReport",
      schema: reportDraftSchema,
      valid: report,
      args: { awardId: { kind: "id", valid: reporting.id }, periodNumber: { kind: "number", valid: 1 } },
      run: (input, a) => saveReport(f.u.gt, withIds(input, { ...a, submit: true }), today),
      actor: () => f.u.gt,
      action: (input, a) => saveReportAction(withIds(input, { ...a, submit: true }) as never),
    },
    {
      fn: "reporting.decideReport",
      schema: reportDecisionSchema,
      valid: () => ({ decision: "return", comment: "Please add the breakdown by agency.", expectedVersion: submittedReport.version }),
      args: { reportId: { kind: "id", valid: submittedReport.id } },
      run: (input, a) => decideReport(f.u.officer, withIds(input, a), ctx),
      actor: () => f.u.officer,
      action: (input, a) => decideReportAction(withIds(input, a) as never),
    },
    {
      fn: "reporting.ensureReportingCalendar",
      args: { awardId: { kind: "id", valid: calendar.id } },
      run: (_input, a) => ensureReportingCalendar(f.u.officer, a.awardId as string),
    },
    // Programs and users
    {
      fn: "programs.createProgram",
      schema: createProgramSchema,
      valid: () => programInput("new-program"),
      run: (input) => createProgram(f.u.admin, input, ctx),
      actor: () => f.u.admin,
      action: (input) => createProgramAction(input as Parameters<typeof createProgramAction>[0]),
    },
    {
      fn: "programs.updateProgram",
      schema: updateProgramSchema,
      valid: () => ({ ...programEdit, expectedUpdatedAt: programRow.updatedAt.toISOString() }),
      args: { programId: { kind: "id", valid: program.id } },
      run: (input, a) => updateProgram(f.u.admin, { ...(input as object), programId: a.programId }, ctx),
      actor: () => f.u.admin,
      action: (input, a) => updateProgramAction({ ...(input as object), programId: a.programId } as Parameters<typeof updateProgramAction>[0]),
    },
    {
      fn: "users.inviteUser",
      schema: inviteUserSchema,
      valid: () => invite("new.reviewer@example.org"),
      run: (input) => inviteUser(f.u.admin, input as never, ctx),
      actor: () => f.u.admin,
      action: (input) => inviteUserAction(input as never),
    },
    {
      fn: "users.updateUser",
      schema: updateUserSchema,
      valid: () => ({ name: "Ana María Pérez", locale: "en", roles: ["reviewer", "approver"], countryIso2: "", organizationId: "", expectedUpdatedAt: activeRow.updatedAt.toISOString() }),
      args: { userId: { kind: "id", valid: active.id } },
      run: (input, a) => updateUser(f.u.admin, withIds(input, a), ctx),
      actor: () => f.u.admin,
      action: (input, a) => updateUserAction(withIds(input, a) as never),
    },
    {
      fn: "users.deactivateUser",
      args: { userId: { kind: "id", valid: active.id } },
      run: (_input, a) => deactivateUser(f.u.admin, a, ctx),
      actor: () => f.u.admin,
      action: (_input, a) => deactivateUserAction(a as never),
    },
    {
      fn: "users.reactivateUser",
      args: { userId: { kind: "id", valid: inactive.id } },
      run: (_input, a) => reactivateUser(f.u.admin, a, ctx),
      actor: () => f.u.admin,
      action: (_input, a) => reactivateUserAction(a as never),
    },
    // Signing in
    {
      fn: "auth.setOwnLocale",
      args: { locale: { kind: "locale", valid: "en" } },
      run: (_input, a) => setOwnLocale(f.u.gt.id, a.locale as never),
      actionAnswersNothing: true,
      actionMayAccept: ["locale: wrong type (array)"],
      actor: () => f.u.gt,
      action: (input, a) => setLocaleAction(formDataOf({ locale: a.locale })),
    },
    {
      fn: "auth.createDemoSession",
      args: { userId: { kind: "id", valid: demoUser.id } },
      actor: () => f.u.gt,
      actionMayAccept: ["userId: wrong type (array)"],
      action: (_input, a) => demoMode(() => demoSignInAction(formDataOf({ userId: a.userId }))),
      run: (_input, a) => demoMode(() => createDemoSession(a.userId as string, ctx)),
    },
    {
      fn: "action.requestSignInLinkAction",
      schema: signInSchema,
      valid: () => ({ email: "focal.gt@example.org", callbackUrl: "/requests" }),
      actor: () => f.u.gt,
      action: (input) => requestSignInLinkAction(input as never),
    },
    {
      fn: "passkeys.finishPasskeyRegistration",
      valid: () => "valid",
      args: { name: { variants: nameVariants, valid: "Work laptop" } },
      extraCases: () => responseCases(sampleRegistration as unknown as Record<string, unknown>),
      isRefusal: (error) => error instanceof PasskeyDeniedError,
      refusalWrites: ["audit_events", "webauthn_challenges"],
      run: async (input, a) => {
        const options = await startPasskeyRegistration(newcomer);
        const response = input === "valid" ? newcomerAuthenticator.register(options) : input;
        await finishPasskeyRegistration(newcomer, response as never, a.name, ctx);
        const [stored] = await (await getDb()).select({ name: passkeys.name }).from(passkeys).where(eq(passkeys.userId, f.u.officer.id)).orderBy(desc(passkeys.createdAt)).limit(1);
        if (!isSafeText(stored.name) || stored.name.includes("\uFFFD")) throw new Error(`stored an unsafe passkey name: ${JSON.stringify(stored.name)}`);
      },
    },
    {
      fn: "action.registerPasskeyAction",
      valid: () => "valid",
      extraCases: () => responseCases(sampleRegistration as unknown as Record<string, unknown>),
      refusalWrites: ["audit_events", "webauthn_challenges"],
      actor: () => f.u.officer,
      action: async (input) => {
        session.token = newcomer.sessionToken;
        const options = await passkeyRegistrationOptionsAction();
        if (!options.ok) return options;
        return registerPasskeyAction(input === "valid" ? newcomerAuthenticator.register(options.data) : input, { name: "Work laptop" });
      },
    },
    {
      fn: "action.verifyPasskeyAction",
      valid: () => "valid",
      extraCases: () => responseCases(sampleAssertion as unknown as Record<string, unknown>),
      refusalWrites: ["audit_events", "webauthn_challenges"],
      actor: () => f.u.officer,
      action: async (input) => {
        session.token = registered.sessionToken;
        const options = await passkeyAuthenticationOptionsAction();
        if (!options.ok) return options;
        return verifyPasskeyAction(input === "valid" ? authenticator.assert(options.data) : input);
      },
    },
    {
      fn: "passkeys.removePasskey",
      args: { passkeyId: { kind: "id", valid: laptop.id } },
      run: (_input, a) => removePasskey(f.u.officer, a, ctx),
      actor: () => f.u.officer,
      action: (_input, a) => removePasskeyAction(a as never),
    },
    {
      fn: "users.resetUserPasskeys",
      args: { userId: { kind: "id", valid: f.u.officer.id } },
      run: (_input, a) => resetUserPasskeys(f.u.admin, a, ctx),
      actor: () => f.u.admin,
      action: (_input, a) => resetUserPasskeysAction(a as never),
    },
    {
      fn: "passkeys.finishPasskeyAuthentication",
      valid: () => "valid",
      extraCases: () => responseCases(sampleAssertion as unknown as Record<string, unknown>),
      isRefusal: (error) => error instanceof PasskeyDeniedError,
      refusalWrites: ["audit_events", "webauthn_challenges"],
      run: async (input) => {
        const options = await startPasskeyAuthentication(registered);
        const response = input === "valid" ? authenticator.assert(options) : input;
        await finishPasskeyAuthentication(registered, response as never, ctx);
      },
    },
  );
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: unknown;
  changed: string[];
}

/** One call in a transaction that is rolled back afterwards, and whether a refusal left anything behind. */
async function attempt(spec: Spec, baseline: Record<string, string>, call: () => Promise<unknown>, isRefused: (o: Outcome) => boolean): Promise<Outcome> {
  return inRolledBackTransaction(db, async (tx) => {
    let outcome: Outcome;
    try {
      outcome = { ok: true, value: await call(), changed: [] };
    } catch (error) {
      outcome = { ok: false, error, changed: [] };
    }
    if (!isRefused(outcome)) return outcome;
    try {
      if (await hasWritten(tx)) outcome.changed = changedTables(baseline, await databaseFingerprint(tx, spec.refusalWrites));
    } catch (inner) {
      outcome.changed = [`(the transaction could not be read: ${describeError(inner)})`];
    }
    return outcome;
  });
}

interface Run {
  /** A field of the input, an argument beside it, the whole input, or a case of the spec's own. */
  kind: "field" | "argument" | "other";
  label: string;
  input: unknown;
  args: Args;
  expectation: "refuse" | "either";
}

/** The cases of a spec: its schema's generated ones, its own, and every argument's variants. */
function runsOf(spec: Spec, validInput: unknown, validArgs: Args): Run[] {
  const runs: Run[] = [];
  if (spec.schema) {
    for (const c of casesFor(spec.schema, validInput)) {
      const kind = c.label.startsWith("input: ") || c.label === "extra unknown field" ? "other" : "field";
      runs.push({ kind, label: c.label, input: c.input, args: validArgs, expectation: expectationOf(c, (v) => spec.schema!.safeParse(v).success) });
    }
  }
  for (const c of spec.extraCases?.() ?? []) runs.push({ kind: "other", label: c.label, input: c.input, args: validArgs, expectation: c.clearlyMalformed ? "refuse" : "either" });
  for (const [name, arg] of Object.entries(spec.args ?? {})) {
    const variants = arg.variants ? arg.variants() : argumentVariants(arg.kind ?? "id", arg.valid);
    for (const c of variants) {
      const expectation = c.clearlyMalformed && !arg.mayAccept?.includes(c.label) ? "refuse" : "either";
      runs.push({ kind: "argument", label: `${name}: ${c.label}`, input: validInput, args: { ...validArgs, [name]: c.input }, expectation });
    }
  }
  return runs;
}

/** Every case of a spec against its mutation, with the problems found (an empty list when all is well). */
async function tryMutation(spec: Spec): Promise<{ problems: string[]; cases: number }> {
  const run = spec.run!;
  const problems: string[] = [];
  const baseline = await databaseFingerprint(db.db, spec.refusalWrites);
  const validArgs: Args = Object.fromEntries(Object.entries(spec.args ?? {}).map(([k, v]) => [k, v.valid]));
  const validInput = spec.valid?.();
  const refuses = (error: unknown) => isKnownRefusal(error) || (spec.isRefusal?.(error) ?? false);
  const refused = (o: Outcome) => !o.ok;

  // The valid input must go through: otherwise the cases below would only test the fixture.
  const first = await attempt(spec, baseline, () => run(validInput, validArgs), refused);
  if (!first.ok) return { problems: [`${spec.fn}: the valid input is refused: ${describeError(first.error)} ${JSON.stringify(first.error)}`], cases: 1 };

  const runs = runsOf(spec, validInput, validArgs);
  for (const r of runs) {
    const outcome = await attempt(spec, baseline, () => run(r.input, r.args), refused);
    const where = `${spec.fn}${spec.variant ? ` (${spec.variant})` : ""} | ${r.label}`;
    if (outcome.ok) {
      if (r.expectation === "refuse") problems.push(`${where}: accepted`);
      continue;
    }
    if (!refuses(outcome.error)) {
      problems.push(`${where}: unhandled ${describeError(outcome.error)}`);
      continue;
    }
    if (isKnownRefusal(outcome.error)) for (const p of messageProblems(outcome.error)) problems.push(`${where}: ${p}`);
    if (outcome.changed.length > 0) problems.push(`${where}: refused but changed ${outcome.changed.join(", ")}`);
  }
  // Nothing of the cases stayed: every transaction was rolled back.
  const after = changedTables(baseline, await databaseFingerprint(db.db, spec.refusalWrites));
  if (after.length > 0) problems.push(`${spec.fn}: the database changed across the cases: ${after.join(", ")}`);
  return { problems, cases: runs.length + 1 };
}

/**
 * The cases an action is tried with: the whole input, every argument, and per field the malformed values
 * most likely to reach past a schema (the mutation layer above tries them all).
 */
const ACTION_FIELD_CASE = /: (wrong type \(object\)|missing|NUL|1e15|20,000 characters|right-to-left override|2025-02-30)$/;

/**
 * Every case of a spec through its server action, as the signed-in actor, alternately in English and
 * Spanish: a refusal must come back as the form's result with messages in that language, or as the 404
 * page; success redirects or answers ok; anything thrown besides is a server error.
 */
async function tryAction(spec: Spec): Promise<{ problems: string[]; cases: number }> {
  const action = spec.action!;
  const actor = spec.actor!();
  const as = (locale: "en" | "es") => {
    session.user = { ...actor, locale };
    return locale;
  };
  as("en");
  const problems: string[] = [];
  const baseline = await databaseFingerprint(db.db, spec.refusalWrites);
  const validArgs: Args = Object.fromEntries(Object.entries(spec.args ?? {}).map(([k, v]) => [k, v.valid]));
  const validInput = spec.valid?.();
  // A quiet action is judged by what it wrote: a refusal writes nothing.
  const quiet = spec.actionAnswersNothing === true;
  const accepted = (o: Outcome) =>
    o.ok ? (quiet ? o.changed.length > 0 : (o.value as { ok?: unknown } | undefined)?.ok !== false) : actionThrowKind(o.error) === "redirect";
  const refused = (o: Outcome) => (o.ok ? quiet || (o.value as { ok?: unknown } | undefined)?.ok === false : actionThrowKind(o.error) === "notFound");

  const first = await attempt(spec, baseline, () => action(validInput, validArgs), refused);
  if (!accepted(first)) return { problems: [`${spec.fn} action: the valid input is refused: ${first.ok ? JSON.stringify(first.value) : describeError(first.error)}`], cases: 1 };

  const runs = runsOf(spec, validInput, validArgs).filter((r) => r.kind !== "field" || ACTION_FIELD_CASE.test(r.label));
  let n = 0;
  for (const r of runs) {
    const locale = as(n++ % 2 === 0 ? "es" : "en");
    const outcome = await attempt(spec, baseline, () => action(r.input, r.args), refused);
    const where = `${spec.fn} action${spec.variant ? ` (${spec.variant})` : ""} | ${r.label} [${locale}]`;
    if (accepted(outcome)) {
      if (r.expectation === "refuse" && !spec.actionMayAccept?.includes(r.label)) problems.push(`${where}: accepted`);
      continue;
    }
    if (!refused(outcome)) {
      problems.push(`${where}: server error ${describeError(outcome.error)}`);
      continue;
    }
    if (outcome.ok && !quiet) for (const p of actionResultProblems(outcome.value, locale)) problems.push(`${where}: ${p}`);
    if (outcome.changed.length > 0 && !quiet) problems.push(`${where}: refused but changed ${outcome.changed.join(", ")}`);
  }
  session.user = null;
  return { problems, cases: runs.length + 1 };
}

/** A passkey's name is free text from the browser: cleaned when stored, never refused. */
function nameVariants(): Case[] {
  return [
    ["NUL", "Work\u0000laptop"],
    ["lone high surrogate", "Work laptop\uD800"],
    ["lone low surrogate", "\uDC00Work laptop"],
    ["right-to-left override", "Work\u202Elaptop"],
    ["20,000 characters", "x".repeat(20_000)],
    ["an emoji cut at 60 characters", `${"x".repeat(59)}\uD83D\uDE00`],
    ["a number", 42],
    ["null", null],
  ].map(([label, input]) => ({ label: String(label), input, clearlyMalformed: false }));
}

describe("malformed input", () => {
  it("to every mutation is refused with a known error, messages in both languages and the data unchanged", async () => {
    const problems: string[] = [];
    let cases = 0;
    for (const spec of specs.filter((s) => s.run)) {
      const result = await tryMutation(spec);
      cases += result.cases;
      problems.push(...result.problems);
    }
    console.info(`mutations: ${new Set(specs.filter((s) => s.run).map((s) => s.fn)).size} tried with ${cases} cases`);
    expect(problems).toEqual([]);
    expect(cases).toBeGreaterThan(5000);
  }, 300_000);

  it("to every action comes back as the form's result in the reader's language, or the 404 page, never a server error", async () => {
    const problems: string[] = [];
    let cases = 0;
    for (const spec of specs.filter((s) => s.action)) {
      const result = await tryAction(spec);
      cases += result.cases;
      problems.push(...result.problems);
    }
    console.info(`actions: ${specs.filter((s) => s.action).length} tried with ${cases} cases`);
    expect(problems).toEqual([]);
    expect(cases).toBeGreaterThan(1000);
  }, 300_000);
});

/** Exported functions of lib/<area>/mutations.ts that take nothing a person typed or sent, and why. */
const TAKES_NO_USER_INPUT: Record<string, string> = {
  "attachments.checkUploads": "the upload rules, called by the upload mutations above with the files they were given",
  "audit.recordAudit": "writes an audit row inside the caller's transaction, from values the server built",
  "audit.recordDenied": "writes a denied audit row from values the server built",
  "audit.denied": "tags an error the server built with the denial to record",
  "audit.auditingDenials": "runs the caller's transaction and records the denial it was refused with",
  "audit.notVisible": "called by the visibility-checked lookups with the id they were given; anything but a UUID is not looked up",
  "auth.recordAuthEvent": "records a sign-in event from values the server built",
  "auth.resolveSession": "reads the session cookie; a token no session has is no session (lib/auth/sessions.int.test.ts tries malformed ones)",
  "auth.endSession": "signs out the session cookie; a token no session has ends nothing (lib/auth/sessions.int.test.ts)",
  "passkeys.PasskeyDeniedError": "an error class, not a mutation",
  "passkeys.startPasskeyRegistration": "takes only the session's signer",
  "passkeys.startPasskeyAuthentication": "takes only the session's signer",
  "requests.applyTransition": "inside the caller's transaction, for a request and version the caller checked",
  "requests.focalPointsOf": "a lookup inside the caller's transaction",
};

/** Server actions that take nothing a person typed or sent, and why. */
const ACTIONS_WITHOUT_INPUT: Record<string, string> = {
  signOutAction: "signs the session out; it takes no argument",
};

/** The files under app/ that hold server actions: actions.ts and *-actions.ts. */
function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === "actions.ts" || entry.name.endsWith("-actions.ts") ? [full] : [];
  });
}

describe("the lists of mutations and actions above", () => {
  it("covers every exported function of every lib/*/mutations.ts, or says why it takes no user input", async () => {
    const lib = path.join(import.meta.dirname, "..", "lib");
    const areas = readdirSync(lib).filter((d) => existsSync(path.join(lib, d, "mutations.ts")));
    expect(areas.length).toBeGreaterThan(10);
    const covered = new Set(specs.map((s) => s.fn));
    const missing: string[] = [];
    for (const area of areas) {
      const mod = (await import(path.join(lib, area, "mutations.ts"))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const id = `${area}.${name}`;
        if (!covered.has(id) && !(id in TAKES_NO_USER_INPUT)) missing.push(id);
      }
    }
    expect(missing).toEqual([]);
    for (const id of Object.keys(TAKES_NO_USER_INPUT)) expect(covered.has(id), `${id} is listed as taking no input but is tried`).toBe(false);
  });

  it("covers every exported server action under app/, or says why it takes no user input", async () => {
    const files = actionFiles(path.join(import.meta.dirname, "..", "app"));
    expect(files.length).toBeGreaterThan(8);
    // The actions a spec calls, read from its call (each spec's `action` names the one it runs).
    const called = new Set(specs.flatMap((s) => [...String(s.action ?? "").matchAll(/\b(\w+Action)\(/g)].map((m) => m[1])));
    const missing: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value === "function" && !called.has(name) && !(name in ACTIONS_WITHOUT_INPUT)) missing.push(`${path.relative(path.join(import.meta.dirname, ".."), file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
