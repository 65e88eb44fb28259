// `npm run db:backup [-- --out <folder>]`: a pg_dump of DATABASE_URL, or a copy of the embedded database
// in PGLITE_DIR, written into <folder> (BACKUP_DIR, default .data/backups) under a name with the time.
import { getEnv } from "../lib/config/env";
import { BackupError, backupDatabase, formatBytes } from "./backup";
import { dbOptionsFromEnv } from "./client";
import { PgliteFolderInUseError } from "./pglite-owner";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i === -1) return undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith("--")) {
    console.error(`${name} needs a folder.`);
    process.exit(2);
  }
  return value;
}

const outDir = argValue("--out") ?? getEnv().BACKUP_DIR;
const options = dbOptionsFromEnv();
try {
  if (!options.url && options.pgliteDir === "memory") throw new BackupError("PGLITE_DIR=memory has nothing on disk to back up.");
  const result = await backupDatabase(options.url ? { url: options.url } : { pgliteDir: options.pgliteDir! }, outDir);
  console.log(`Backup of the ${result.source} written to ${result.file} (${formatBytes(result.bytes)}) in ${(result.ms / 1000).toFixed(1)} s.`);
} catch (error) {
  if (error instanceof BackupError || error instanceof PgliteFolderInUseError) {
    console.error(`Backup not written: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
