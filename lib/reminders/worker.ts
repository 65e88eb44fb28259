// The reminder job inside the Next.js server process, started from instrumentation.ts (like the mail
// worker): with the embedded database no other process may open the data. Against a PostgreSQL server it
// may also run as a command (cli.ts, for cron); reminders_sent makes every reminder go out once anyway.
import { getDb, type Db } from "@/db/client";
import { getEnv } from "@/lib/config/env";
import { runReminders, type RunRemindersResult } from "./run";

const REPEATED_ERROR_LOG_MS = 60 * 60 * 1000;

export interface ReminderWorker {
  /** Stops the interval and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

export interface ReminderWorkerOptions {
  intervalMs?: number;
  getDb?: () => Promise<Db>;
  logger?: Pick<Console, "info" | "error">;
  /** Called after each run (tests). */
  onRun?: (result: RunRemindersResult) => void;
}

const WORKER_KEY = Symbol.for("fap.reminderWorker");
type GlobalWithWorker = typeof globalThis & { [WORKER_KEY]?: ReminderWorker };

export function reminderIntervalFromEnv(): number {
  return getEnv().REMINDER_INTERVAL_MS;
}

/**
 * Runs the reminders at start and then every REMINDER_INTERVAL_MS (default 1 hour); runs never overlap.
 * Errors are logged and the worker carries on. Started at most once per process; later calls return the
 * running worker. For instrumentation.ts only.
 */
export function startReminderWorker(options: ReminderWorkerOptions = {}): ReminderWorker {
  const g = globalThis as GlobalWithWorker;
  const running = g[WORKER_KEY];
  if (running) return running;

  const intervalMs = options.intervalMs ?? reminderIntervalFromEnv();
  const openDb = options.getDb ?? getDb;
  const logger = options.logger ?? console;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  let lastError = { message: "", loggedAt: 0 };

  async function tick(): Promise<void> {
    try {
      const result = await runReminders({ db: await openDb() });
      if (result.reminders > 0) logger.info(`[reminders] sent ${result.reminders} reminders (${result.mails} mails)`);
      options.onRun?.(result);
      lastError = { message: "", loggedAt: 0 };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = Date.now();
      if (message !== lastError.message || now - lastError.loggedAt >= REPEATED_ERROR_LOG_MS) {
        logger.error("[reminders] run failed; will retry", error);
        lastError = { message, loggedAt: now };
      }
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, intervalMs);
    timer.unref?.();
  }

  const worker: ReminderWorker = {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
      if (g[WORKER_KEY] === worker) delete g[WORKER_KEY];
    },
  };
  g[WORKER_KEY] = worker;
  logger.info(`[reminders] worker started, every ${intervalMs} ms`);
  current = tick().finally(schedule);
  return worker;
}
