// npm run mail:send [-- --once]
// The mail sender as its own process, against a PostgreSQL server (DATABASE_URL). Several may run at
// once, next to the one inside the Next.js server: row locks make each mail go out once.
// Runs under tsx, outside Next.js: nothing imported from here may import "server-only".
import { openDb } from "@/db/client";
import { getEnv } from "@/lib/config/env";
import { drainOutbox, mailFromEnv, transportFromEnv } from "./sender";

const once = process.argv.includes("--once");
const url = getEnv().DATABASE_URL;
if (!url) {
  console.error(
    [
      "mail:send needs DATABASE_URL (a PostgreSQL server).",
      "Without it the portal uses its embedded database, which belongs to the server process: there the",
      "sender already runs inside `next start` / `next dev` (instrumentation.ts), and no other process may",
      "open the data.",
    ].join("\n"),
  );
  process.exit(1);
}

const intervalMs = getEnv().MAIL_POLL_INTERVAL_MS;
const transport = transportFromEnv();
const from = mailFromEnv();
const handle = await openDb({ url, max: 2 });

if (transport.name === "local") {
  console.warn("RESEND_API_KEY is not set: mails are rendered into the outbox and shown on the demo mailbox page only.");
}

let stopping = false;
let wake: (() => void) | undefined;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the current round, then stopping.`);
  wake?.();
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

let exitCode = 0;
try {
  if (once) {
    const result = await drainOutbox({ db: handle.db, transport, from });
    console.log(`Sent ${result.sent}, retrying ${result.retried}, failed ${result.failed} (${transport.name}).`);
  } else {
    console.log(`Mail sender running (${transport.name}, every ${intervalMs} ms). Stop with Ctrl+C.`);
    while (!stopping) {
      try {
        const result = await drainOutbox({ db: handle.db, transport, from });
        if (result.sent + result.retried + result.failed > 0) {
          console.log(`Sent ${result.sent}, retrying ${result.retried}, failed ${result.failed}.`);
        }
      } catch (error) {
        console.error("Sending failed; will retry:", error);
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
  console.error("Sending failed:", error);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exit(exitCode);
