"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { attempt, invalidInput } from "@/lib/forms/action-errors";
import { isUuid } from "@/lib/ids";
import { createProgram, updateProgram } from "@/lib/programs/mutations";
import { createProgramSchema, updateProgramSchema } from "@/lib/programs/schema";

/** Who may call these actions: administrators; for anyone else the page does not exist. */
async function requireProgramManager() {
  const user = await requireUser();
  if (!hasPermission(user, "programs.manage")) notFound();
  return user;
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

  const outcome = await attempt(async () => createProgram(user, values, await getRequestContext()));
  if (!outcome.ok) return outcome;
  done("created");
}

/** Updates a program on the version the form was loaded with. Administrators. */
export async function updateProgramAction(programId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireProgramManager();
  if (!isUuid(programId)) notFound();
  const parsed = updateProgramSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  const outcome = await attempt(async () => updateProgram(user, programId, values, await getRequestContext()));
  if (!outcome.ok) return outcome;
  done("updated");
}
