// npm run reminders:run [-- --once]   (script: "reminders:run": "tsx lib/reminders/cli.ts")
// The reminder job as its own process, against a PostgreSQL server (DATABASE_URL), e.g. from cron with
// --once. It may run next to the one inside the Next.js server: reminders_sent makes each go out once.
// Runs under tsx, outside Next.js: nothing imported from here may import "server-only".
import { openDb } from "@/db/client";
import { getEnv } from "@/lib/config/env";
import { runReminders } from "./run";
import { reminderIntervalFromEnv } from "./worker";

const once = process.argv.includes("--once");
const url = getEnv().DATABASE_URL;
if (!url) {
  console.error(
    [
      "reminders:run needs DATABASE_URL (a PostgreSQL server).",
      "Without it the portal uses its embedded database, which belongs to the server process: there the",
      "reminder job already runs inside `next start` / `next dev` (instrumentation.ts), and no other",
      "process may open the data.",
    ].join("\n"),
  );
  process.exit(1);
}

const intervalMs = reminderIntervalFromEnv();
const handle = await openDb({ url, max: 2 });

let stopping = false;
let wake: (() => void) | undefined;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the current run, then stopping.`);
  wake?.();
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

const describe = (r: { reminders: number; mails: number; skipped: number }) =>
  `Sent ${r.reminders} reminders (${r.mails} mails), ${r.skipped} already sent.`;

let exitCode = 0;
try {
  if (once) {
    console.log(describe(await runReminders({ db: handle.db })));
  } else {
    console.log(`Reminder job running (every ${intervalMs} ms). Stop with Ctrl+C.`);
    while (!stopping) {
      try {
        const result = await runReminders({ db: handle.db });
        if (result.reminders > 0) console.log(describe(result));
      } catch (error) {
        console.error("Reminder run failed; will retry:", error);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }
} catch (error) {
  console.error("Reminder run failed:", error);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exit(exitCode);
