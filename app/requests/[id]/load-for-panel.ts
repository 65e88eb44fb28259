import "server-only";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";

/**
 * For the panels: what `load` returns for the signed-in user, or null when the data layer says not
 * found (the panel then renders nothing). Other errors propagate.
 */
export async function loadForPanel<T>(user: CurrentUser, load: (user: CurrentUser) => Promise<T>): Promise<T | null> {
  try {
    return await load(user);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
