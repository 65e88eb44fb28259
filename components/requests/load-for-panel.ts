import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";

/**
 * For the panels: the signed-in user and what `load` returns for them, or null when there is no
 * user or the data layer says not found (the panel then renders nothing). Other errors propagate.
 */
export async function loadForPanel<T>(load: (user: CurrentUser) => Promise<T>): Promise<{ user: CurrentUser; data: T } | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  try {
    return { user, data: await load(user) };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
