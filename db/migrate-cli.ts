import { dbOptionsFromEnv, openDb } from "./client";
import { runMigrations } from "./migrate";

const options = dbOptionsFromEnv();
const handle = await openDb(options);
try {
  await runMigrations(handle);
  console.log(`Migrations applied (${options.url ? "PostgreSQL server" : `PGlite in ${options.pgliteDir}`}).`);
} finally {
  await handle.close();
}
