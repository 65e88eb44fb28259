import "server-only";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { failureFrom } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import type { Mutation, MutationContext } from "./define";

/** The client address, user agent and origin of the request being served. */
export async function requestMutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

/**
 * A mutation as a server action, in one line: `export const xAction = serverAction(x, then)`. The
 * input is passed on unparsed (the mutation parses it once); known errors come back translated
 * (failureFrom); `then` runs after success, outside any try, so it may redirect() or revalidatePath()
 * and return what the form receives.
 */
export function serverAction<S extends z.ZodType, T, R = undefined>(
  mutation: Mutation<S, T>,
  then?: (result: T, input: z.output<S>) => R | Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    const user = await requireUser();
    const ctx = await requestMutationContext();
    let outcome: { input: z.output<S>; result: T };
    try {
      outcome = await mutation.execute(user, input, ctx);
    } catch (error) {
      return failureFrom(error);
    }
    const data = then ? await then(outcome.result, outcome.input) : (undefined as R);
    return { ok: true, data };
  };
}
