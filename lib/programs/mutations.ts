import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { execRows, type Tx } from "@/db/client";
import { countries, organizations, programCategories, programCountries, programDonors, programs, rubricCriteria } from "@/db/schema";
import { isUniqueViolation } from "@/lib/awards/workflow";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { audit, defineMutation } from "@/lib/mutations/define";
import { recordId } from "@/lib/mutations/parse";
import { majorToMinor } from "@/lib/money";
import { isRubricLocked } from "./unchecked";
import { checkProgram, createProgramSchema, updateProgramFields, type CreateProgramInput, type UpdateProgramInput } from "./schema";
import { committedFundsSql } from "./funds";

// Strictly later than the stored value at millisecond precision (what a JavaScript Date keeps), so a
// form loaded before this change can never match the new version.
const nextVersion = sql`greatest(now(), ${programs.updatedAt} + interval '1 millisecond')`;

type ProgramInput = CreateProgramInput | UpdateProgramInput;

/** The columns a program's form sets, amounts in minor units. */
function programColumns(value: ProgramInput) {
  return {
    nameEn: value.nameEn,
    nameEs: value.nameEs,
    currency: value.currency,
    ceilingMinor: majorToMinor(value.ceiling),
    perAwardCapMinor: value.perAwardCap === undefined ? null : majorToMinor(value.perAwardCap),
    approvalThresholdMinor: majorToMinor(value.approvalThreshold),
    startsOn: value.startsOn,
    endsOn: value.endsOn,
  };
}

/** Donors must be donor organizations and countries recipient countries, checked against the database. */
async function checkReferences(tx: Tx, value: ProgramInput): Promise<void> {
  const fieldErrors: FieldErrors = {};
  const donors = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.id, value.donorIds), eq(organizations.type, "donor")));
  if (donors.length !== value.donorIds.length) fieldErrors.donorIds = { key: "programs.errors.donorInvalid" };
  const recipients = await tx
    .select({ iso2: countries.iso2 })
    .from(countries)
    .where(and(inArray(countries.iso2, value.countryIsos), eq(countries.isRecipient, true)));
  if (recipients.length !== value.countryIsos.length) fieldErrors.countryIsos = { key: "programs.errors.countryInvalid" };
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors, { key: "common.errors.invalidInput" });
}

async function replaceSets(tx: Tx, programId: string, value: ProgramInput): Promise<void> {
  await tx.delete(programDonors).where(eq(programDonors.programId, programId));
  await tx.insert(programDonors).values(value.donorIds.map((organizationId) => ({ programId, organizationId })));
  await tx.delete(programCountries).where(eq(programCountries.programId, programId));
  await tx.insert(programCountries).values(value.countryIsos.map((countryIso2) => ({ programId, countryIso2 })));
  await tx.delete(programCategories).where(eq(programCategories.programId, programId));
  await tx.insert(programCategories).values(value.categories.map((category) => ({ programId, category })));
}

async function insertRubric(tx: Tx, programId: string, rubric: ProgramInput["rubric"]): Promise<void> {
  await tx.insert(rubricCriteria).values(rubric.map((c, position) => ({ programId, key: c.key, nameEn: c.nameEn, nameEs: c.nameEs, weight: c.weight, position })));
}

/** Creates a program with its donors, countries, categories and rubric, and the audit event. Admins. */
export const createProgram = defineMutation({
  permission: "programs.manage",
  input: createProgramSchema,
  run: async (tx, { actor, input: value }): Promise<{ id: string }> => {
    await checkReferences(tx, value);
    const [existing] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.key, value.key));
    if (existing) throw new ValidationError({ key: { key: "programs.errors.keyTaken" } }, { key: "common.errors.invalidInput" });
    // Two admins creating the same key at once: the unique index answers for the second.
    const program = await tx
      .insert(programs)
      .values({ key: value.key, ...programColumns(value), isDemoFigures: false })
      .returning({ id: programs.id })
      .then(([row]) => row)
      .catch((error: unknown) => {
        if (isUniqueViolation(error, "programs_key_unique")) {
          throw new ValidationError({ key: { key: "programs.errors.keyTaken" } }, { key: "common.errors.invalidInput" });
        }
        throw error;
      });
    await replaceSets(tx, program.id, value);
    await insertRubric(tx, program.id, value.rubric);
    await audit(tx, actor, {
      action: "program.create",
      entityType: "program",
      entityId: program.id,
      details: { key: value.key, ...programColumns(value), donorIds: value.donorIds, countryIsos: value.countryIsos, categories: value.categories, rubric: value.rubric },
    });
    return { id: program.id };
  },
});

function sameRubric(a: readonly { key: string; nameEn: string; nameEs: string; weight: number }[], b: typeof a): boolean {
  return a.length === b.length && a.every((c, i) => c.key === b[i].key && c.nameEn === b[i].nameEn && c.nameEs === b[i].nameEs && c.weight === b[i].weight);
}

/**
 * Updates a program on the version the form was loaded with (its updated_at, at millisecond precision),
 * under a lock on the program row, which the award ceiling guard takes too, so awards and this edit are
 * checked one after the other. Refused with a ValidationError, changing nothing: a ceiling below what is
 * already committed, a per-award cap below an award still awaiting approval (its approval would fail), a
 * period that leaves out an existing award, a changed rubric once reviews have used it. Admins.
 */
export const updateProgram = defineMutation({
  permission: "programs.manage",
  input: z.strictObject({ programId: recordId(), ...updateProgramFields }).superRefine(checkProgram),
  run: async (tx, { actor, input: value }): Promise<{ updatedAt: Date }> => {
    const { programId } = value;
    const expected = new Date(value.expectedUpdatedAt);
    const [before] = await tx.select().from(programs).where(eq(programs.id, programId)).for("update");
    if (!before) throw new NotFoundError("program");
    if (before.updatedAt.getTime() !== expected.getTime()) throw new ConflictError("program changed since the form was loaded", "programs.errors.conflict");
    await checkReferences(tx, value);

    const columns = programColumns(value);
    const [funds] = await execRows<{ committed: string | number; largest_pending: string | number | null; first_start: string | null; last_end: string | null }>(
      tx,
      sql`SELECT ${committedFundsSql(programId)} AS committed,
                 max(amount_minor) FILTER (WHERE status = 'pending_approval') AS largest_pending,
                 min(starts_on)::text AS first_start, max(ends_on)::text AS last_end
          FROM awards WHERE program_id = ${programId} AND status <> 'cancelled'`,
    );
    const fieldErrors: FieldErrors = {};
    if (columns.ceilingMinor < Number(funds.committed)) fieldErrors.ceiling = { key: "programs.errors.ceilingBelowCommitted" };
    if (columns.perAwardCapMinor !== null && funds.largest_pending !== null && columns.perAwardCapMinor < Number(funds.largest_pending)) {
      fieldErrors.perAwardCap = { key: "programs.errors.capBelowPending" };
    }
    if (funds.first_start && funds.first_start < columns.startsOn) fieldErrors.startsOn = { key: "programs.errors.periodExcludesAwards" };
    if (funds.last_end && funds.last_end > columns.endsOn) fieldErrors.endsOn = { key: "programs.errors.periodExcludesAwards" };

    const currentRubric = await tx
      .select({ key: rubricCriteria.key, nameEn: rubricCriteria.nameEn, nameEs: rubricCriteria.nameEs, weight: rubricCriteria.weight })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, programId))
      .orderBy(asc(rubricCriteria.position), asc(rubricCriteria.key));
    const rubricChanged = !sameRubric(currentRubric, value.rubric);
    if (rubricChanged && (await isRubricLocked(tx, programId))) fieldErrors.rubric = { key: "programs.errors.rubricLocked" };
    if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors, { key: "common.errors.invalidInput" });

    const [updated] = await tx
      .update(programs)
      .set({ ...columns, updatedAt: nextVersion })
      .where(and(eq(programs.id, programId), sql`date_trunc('milliseconds', ${programs.updatedAt}) = ${expected.toISOString()}::timestamptz`))
      .returning({ updatedAt: programs.updatedAt });
    if (!updated) throw new ConflictError("program changed since the form was loaded", "programs.errors.conflict");
    await replaceSets(tx, programId, value);
    if (rubricChanged) {
      await tx.delete(rubricCriteria).where(eq(rubricCriteria.programId, programId));
      await insertRubric(tx, programId, value.rubric);
    }
    await audit(tx, actor, {
      action: "program.update",
      entityType: "program",
      entityId: programId,
      details: {
        before: {
          nameEn: before.nameEn,
          nameEs: before.nameEs,
          ceilingMinor: before.ceilingMinor,
          perAwardCapMinor: before.perAwardCapMinor,
          approvalThresholdMinor: before.approvalThresholdMinor,
          startsOn: before.startsOn,
          endsOn: before.endsOn,
        },
        after: columns,
        donorIds: value.donorIds,
        countryIsos: value.countryIsos,
        categories: value.categories,
        rubricReplaced: rubricChanged,
      },
    });
    return { updatedAt: updated.updatedAt };
  },
});
