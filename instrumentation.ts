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
  // A misconfigured proxy count would misattribute every client address: refuse to start instead.
  const { trustedProxyHops } = await import("./lib/http/client-address");
  trustedProxyHops();
  // The mail sender runs inside the server: with the embedded database this process owns the data, so
  // no other process could send. MAIL_WORKER=off leaves sending to `npm run mail:send` (PostgreSQL only).
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.MAIL_WORKER !== "off") {
    const { startMailWorker } = await import("./lib/email/worker");
    startMailWorker();
  }
  // The reminder job (14 and 3 days before a report or deliverable is due, and overdue), for the same
  // reason. REMINDER_WORKER=off leaves it to `npm run reminders:run` from cron (PostgreSQL only).
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.REMINDER_WORKER !== "off") {
    const { startReminderWorker } = await import("./lib/reminders/worker");
    startReminderWorker();
  }
  // The PDF reports' worker thread, started now so that the first download does not wait for it.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.PDF_WORKER !== "off") {
    const { warmPdfWorker } = await import("./lib/pdf/pool");
    warmPdfWorker();
  }
}
