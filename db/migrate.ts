import path from "node:path";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { runBackfills } from "./backfill";
import type { DbHandle } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/**
 * Applies the committed drizzle-kit migrations to either driver, then the data backfills (db/backfill.ts:
 * rows the code now writes on change, filled in once for older databases).
 */
export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres") {
    await migratePostgres(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  await runBackfills(handle.db);
}
