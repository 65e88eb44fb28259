"use server";

import { revalidatePath } from "next/cache";
import type { ZodError } from "zod";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { getRequestContext } from "@/lib/auth/request-context";
import { ConflictError, NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/forms/zod";
import { isUuid } from "@/lib/ids";
import { getI18n } from "@/lib/i18n/server";
import { createProgram, updateProgram } from "@/lib/programs/mutations";
import { createProgramSchema, updateProgramSchema } from "@/lib/programs/schema";

type Failure = Extract<ActionResult, { ok: false }>;
const NOT_FOUND = Symbol("not-found");

/** Who may call these actions: administrators; for anyone else the page does not exist. */
async function requireProgramManager() {
  const user = await requireUser();
  if (!hasPermission(user, "programs.manage")) notFound();
  return user;
}

/** Turns a known domain error into the form's result, translated; anything else is a real error. */
async function failureFrom(error: unknown): Promise<Failure | typeof NOT_FOUND> {
  if (error instanceof NotFoundError) return NOT_FOUND;
  const { t } = await getI18n();
  if (error instanceof ValidationError) {
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, e]) => [field, t(e.key, e.params)]));
    const formError = error.formError
      ? t(error.formError.key, error.formError.params)
      : Object.keys(fieldErrors).length > 0
        ? t("common.errors.invalidInput")
        : undefined;
    return { ok: false, formError, fieldErrors };
  }
  if (error instanceof ConflictError) return { ok: false, formError: t("programs.errors.conflict") };
  throw error;
}

async function invalidInput(error: ZodError): Promise<Failure> {
  const { t } = await getI18n();
  return { ok: false, formError: t("common.errors.invalidInput"), fieldErrors: fieldErrorsFromZod(error, t) };
}

function done(notice: "created" | "updated"): never {
  revalidatePath("/programs", "layout");
  revalidatePath("/awards", "layout");
  redirect(`/programs?notice=${notice}`);
}

/** Creates a program. Administrators. */
export async function createProgramAction(values: unknown): Promise<ActionResult> {
  const user = await requireProgramManager();
  const parsed = createProgramSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await createProgram(user, values, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;
  done("created");
}

/** Updates a program on the version the form was loaded with. Administrators. */
export async function updateProgramAction(programId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireProgramManager();
  if (!isUuid(programId)) notFound();
  const parsed = updateProgramSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await updateProgram(user, programId, values, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;
  done("updated");
}
