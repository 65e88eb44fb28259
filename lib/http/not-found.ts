import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** For `.catch()` on a query in a page: a record the user may not see becomes the 404 page. */
export function rethrowAsNotFound(error: unknown): never {
  if (error instanceof NotFoundError) notFound();
  throw error;
}
