// `npm run db:restore -- <file>`: restores a file written by `npm run db:backup` into the empty database
// in DATABASE_URL, or into a new embedded database in PGLITE_DIR. Refuses a target that holds anything.
import { BackupError, restoreDatabase } from "./backup";
import { dbOptionsFromEnv } from "./client";
import { PgliteFolderInUseError } from "./pglite-owner";

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file>   (into the empty database in DATABASE_URL, or a new PGLITE_DIR)");
  process.exit(2);
}
const options = dbOptionsFromEnv();
try {
  if (!options.url && options.pgliteDir === "memory") throw new BackupError("PGLITE_DIR=memory cannot hold a restored database; name a new folder.");
  const result = await restoreDatabase(options.url ? { url: options.url } : { pgliteDir: options.pgliteDir! }, file);
  console.log(
    `Restored ${result.file} into the ${result.target}: ${result.tables} tables, ${result.migrations} migrations recorded, in ${(result.ms / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  if (error instanceof BackupError || error instanceof PgliteFolderInUseError) {
    console.error(`Nothing restored: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
