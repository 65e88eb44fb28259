// PGlite has no lock of its own: a second process opening the same folder succeeds and both then write
// the same files, which corrupts the database. A small owner file beside the folder (`<folder>.owner`,
// holding the owner's process id) makes a second opener refuse with a clear message instead. The demo
// server, the migrate/seed commands and the backup and restore commands all go through it.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class PgliteFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${folder} is open in process ${pid} (usually the portal started by \`npm run demo\`). ` +
        `PGlite allows one process per folder: stop that process (Ctrl+C in its terminal), then try again.`,
    );
    this.name = "PgliteFolderInUseError";
  }
}

export function ownerFileOf(folder: string): string {
  const abs = path.resolve(folder);
  return path.join(path.dirname(abs), `${path.basename(abs)}.owner`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  // The same id as ours is a leftover of an earlier run (containers reuse low ids); this process holds
  // one handle per folder (db/client.ts keeps it on globalThis).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims `folder` for this process, or throws PgliteFolderInUseError when a live process holds it. A
 * leftover owner file of a process that has ended is taken over. Returns the release function (also run
 * when the process exits).
 */
export function claimPgliteFolder(folder: string): () => void {
  const file = ownerFileOf(folder);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let pid = NaN;
      try {
        pid = Number.parseInt(readFileSync(file, "utf8"), 10);
      } catch {
        // removed in between: try again
      }
      if (isAlive(pid)) throw new PgliteFolderInUseError(path.resolve(folder), pid);
      try {
        unlinkSync(file);
      } catch {
        // another process took it over first: the next attempt sees its id
      }
      continue;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off("exit", release);
      try {
        if (Number.parseInt(readFileSync(file, "utf8"), 10) === process.pid) unlinkSync(file);
      } catch {
        // already gone
      }
    };
    process.on("exit", release);
    return release;
  }
  throw new Error(`Could not claim the embedded database folder ${path.resolve(folder)} (owner file ${file}).`);
}
