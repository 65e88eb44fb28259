// A small local stand-in for the Resend HTTP API, for tests and the end-to-end run: the real `resend`
// SDK talks to it when RESEND_BASE_URL points here (the SDK reads that variable in `new Resend()`, so
// set it before constructing the client). It speaks the part of the API the portal uses:
//   POST   /emails      send one mail (Bearer key, JSON with from/to/subject, optional Idempotency-Key)
//   GET    /__emails    what was accepted, as JSON (?to=address filters by recipient)
//   DELETE /__emails    forget everything
//   POST   /__control   {"failNext": n, "status": 500} makes the next n sends fail with that status
// Like Resend, a repeated Idempotency-Key returns the first answer and is not stored twice; the same key
// with a different body is refused with 409.
//
// Standalone: npx tsx e2e/support/fake-resend.ts --port 4010
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedEmail {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  /** The JSON body exactly as received. */
  body: Record<string, unknown>;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  receivedAt: string;
}

/** Every POST /emails, accepted or not, in order: lets a test see retries the mailbox hides. */
export interface RecordedRequest {
  idempotencyKey: string | null;
  status: number;
  /** True when the answer was replayed for a known idempotency key. */
  replayed: boolean;
}

export interface FakeResend {
  url: string;
  port: number;
  close(): Promise<void>;
  emails(): RecordedEmail[];
  requests(): RecordedRequest[];
  failNext(n: number, status?: number): void;
  reset(): void;
}

interface ResendError {
  statusCode: number;
  name: string;
  message: string;
}

const ERROR_NAMES: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  405: "method_not_allowed",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

function errorBody(statusCode: number, message: string, name = ERROR_NAMES[statusCode] ?? "application_error"): ResendError {
  return { statusCode, name, message };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
  res.end(data);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

export async function startFakeResend(port = 0, host = "127.0.0.1"): Promise<FakeResend> {
  let emails: RecordedEmail[] = [];
  let requests: RecordedRequest[] = [];
  // Idempotency key -> the first answer and the body it was given for.
  let answers = new Map<string, { bodyText: string; status: number; response: unknown }>();
  let failures = { remaining: 0, status: 500 };

  function record(idempotencyKey: string | null, status: number, replayed = false): void {
    requests.push({ idempotencyKey, status, replayed });
  }

  async function postEmail(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const auth = req.headers.authorization ?? "";
    if (!/^Bearer\s+\S+/.test(auth)) {
      record(idempotencyKey, 401);
      return sendJson(res, 401, errorBody(401, "Missing API key in the authorization header."));
    }
    const bodyText = await readBody(req);

    if (idempotencyKey !== null) {
      if (idempotencyKey.length === 0 || idempotencyKey.length > 256) {
        record(idempotencyKey, 400);
        return sendJson(res, 400, errorBody(400, "The idempotency key must be 1 to 256 characters.", "invalid_idempotency_key"));
      }
      const known = answers.get(idempotencyKey);
      if (known) {
        if (known.bodyText !== bodyText) {
          record(idempotencyKey, 409);
          return sendJson(res, 409, errorBody(409, "This idempotency key was already used with a different payload."));
        }
        record(idempotencyKey, known.status, true);
        return sendJson(res, known.status, known.response);
      }
    }

    if (failures.remaining > 0) {
      failures.remaining -= 1;
      record(idempotencyKey, failures.status);
      return sendJson(res, failures.status, errorBody(failures.status, `Simulated failure (${failures.status}).`));
    }

    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(bodyText);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      record(idempotencyKey, 400);
      return sendJson(res, 400, errorBody(400, "The body must be a JSON object."));
    }
    const to = Array.isArray(body.to) ? body.to : [body.to];
    const missing = [
      isNonEmptyString(body.from) ? null : "from",
      to.length > 0 && to.every(isNonEmptyString) ? null : "to",
      isNonEmptyString(body.subject) ? null : "subject",
    ].filter((field): field is string => field !== null);
    if (missing.length > 0) {
      record(idempotencyKey, 422);
      return sendJson(res, 422, errorBody(422, `Missing required fields: ${missing.join(", ")}.`, "missing_required_field"));
    }

    const id = randomUUID();
    emails.push({
      id,
      idempotencyKey,
      from: body.from as string,
      to: to as string[],
      subject: body.subject as string,
      html: typeof body.html === "string" ? body.html : undefined,
      text: typeof body.text === "string" ? body.text : undefined,
      body,
      headers: headerMap(req),
      receivedAt: new Date().toISOString(),
    });
    const response = { id };
    if (idempotencyKey !== null) answers.set(idempotencyKey, { bodyText, status: 200, response });
    record(idempotencyKey, 200);
    sendJson(res, 200, response);
  }

  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { failNext?: unknown; status?: unknown };
    try {
      body = JSON.parse((await readBody(req)) || "{}") as typeof body;
    } catch {
      return sendJson(res, 400, errorBody(400, "The body must be JSON."));
    }
    const n = Number(body.failNext ?? 0);
    const status = Number(body.status ?? 500);
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(status) || status < 400 || status > 599) {
      return sendJson(res, 400, errorBody(400, "failNext must be an integer >= 0 and status an HTTP error status."));
    }
    failures = { remaining: n, status };
    sendJson(res, 200, { failNext: n, status });
  }

  function reset(): void {
    emails = [];
    requests = [];
    answers = new Map();
    failures = { remaining: 0, status: 500 };
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-resend.local");
    // The SDK joins its base URL and the path as strings, so a base URL ending in "/" yields "//emails".
    const path = url.pathname.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
    const route = `${req.method} ${path}`;
    const handle = async () => {
      switch (route) {
        case "POST /emails":
          return postEmail(req, res);
        case "GET /__emails": {
          const to = url.searchParams.get("to")?.toLowerCase();
          return sendJson(res, 200, to ? emails.filter((e) => e.to.some((address) => address.toLowerCase() === to)) : emails);
        }
        case "DELETE /__emails":
          reset();
          return sendJson(res, 200, { ok: true });
        case "POST /__control":
          return control(req, res);
        default:
          return sendJson(res, 404, errorBody(404, `No route for ${route}.`));
      }
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(500, error instanceof Error ? error.message : String(error)));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    emails: () => emails.map((email) => ({ ...email })),
    requests: () => requests.map((request) => ({ ...request })),
    failNext: (n, status = 500) => {
      failures = { remaining: n, status };
    },
    reset,
  };
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  return /fake-resend\.(ts|js|mjs)$/.test(entry);
}

if (isMainModule()) {
  const index = process.argv.indexOf("--port");
  const port = index >= 0 ? Number(process.argv[index + 1]) : Number(process.env.FAKE_RESEND_PORT ?? 4010);
  const host = process.env.FAKE_RESEND_HOST ?? "127.0.0.1";
  const fake = await startFakeResend(port, host);
  console.log(`Fake Resend API listening on ${fake.url} (set RESEND_BASE_URL=${fake.url})`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
