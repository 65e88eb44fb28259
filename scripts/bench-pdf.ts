// npx tsx scripts/bench-pdf.ts
// (DATABASE_URL=postgres://... to run against a PostgreSQL server: a fresh database is created and dropped;
//  without it, an in-memory PGlite.)
//
// The PDF benchmark: seeds one program of 100 active awards across 12 countries (3 indicators, 2 accepted
// reports with actuals, 4 deliverables, 2 tranches with 1 disbursement and 2 equipment items each), then
// times getProgramReport (data load, what the route runs) and renderProgramReport (English and Spanish) over 10 runs after
// 2 warm-ups and prints min/median/max, the page count and the size. Target: render under 1 s.
// Then the same through the PDF worker thread the routes use, and how long the calling thread is held up
// by a render in place and with the worker.
//
// The data layer is loaded outside Next.js through scripts/support/server-only-hook.ts, imported first.
// React is loaded in its production build, as in `next start`.
import "./support/server-only-hook";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

// `-- --scale`: the program PDF on a seeded scale database instead (scripts/bench-pdf-scale.ts).
if (process.argv.includes("--scale")) {
  await import("./bench-pdf-scale");
  process.exit(0);
}

const AWARDS = 100;
const WARMUPS = 2;
const RUNS = 10;
const TODAY = "2026-09-15";

const { eq, inArray } = await import("drizzle-orm");
const schema = await import("@/db/schema");
const { createTestDb } = await import("@/test/db");
const { loadActiveUser } = await import("@/lib/auth/queries");
const { getProgramReport } = await import("@/lib/dashboards/queries");
const { renderProgramReport } = await import("@/lib/pdf/render");
const { PdfWorker } = await import("@/lib/pdf/pool");

const NARRATIVE_EN =
  "During the period the implementing partner delivered marking equipment to the national armoury, trained technicians of the national firearms authority and marked firearms held in state stocks. Records were entered in the national registry and verified during an end-use visit.";
const NARRATIVE_ES =
  "Durante el período, el socio ejecutor entregó equipos de marcaje al arsenal nacional, capacitó a técnicos de la autoridad nacional de armas de fuego y marcó armas de las existencias del Estado. Los registros se ingresaron en el registro nacional y se verificaron en una visita de uso final.";

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return `min ${ms(sorted[0])}  median ${ms(median)}  max ${ms(sorted[sorted.length - 1])}`;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const seedStart = performance.now();
const db = await createTestDb();
try {
  const d = db.db;
  const [officerRow] = await d.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "officer@example.org"));
  const officer = (await loadActiveUser(officerRow.id))!;
  const [donor] = await d.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.key, "state-inl"));
  const partners = await d.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.type, "implementing_partner"));
  const countryRows = await d.select({ iso2: schema.countries.iso2 }).from(schema.countries).where(eq(schema.countries.isRecipient, true)).orderBy(schema.countries.iso2);
  const isos = countryRows.slice(0, 12).map((c) => c.iso2);
  const library = await d
    .select({ id: schema.indicators.id })
    .from(schema.indicators)
    .where(inArray(schema.indicators.key, ["firearms_marked", "officers_trained", "weapons_destroyed"]));

  const [program] = await d
    .insert(schema.programs)
    .values({
      key: "bench-pdf",
      nameEn: "Benchmark program: firearms marking, stockpile management and record-keeping in Central America and the Caribbean",
      nameEs: "Programa de referencia: marcaje de armas, gestión de arsenales y registro en Centroamérica y el Caribe",
      currency: "USD",
      ceilingMinor: 50_000_000_000,
      approvalThresholdMinor: 50_000_000_000,
      startsOn: "2025-01-01",
      endsOn: "2028-12-31",
    })
    .returning({ id: schema.programs.id });
  await d.insert(schema.programDonors).values({ programId: program.id, organizationId: donor.id });
  await d.insert(schema.programCountries).values(isos.map((countryIso2) => ({ programId: program.id, countryIso2 })));

  const awardRows = await d
    .insert(schema.awards)
    .values(
      Array.from({ length: AWARDS }, (_, i) => ({
        reference: `BENCH-${String(i + 1).padStart(4, "0")}`,
        programId: program.id,
        implementingPartnerId: partners[i % partners.length].id,
        countryIso2: isos[i % isos.length],
        titleEn: `Marking machines, training and registry support, lot ${i + 1}`,
        titleEs: `Máquinas de marcaje, capacitación y apoyo al registro, lote ${i + 1}`,
        amountMinor: 20_000_000 + i * 100_000,
        currency: "USD",
        startsOn: "2026-01-01",
        endsOn: "2027-12-31",
        status: "active" as const,
        createdById: officer.id,
      })),
    )
    .returning({ id: schema.awards.id, amountMinor: schema.awards.amountMinor });

  for (const award of awardRows) {
    const tracked = await d
      .insert(schema.awardIndicators)
      .values(library.map((l, k) => ({ awardId: award.id, indicatorId: l.id, baseline: String(k * 10), target: String(1000 * (k + 1)) })))
      .returning({ id: schema.awardIndicators.id });
    const periods = await d
      .insert(schema.reportingPeriods)
      .values([
        { awardId: award.id, number: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-30" },
        { awardId: award.id, number: 2, startsOn: "2026-04-01", endsOn: "2026-06-30", dueOn: "2026-07-30" },
      ])
      .returning({ id: schema.reportingPeriods.id });
    const reports = await d
      .insert(schema.progressReports)
      .values(
        periods.map((p, k) => ({
          awardId: award.id,
          periodId: p.id,
          status: "accepted" as const,
          narrativeEn: NARRATIVE_EN,
          narrativeEs: NARRATIVE_ES,
          expenditureToDateMinor: Math.round(award.amountMinor * 0.2 * (k + 1)),
          createdById: officer.id,
          submittedById: officer.id,
          submittedAt: new Date(`2026-0${5 + k * 3}-05T10:00:00Z`),
          reviewedById: officer.id,
          reviewedAt: new Date(`2026-0${5 + k * 3}-15T10:00:00Z`),
        })),
      )
      .returning({ id: schema.progressReports.id });
    await d.insert(schema.reportActuals).values(reports.flatMap((r, k) => tracked.map((t, j) => ({ reportId: r.id, awardIndicatorId: t.id, value: String(100 * (k + 1) + j) }))));
    await d.insert(schema.awardDeliverables).values([
      { awardId: award.id, title: "Marking machines delivered and installed", dueOn: "2026-03-31", status: "accepted" as const },
      { awardId: award.id, title: "Technicians trained in marking and record-keeping", dueOn: "2026-06-30", status: "submitted" as const },
      { awardId: award.id, title: "Stockpile assessment report", dueOn: "2026-12-31", status: "pending" as const },
      { awardId: award.id, title: "Final verification visit", dueOn: "2027-11-30", status: "pending" as const },
    ]);
    const tranches = await d
      .insert(schema.awardTranches)
      .values([
        { awardId: award.id, position: 1, plannedAmountMinor: Math.round(award.amountMinor * 0.6), plannedOn: "2026-02-01" },
        { awardId: award.id, position: 2, plannedAmountMinor: award.amountMinor - Math.round(award.amountMinor * 0.6), plannedOn: "2026-09-01" },
      ])
      .returning({ id: schema.awardTranches.id, position: schema.awardTranches.position });
    const first = tranches.find((t) => t.position === 1)!;
    await d.insert(schema.disbursements).values({ trancheId: first.id, amountMinor: Math.round(award.amountMinor * 0.6), disbursedOn: "2026-02-10", recordedById: officer.id });
    await d.insert(schema.equipmentItems).values([
      { awardId: award.id, kind: "Laser marking machine", model: "LM-30", quantity: 2, handoverOn: "2026-03-15", custodianAgency: "National armoury", condition: "good" as const, createdById: officer.id },
      { awardId: award.id, kind: "Armoury racks", quantity: 20, custodianAgency: "National police", createdById: officer.id },
    ]);
  }
  const seedMs = performance.now() - seedStart;

  const load: number[] = [];
  const render: Record<"en" | "es", number[]> = { en: [], es: [] };
  let bytes: Record<"en" | "es", Buffer> = { en: Buffer.alloc(0), es: Buffer.alloc(0) };
  for (let run = 0; run < WARMUPS + RUNS; run++) {
    const loaded = await timed(() => getProgramReport(officer, program.id, { today: TODAY }));
    if (loaded.value.awardCount !== AWARDS) throw new Error(`expected ${AWARDS} awards, got ${loaded.value.awardCount}`);
    const en = await timed(() => renderProgramReport(loaded.value, "en"));
    const es = await timed(() => renderProgramReport(loaded.value, "es"));
    if (run >= WARMUPS) {
      load.push(loaded.ms);
      render.en.push(en.ms);
      render.es.push(es.ms);
    }
    bytes = { en: en.value, es: es.value };
  }

  // pdfkit writes every page as its own (uncompressed) /Type /Page object.
  const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  const backend = process.env.DATABASE_URL?.trim() ? "PostgreSQL" : "PGlite (in memory)";
  console.log(`PDF benchmark: ${AWARDS} active awards in ${isos.length} countries, ${backend}, Node ${process.version}, NODE_ENV=${process.env.NODE_ENV}`);
  console.log(`seeding:                 ${(seedMs / 1000).toFixed(1)} s (database created, migrated, seeded)`);
  console.log(`${RUNS} runs after ${WARMUPS} warm-ups:`);
  console.log(`  getProgramReport       ${stats(load)}`);
  console.log(`  renderProgramReport en ${stats(render.en)}   ${pages(bytes.en)} pages, ${(bytes.en.byteLength / 1024).toFixed(0)} KiB`);
  console.log(`  renderProgramReport es ${stats(render.es)}   ${pages(bytes.es)} pages, ${(bytes.es.byteLength / 1024).toFixed(0)} KiB`);
  const sorted = [...render.en, ...render.es].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(median < 1000 ? `target met: median render ${median.toFixed(0)} ms < 1000 ms` : `TARGET MISSED: median render ${median.toFixed(0)} ms >= 1000 ms`);

  // What the routes do: render on the PDF worker thread. While it renders, the calling thread (the
  // server's, which answers every other request) is watched for how long its event loop is held up.
  const overview = await getProgramReport(officer, program.id, { today: TODAY });
  const worker = new PdfWorker();
  const started = await timed(() => worker.render({ kind: "program", overview }, "en"));
  const inWorker: number[] = [];
  for (let run = 0; run < WARMUPS + RUNS; run++) {
    const r = await timed(() => worker.render({ kind: "program", overview }, run % 2 ? "es" : "en"));
    if (run >= WARMUPS) inWorker.push(r.ms);
  }
  /** The longest gap between ticks of a 5 ms interval on this thread while `fn` runs 4 times. */
  async function longestStall(fn: () => Promise<unknown>): Promise<number> {
    let last = performance.now();
    let longest = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    for (let run = 0; run < 4; run++) {
      await fn();
      await new Promise((resolve) => setTimeout(resolve, 20)); // let the probe tick between renders
    }
    clearInterval(probe);
    return longest;
  }
  const heldInPlace = await longestStall(() => renderProgramReport(overview, "en"));
  const heldByWorker = await longestStall(() => worker.render({ kind: "program", overview }, "en"));
  await worker.close();
  console.log(`PDF worker thread (what the routes use):`);
  console.log(`  first report           ${started.ms.toFixed(0)} ms (starts the thread and compiles the report code; the server does this at start)`);
  console.log(`  render via worker      ${stats(inWorker)}   (en and es alternately)`);
  console.log(`  longest stall of the calling thread over 4 renders: ${heldInPlace.toFixed(0)} ms rendering in place, ${heldByWorker.toFixed(0)} ms with the worker`);
} finally {
  await db.drop();
}
