import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { assistanceRequests, auditEvents, programs, requestPrograms, requestRevisions, users } from "../schema";
import type { AssistanceCategory, RequestStatus, Urgency } from "../../lib/enums";
import { addDays, todayIso } from "../../lib/dates";

interface DemoRequest {
  key: string; // fixed creation key: the seed inserts each request once
  filer: string;
  status: Extract<RequestStatus, "draft" | "submitted" | "withdrawn">;
  daysAgo: number;
  primaryLocale: "en" | "es";
  category: AssistanceCategory;
  title: string;
  titleOther?: string;
  narrative: string;
  justification: string;
  details: Record<string, unknown>;
  costUsd: number;
  urgency: Urgency;
  startInDays: number;
  programKeys: string[];
}

/** Illustrative requests from several states (the demo banner says the data are illustrative). */
export const DEMO_REQUESTS: DemoRequest[] = [
  {
    key: "0d3f0000-0000-4000-8000-000000000001",
    filer: "focal.gt@example.org",
    status: "submitted",
    daysAgo: 12,
    primaryLocale: "es",
    category: "marking_equipment",
    title: "Equipos de marcaje láser para la DIGECAM",
    titleOther: "Laser marking equipment for DIGECAM",
    narrative:
      "La DIGECAM registra y marca las armas importadas y las de las fuerzas de seguridad con equipos manuales que ya no cubren el volumen anual.\nSe solicitan tres máquinas de marcaje láser con su capacitación.",
    justification: "El marcaje al momento de la importación es una obligación de la CIFTA y facilita el rastreo mediante eTrace.",
    details: { machinesWanted: 3, firearmsToMarkPerYear: 15000, operatingAgencies: "DIGECAM, Policía Nacional Civil" },
    costUsd: 180000,
    urgency: "high",
    startInDays: 90,
    programKeys: ["oas-marking"],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000002",
    filer: "focal.gt@example.org",
    status: "draft",
    daysAgo: 3,
    primaryLocale: "es",
    category: "destruction",
    title: "Destrucción de armas incautadas bajo custodia judicial",
    narrative: "Miles de armas con sentencia firme esperan su destrucción en depósitos judiciales.",
    justification: "Reducir el riesgo de desvío desde los depósitos.",
    details: { weaponsToDestroy: 4500, destructionMethod: "crushing" },
    costUsd: 95000,
    urgency: "medium",
    startInDays: 150,
    programKeys: ["merida-ca"],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000003",
    filer: "focal.jm@example.org",
    status: "submitted",
    daysAgo: 20,
    primaryLocale: "en",
    category: "etrace_onboarding",
    title: "eTrace onboarding for the Firearms Licensing Authority and JCF",
    narrative: "Extend eTrace accounts to the Firearms Licensing Authority and the JCF's divisional investigators.",
    justification: "Most recovered crime guns are traced late or not at all; direct access shortens the process.",
    details: { etraceAgencies: "Jamaica Constabulary Force, Firearms Licensing Authority", etraceAccountsWanted: 40, etraceLanguage: "en", etraceTrainingNeeded: true },
    costUsd: 60000,
    urgency: "high",
    startInDays: 45,
    programKeys: ["cbsi"],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000004",
    filer: "focal.jm@example.org",
    status: "draft",
    daysAgo: 1,
    primaryLocale: "en",
    category: "armoury_security",
    title: "Upgrade of divisional armouries",
    narrative: "Doors, racks, alarms and access logs for six divisional armouries.",
    justification: "Physical security assessments found gaps at most sites.",
    details: { sites: 6, storageCapacity: 3000 },
    costUsd: 240000,
    urgency: "medium",
    startInDays: 120,
    programKeys: ["cbsi"],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000005",
    filer: "focal.hn@example.org",
    status: "submitted",
    daysAgo: 8,
    primaryLocale: "es",
    category: "training",
    title: "Capacitación en investigación del tráfico ilícito de armas",
    narrative: "Curso para fiscales e investigadores sobre rastreo, cadena de custodia y cooperación internacional.",
    justification: "Fortalecer la judicialización de los casos de tráfico.",
    details: { course: "Investigación del tráfico ilícito de armas de fuego", officersToTrain: 60 },
    costUsd: 75000,
    urgency: "medium",
    startInDays: 60,
    programKeys: ["merida-ca"],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000006",
    filer: "focal.hn@example.org",
    status: "draft",
    daysAgo: 2,
    primaryLocale: "es",
    category: "legislation",
    title: "Armonización de la ley de armas con la CIFTA",
    narrative: "Asistencia técnica para revisar la ley de control de armas y sus reglamentos.",
    justification: "Varias disposiciones de la CIFTA no están reflejadas en la legislación nacional.",
    details: { legalInstrument: "cifta", legislationScope: "Ley de control de armas de fuego, municiones y explosivos y su reglamento" },
    costUsd: 40000,
    urgency: "low",
    startInDays: 180,
    programKeys: [],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000007",
    filer: "focal.tt@example.org",
    status: "submitted",
    daysAgo: 15,
    primaryLocale: "en",
    category: "stockpile_assessment",
    title: "Assessment of police and defence force stockpiles",
    narrative: "An assessment of stockpile management practices at police and defence force sites, following international guidelines.",
    justification: "The last assessment predates the new storage facilities.",
    details: { sites: 4, storageCapacity: 20000 },
    costUsd: 85000,
    urgency: "high",
    startInDays: 30,
    programKeys: ["unlirec-caribbean-stockpile"],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000008",
    filer: "focal.do@example.org",
    status: "submitted",
    daysAgo: 30,
    primaryLocale: "es",
    category: "record_keeping",
    title: "Digitalización del registro nacional de armas",
    titleOther: "Digitization of the national firearms registry",
    narrative: "Digitalizar los expedientes de licencias y registros de armas y conectarlos con el sistema de rastreo.",
    justification: "El registro en papel impide responder con rapidez a las solicitudes de rastreo.",
    details: { recordsToDigitize: 250000, currentSystem: "Expedientes en papel y hojas de cálculo por provincia" },
    costUsd: 320000,
    urgency: "critical",
    startInDays: 75,
    programKeys: ["oas-marking"],
  },
  {
    key: "0d3f0000-0000-4000-8000-000000000009",
    filer: "focal.jm@example.org",
    status: "withdrawn",
    daysAgo: 40,
    primaryLocale: "en",
    category: "destruction",
    title: "Destruction of obsolete ammunition",
    narrative: "Disposal of unserviceable ammunition held by the JCF.",
    justification: "Risk of unplanned explosions.",
    details: { ammunitionTonnes: 12.5, destructionMethod: "open_detonation" },
    costUsd: 110000,
    urgency: "high",
    startInDays: 60,
    programKeys: ["unlirec-caribbean-stockpile"],
  },
];

/** Loads the demo requests once each (fixed keys); a second run changes nothing. */
export async function seedDemoRequests(db: Db): Promise<void> {
  const programRows = await db.select({ id: programs.id, key: programs.key }).from(programs);
  const programId = new Map(programRows.map((p) => [p.key, p.id]));
  for (const d of DEMO_REQUESTS) {
    await db.transaction(async (tx) => {
      const [exists] = await tx.select({ id: assistanceRequests.id }).from(assistanceRequests).where(eq(assistanceRequests.creationKey, d.key));
      if (exists) return;
      const [filer] = await tx.select().from(users).where(eq(users.email, d.filer));
      if (!filer?.countryIso2) throw new Error(`Seed the demo users first (${d.filer})`);
      const created = new Date(Date.now() - d.daysAgo * 86400_000);
      const year = created.getUTCFullYear();
      const counter = await tx.execute(
        sql`INSERT INTO request_reference_counters (country_iso2, year, last_number) VALUES (${filer.countryIso2}, ${year}, 1)
            ON CONFLICT (country_iso2, year) DO UPDATE SET last_number = request_reference_counters.last_number + 1
            RETURNING last_number`,
      );
      const rows = (Array.isArray(counter) ? counter : (counter as { rows: unknown[] }).rows) as { last_number: number }[];
      const reference = `${filer.countryIso2}-${year}-${String(rows[0].last_number).padStart(4, "0")}`;
      const es = d.primaryLocale === "es";
      const submitted = d.status !== "draft";
      const [request] = await tx
        .insert(assistanceRequests)
        .values({
          reference,
          creationKey: d.key,
          countryIso2: filer.countryIso2,
          createdById: filer.id,
          status: d.status,
          version: submitted ? 2 : 1,
          primaryLocale: d.primaryLocale,
          category: d.category,
          titleEn: es ? (d.titleOther ?? null) : d.title,
          titleEs: es ? d.title : (d.titleOther ?? null),
          narrativeEn: es ? null : d.narrative,
          narrativeEs: es ? d.narrative : null,
          justificationEn: es ? null : d.justification,
          justificationEs: es ? d.justification : null,
          details: d.details,
          estimatedCostMinor: d.costUsd * 100,
          urgency: d.urgency,
          desiredStartOn: addDays(todayIso(), d.startInDays),
          submittedAt: submitted ? new Date(created.getTime() + 86400_000) : null,
          revisionCount: submitted ? 1 : 0,
          createdAt: created,
          updatedAt: submitted ? new Date(created.getTime() + 86400_000) : created,
        })
        .returning();
      const ids = d.programKeys.map((k) => programId.get(k)!).filter(Boolean);
      if (ids.length) await tx.insert(requestPrograms).values(ids.map((id) => ({ requestId: request.id, programId: id })));
      await tx.insert(auditEvents).values({
        actorUserId: filer.id,
        action: "request.create",
        entityType: "request",
        entityId: request.id,
        occurredAt: created,
        details: { reference, seeded: true },
      });
      if (submitted) {
        const at = new Date(created.getTime() + 86400_000);
        await tx.insert(requestRevisions).values({
          requestId: request.id,
          number: 1,
          submittedById: filer.id,
          submittedAt: at,
          snapshot: {
            primaryLocale: request.primaryLocale,
            category: request.category,
            titleEn: request.titleEn,
            titleEs: request.titleEs,
            narrativeEn: request.narrativeEn,
            narrativeEs: request.narrativeEs,
            justificationEn: request.justificationEn,
            justificationEs: request.justificationEs,
            details: request.details,
            estimatedCostMinor: request.estimatedCostMinor,
            currency: request.currency,
            urgency: request.urgency,
            desiredStartOn: request.desiredStartOn,
            programIds: ids.sort(),
            attachments: [],
          },
        });
        await tx.insert(auditEvents).values({
          actorUserId: filer.id,
          action: "request.submit",
          entityType: "request",
          entityId: request.id,
          occurredAt: at,
          details: { revision: 1, reference, seeded: true },
        });
      }
      if (d.status === "withdrawn") {
        await tx.insert(auditEvents).values({
          actorUserId: filer.id,
          action: "request.withdraw",
          entityType: "request",
          entityId: request.id,
          occurredAt: new Date(created.getTime() + 2 * 86400_000),
          details: { from: "submitted", seeded: true },
        });
      }
    });
  }
}
