// The mail sender inside the Next.js server process, started from instrumentation.ts. With the embedded
// database this is the only possible sender (one process owns the data); against a PostgreSQL server it
// can run next to standalone senders (npm run mail:send), which never send the same mail twice.
import { getDb, type Db } from "@/db/client";
import { getEnv } from "@/lib/config/env";
import { drainOutbox, mailFromEnv, transportFromEnv, type DrainResult, type MailTransport } from "./sender";

const REPEATED_ERROR_LOG_MS = 60_000;

export interface MailWorker {
  /** Stops polling and waits for a drain in progress to finish. */
  stop(): Promise<void>;
}

export interface MailWorkerOptions {
  intervalMs?: number;
  transport?: MailTransport;
  getDb?: () => Promise<Db>;
  from?: string;
  logger?: Pick<Console, "info" | "error">;
}

// On globalThis, not in a module variable: Next.js may load this module in several bundles (and again
// after a hot reload), and there must be one worker per process.
const WORKER_KEY = Symbol.for("fap.mailWorker");
type GlobalWithWorker = typeof globalThis & { [WORKER_KEY]?: MailWorker };

function intervalFromEnv(): number {
  return getEnv().MAIL_POLL_INTERVAL_MS;
}

function describe(result: DrainResult): string {
  return `sent ${result.sent}, retrying ${result.retried}, failed ${result.failed}`;
}

/**
 * Drains the outbox every MAIL_POLL_INTERVAL_MS (default 2 s). Rounds never overlap: the next one is
 * scheduled when the previous one has finished. Errors are logged and the worker carries on. Started at
 * most once per process; later calls return the running worker. For instrumentation.ts only.
 */
export function startMailWorker(options: MailWorkerOptions = {}): MailWorker {
  const g = globalThis as GlobalWithWorker;
  const running = g[WORKER_KEY];
  if (running) return running;

  const intervalMs = options.intervalMs ?? intervalFromEnv();
  const transport = options.transport ?? transportFromEnv();
  const from = options.from ?? mailFromEnv();
  const openDb = options.getDb ?? getDb;
  const logger = options.logger ?? console;

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  let lastError = { message: "", loggedAt: 0 };

  async function tick(): Promise<void> {
    try {
      const result = await drainOutbox({ db: await openDb(), transport, from });
      if (result.sent + result.retried + result.failed > 0) logger.info(`[mail] ${describe(result)} (${transport.name})`);
      lastError = { message: "", loggedAt: 0 };
    } catch (error) {
      // A database outage would otherwise log the same line every few seconds.
      const message = error instanceof Error ? error.message : String(error);
      const now = Date.now();
      if (message !== lastError.message || now - lastError.loggedAt >= REPEATED_ERROR_LOG_MS) {
        logger.error("[mail] sending failed; will retry", error);
        lastError = { message, loggedAt: now };
      }
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, intervalMs);
    // The worker must not keep a process alive that would otherwise exit (tests, scripts).
    timer.unref?.();
  }

  const worker: MailWorker = {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
      if (g[WORKER_KEY] === worker) delete g[WORKER_KEY];
    },
  };
  g[WORKER_KEY] = worker;
  logger.info(`[mail] worker started: ${transport.name} transport, every ${intervalMs} ms`);
  current = tick().finally(schedule);
  return worker;
}
