// npm run bench:uploads  (needs a production build: `next build`; DATABASE_URL for a PostgreSQL server, else PGlite)
//
// Starts `next start` on a free port with its own fresh database, signs in through sessions written to that
// database, and sends: (a) a 100 MB upload as a donor (must be refused), (b) 100 MB chunked (no
// Content-Length) to a draft the focal point may upload to (refused while streaming), (c) four of (b) in
// parallel (each refused at the 10 MB limit within a few hundred ms, so they rarely hold a slot at the same
// moment), (d) a valid 1 MB PDF (accepted), (e) four slow 3 MB uploads at once by one user: three are read,
// the fourth is over the per-user cap of 3 and answers 429 without being read. For each: the answer time and the server's RSS before, peak
// (VmHWM, reset before each case through /proc/<pid>/clear_refs) and after.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import postgres from "postgres";

const { prepareDatabase, startServer } = await import("../e2e/support/servers");

const MB = 1024 * 1024;
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

const prepared = await prepareDatabase("bench_uploads");
const port = await freePort();
const server = await startServer({ name: "bench", port, env: { ...prepared.env, MAIL_WORKER: "off", REMINDER_WORKER: "off" } });
const pid = server.process.pid!;

const status = () => readFileSync(`/proc/${pid}/status`, "utf8");
const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())![1]);
const mb = (k: number) => `${(k / 1024).toFixed(0)} MB`;

async function sessionFor(email: string, sql: postgres.Sql): Promise<string> {
  const token = randomBytes(24).toString("hex");
  const [u] = await sql`SELECT id FROM users WHERE email = ${email}`;
  await sql`INSERT INTO sessions (session_token, user_id, expires) VALUES (${token}, ${u.id}, now() + interval '1 day')`;
  return `authjs.session-token=${token}`;
}

const url = prepared.env.DATABASE_URL;
let donorCookie: string, focalCookie: string, draftId: string;
if (url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  donorCookie = await sessionFor("donor.inl@example.org", sql);
  focalCookie = await sessionFor("focal.gt@example.org", sql);
  [{ id: draftId }] = await sql`SELECT id FROM assistance_requests WHERE country_iso2 = 'GT' AND status = 'draft' LIMIT 1`;
  await sql.end();
} else {
  throw new Error("Run with DATABASE_URL (a PostgreSQL server): the server process owns the PGlite folder.");
}

const BOUNDARY = "----bench" + randomBytes(8).toString("hex");
/** Sends a multipart body of one file of `size` bytes starting with `head`; resolves at the answer. */
function send(cookie: string, size: number, head: Buffer, declareLength: boolean, pauseMs = 0): Promise<{ status: number | string; ms: number; body: string }> {
  const start = performance.now();
  const pre = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const post = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const total = pre.length + size + post.length;
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number | string, body = "") => {
      if (settled) return;
      settled = true;
      resolve({ status, ms: performance.now() - start, body });
    };
    const req = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: `/requests/${draftId}/attachments`,
      headers: {
        cookie,
        origin: `http://localhost:${port}`,
        host: `localhost:${port}`,
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        ...(declareLength ? { "content-length": String(total) } : { "transfer-encoding": "chunked" }),
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        done(res.statusCode ?? 0, body.slice(0, 120));
        req.destroy();
      });
    });
    req.on("error", (e) => done(`error ${(e as NodeJS.ErrnoException).code}`));
    const chunk = Buffer.alloc(MB);
    (async () => {
      if (!req.write(pre)) await new Promise((r) => req.once("drain", r));
      let sent = 0;
      while (sent < size && !settled) {
        const part = sent === 0 ? Buffer.concat([head, chunk.subarray(head.length)]) : chunk;
        const n = Math.min(part.length, size - sent);
        sent += n;
        if (!req.write(part.subarray(0, n))) await new Promise((r) => req.once("drain", r));
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
      if (!settled) req.end(post);
    })().catch(() => {});
  });
}

async function scenario(label: string, run: () => Promise<{ status: number | string; ms: number; body: string }[]>) {
  await new Promise((r) => setTimeout(r, 1500));
  const before = kb("VmRSS");
  writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
  const results = await run();
  const peak = kb("VmHWM");
  await new Promise((r) => setTimeout(r, 1500));
  const after = kb("VmRSS");
  const times = results.map((r) => `${r.status} in ${r.ms.toFixed(0)} ms`).join(", ");
  console.log(`${label}\n  answers: ${times}\n  RSS before ${mb(before)}, peak ${mb(peak)} (+${mb(peak - before)}), after ${mb(after)}\n  ${results[0].body}`);
}

const PDF = Buffer.from("%PDF-1.4\n");
try {
  // Warm the route up once, so that its first compile-free load is not counted.
  await send(focalCookie, 1024, Buffer.from("nope"), true);
  await scenario("(a) 100 MB as a donor, Content-Length declared", async () => [await send(donorCookie, 100 * MB, PDF, true)]);
  await scenario("(b) 100 MB chunked, no Content-Length, to the focal point's draft", async () => [await send(focalCookie, 100 * MB, PDF, false)]);
  await scenario("(c) four of (b) in parallel", async () => Promise.all([0, 1, 2, 3].map(() => send(focalCookie, 100 * MB, PDF, false))));
  await scenario("(d) a valid 1 MB PDF", async () => [await send(focalCookie, MB, PDF, true)]);
  await scenario("(e) four slow 3 MB uploads at once by one user (cap UPLOADS_PER_USER, default 3)", async () =>
    Promise.all([0, 1, 2, 3].map((i) => new Promise<void>((r) => setTimeout(r, i * 100)).then(() => send(focalCookie, 3 * MB, PDF, true, 400)))),
  );
} finally {
  await server.stop();
  await prepared.drop();
}
