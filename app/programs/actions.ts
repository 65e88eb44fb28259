"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/mutations/server-action";
import { createProgram, updateProgram } from "@/lib/programs/mutations";

function done(notice: "created" | "updated"): never {
  revalidatePath("/programs", "layout");
  revalidatePath("/awards", "layout");
  redirect(`/programs?notice=${notice}`);
}

/** Creates a program. Administrators. */
export const createProgramAction = serverAction(createProgram, () => done("created"));

/** Updates a program on the version the form was loaded with. Administrators. */
export const updateProgramAction = serverAction(updateProgram, () => done("updated"));
