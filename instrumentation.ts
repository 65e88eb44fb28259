// Next.js calls register() once when a server process starts.
export async function register() {
  // Demo mode signs anyone in with one click: never on a portal others can reach.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { demoModeRefusal } = await import("./lib/demo-guard.mjs");
    const refusal = demoModeRefusal(process.env);
    if (refusal) {
      console.error(refusal);
      process.exit(1);
    }
  }
  // Every setting is checked now, not at the first request that reads it: a misconfigured proxy count
  // would misattribute every client address, a bad pool size or limit would fail later. Refuse to start,
  // naming each bad variable (lib/config/env.ts).
  const { EnvError, getEnv } = await import("./lib/config/env");
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof EnvError) || process.env.NEXT_RUNTIME !== "nodejs") throw error;
    console.error(error.message);
    process.exit(1);
  }
  // The mail sender runs inside the server: with the embedded database this process owns the data, so
  // no other process could send. MAIL_WORKER=off leaves sending to `npm run mail:send` (PostgreSQL only).
  if (process.env.NEXT_RUNTIME === "nodejs" && env.MAIL_WORKER !== "off") {
    const { startMailWorker } = await import("./lib/email/worker");
    startMailWorker();
  }
  // The reminder job (14 and 3 days before a report or deliverable is due, and overdue), for the same
  // reason. REMINDER_WORKER=off leaves it to `npm run reminders:run` from cron (PostgreSQL only).
  if (process.env.NEXT_RUNTIME === "nodejs" && env.REMINDER_WORKER !== "off") {
    const { startReminderWorker } = await import("./lib/reminders/worker");
    startReminderWorker();
  }
  // `npm run bench` only: SQL queries per request, event-loop stalls (lib/bench/server-probe.ts).
  if (process.env.NEXT_RUNTIME === "nodejs" && env.BENCH_COUNT_QUERIES) {
    const { installServerProbe } = await import("./lib/bench/server-probe");
    installServerProbe();
  }
  // The PDF reports' worker thread, started now so that the first download does not wait for it.
  if (process.env.NEXT_RUNTIME === "nodejs" && env.PDF_WORKER !== "off") {
    const { warmPdfWorker } = await import("./lib/pdf/pool");
    warmPdfWorker();
  }
}
