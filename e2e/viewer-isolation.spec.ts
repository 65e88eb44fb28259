import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { demoSignIn, newPage, servers } from "./support/helpers";
import { MARK, MARKERS } from "./support/leak-markers";

/**
 * One view per viewer, on every route a viewer can reach (decision 0011). The "isolation" server's data
 * carries marker strings in every field some viewer may not see (e2e/support/leak-markers.ts); each viewer
 * crawls every page it can reach from its home, and every file those pages link to, as HTML and as the
 * RSC payload (`RSC: 1`), and none of the markers it may not see appears.
 *
 * | field                                              | donor | focal point | partner |
 * |----------------------------------------------------|-------|-------------|---------|
 * | narrative of a report not accepted                 | no    | yes         | yes     |
 * | return / accept comment on a report or deliverable | no    | yes         | yes     |
 * | deliverable update of a report not accepted        | no    | yes         | yes     |
 * | end-use check note                                 | no    | yes         | yes     |
 * | evidence of a deliverable not accepted (file name) | no    | yes         | yes     |
 * | names of people                                    | no    | yes         | yes     |
 * | shared request comment                             | no    | yes         | no      |
 * | internal request comment                           | no    | no          | no      |
 * | screening note, review comment and scores, conflict reason | no | no   | no      |
 *
 * A donor reaches awards only through the dashboards: the generic award routes answer 404 to it.
 */
const OFFICE_ONLY = [MARKERS.internalComment, MARKERS.screeningNote, MARKERS.reviewComment, MARKERS.scoreComment, MARKERS.conflictReason];

interface Crawl {
  visited: string[];
  seen: Set<string>;
  awardIds: Set<string>;
}

/** The text of a response as a reader gets it: PDFs through pdftotext, everything else as text. */
async function readableText(body: Buffer, contentType: string): Promise<string> {
  if (!contentType.includes("pdf")) return body.toString("utf8");
  const dir = mkdtempSync(path.join(tmpdir(), "isolation-"));
  try {
    const file = path.join(dir, "file.pdf");
    writeFileSync(file, body);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Fetches every same-origin link under `prefixes` reachable from `starts`, as HTML and as RSC payload,
 * and fails on any `forbidden` marker. Returns what it saw (all marker strings found, award ids linked).
 */
async function crawl(request: APIRequestContext, base: string, starts: string[], prefixes: RegExp, forbidden: readonly string[]): Promise<Crawl> {
  const queue = [...starts];
  const done = new Set<string>();
  const result: Crawl = { visited: [], seen: new Set(), awardIds: new Set() };
  while (queue.length > 0 && done.size < 120) {
    const route = queue.shift()!;
    if (done.has(route)) continue;
    done.add(route);
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const res = await request.get(`${base}${route}`, { headers });
      expect(res.status(), `${route} ${JSON.stringify(headers)}`).toBe(200);
      const text = await readableText(await res.body(), res.headers()["content-type"] ?? "");
      for (const marker of forbidden) expect(text, `${marker} in ${route} ${JSON.stringify(headers)}`).not.toContain(marker);
      for (const found of text.match(new RegExp(`${MARK}-[a-z-]+`, "g")) ?? []) result.seen.add(found);
      if (headers.RSC) continue;
      for (const [, href] of text.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = href.replaceAll("&amp;", "&");
        if (prefixes.test(link) && !done.has(link)) queue.push(link);
        const award = /\/awards\/([0-9a-f-]{36})/.exec(link);
        if (award) result.awardIds.add(award[1]);
      }
    }
    result.visited.push(route);
  }
  return result;
}

async function signedIn(browser: Browser, name: string) {
  const session = await newPage(browser);
  await demoSignIn(session.page, name, servers.isolation);
  return session;
}

test("a donor's pages, payloads and files hold none of what a donor may not see, and the generic award routes answer 404", async ({ browser }) => {
  test.setTimeout(240_000);
  const { context } = await signedIn(browser, "Sarah Miller");
  // Everything planted is hidden from a donor, the names of people included.
  const forbidden = Object.values(MARKERS);
  const seen = await crawl(context.request, servers.isolation, ["/", "/dashboards"], /^\/(?:dashboards(?:\/|$)|$)/, forbidden);
  expect(seen.visited.length, seen.visited.join("\n")).toBeGreaterThan(10);
  expect(seen.visited.some((r) => r.includes(".pdf"))).toBe(true);
  expect(seen.visited.some((r) => r.includes("iati.xml"))).toBe(true);
  expect(seen.visited.some((r) => /export\//.test(r))).toBe(true);
  expect(seen.awardIds.size).toBeGreaterThan(0);

  for (const id of seen.awardIds) {
    for (const route of ["/awards", `/awards/${id}`, ...[1, 2, 3, 4].map((n) => `/awards/${id}/reports/${n}`)]) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const res = await context.request.get(`${servers.isolation}${route}`, { headers });
        const body = await res.text();
        if (headers.RSC) {
          // Next.js answers a flight (RSC) request with 200 and puts the not-found outcome in the
          // payload, which the client router renders as the 404 page; the document request is a 404.
          expect([200, 404], `${route} RSC`).toContain(res.status());
          expect(body, `${route} RSC`).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
        } else {
          expect(res.status(), route).toBe(404);
        }
        expect(body, route).not.toContain(MARK);
      }
    }
  }

  // Every evidence file, accepted or not, found as the program officer sees them: not found for a donor
  // (the dashboards show what was delivered, never the files).
  const officer = await signedIn(browser, "Daniel Reyes");
  const officerSeen = await crawl(officer.context.request, servers.isolation, ["/awards"], /^\/awards\/[0-9a-f-]{36}(?:\/deliverables\/[^/]+\/evidence\/[^/]+)?$/, []);
  const evidence = officerSeen.visited.filter((r) => /\/deliverables\/[^/]+\/evidence/.test(r));
  expect(evidence.length, officerSeen.visited.join("\n")).toBeGreaterThan(0);
  for (const route of evidence) {
    const res = await context.request.get(`${servers.isolation}${route}`);
    expect(res.status(), route).toBe(404);
    expect(await res.text()).not.toContain(MARK);
  }
  await officer.context.close();
  await context.close();
});

test("a focal point sees its country's requests and awards with the state's feedback, never what the office keeps internal", async ({ browser }) => {
  test.setTimeout(240_000);
  const { context } = await signedIn(browser, "Ana López");
  const seen = await crawl(context.request, servers.isolation, ["/", "/requests", "/awards"], /^\/(?:requests|awards)(?:[/?]|$)/, OFFICE_ONLY);
  expect(seen.visited.length).toBeGreaterThan(5);
  // The planted fields it may see do reach it, so the markers are where the check looks.
  expect([...seen.seen]).toContain(MARKERS.reportNarrativeNotAccepted);
  expect([...seen.seen]).toContain(MARKERS.reportReviewComment);
  await context.close();
});

test("an implementing partner sees only the awards it implements, never request comments or the office's reviews", async ({ browser }) => {
  test.setTimeout(240_000);
  const { context } = await signedIn(browser, "Laura Méndez");
  const forbidden = [...OFFICE_ONLY, MARKERS.sharedComment];
  const seen = await crawl(context.request, servers.isolation, ["/", "/awards"], /^\/awards(?:[/?]|$)/, forbidden);
  expect(seen.visited.length).toBeGreaterThan(1);
  // It works with what the office returned, evidence files included: the markers are where the check looks.
  expect([...seen.seen]).toContain(MARKERS.evidenceNotAccepted);
  expect([...seen.seen]).toContain(MARKERS.deliverableReviewComment);
  // Another implementer's awards (found as the donor sees them) stay not found for this partner.
  const donor = await signedIn(browser, "Sarah Miller");
  const all = await crawl(donor.context.request, servers.isolation, ["/dashboards"], /^\/dashboards\/[^/]+(?:\/countries\/[^/]+)?$/, []);
  const foreign = [...all.awardIds].filter((id) => !seen.awardIds.has(id));
  expect(foreign.length).toBeGreaterThan(0);
  for (const id of foreign) {
    const res = await context.request.get(`${servers.isolation}/awards/${id}`);
    expect(res.status(), `/awards/${id}`).toBe(404);
  }
  await donor.context.close();
  await context.close();
});
