import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  countries,
  organizations,
  programCategories,
  programCountries,
  programDonors,
  indicators,
  programs,
  rubricCriteria,
  userRoles,
  users,
} from "../schema";
import { DEMO_USERS } from "./demo-data";
import { seedDemoRequests } from "./demo-requests";
import { seedDemoDelivery } from "./demo-delivery";
import { seedDemoWorkflow } from "./demo-workflow";
import { DEFAULT_RUBRIC } from "../../lib/programs/default-rubric";
import { INDICATOR_LIBRARY, REFERENCE_COUNTRIES, REFERENCE_ORGANIZATIONS, REFERENCE_PROGRAMS } from "./reference-data";

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/** Loads countries, organizations and programs. Idempotent: a second run leaves the same data. */
export async function seedReference(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(countries)
      .values(REFERENCE_COUNTRIES.map((c) => ({ ...c, languages: [...c.languages] })))
      .onConflictDoUpdate({
        target: countries.iso2,
        set: {
          iso3: excluded("iso3"),
          nameEn: excluded("name_en"),
          nameEs: excluded("name_es"),
          region: excluded("region"),
          languages: excluded("languages"),
          isCaricomMember: excluded("is_caricom_member"),
          isTerritory: excluded("is_territory"),
          etraceSignedOn: excluded("etrace_signed_on"),
          isRecipient: excluded("is_recipient"),
        },
      });

    await tx
      .insert(organizations)
      .values(REFERENCE_ORGANIZATIONS.map((o) => ({ ...o })))
      .onConflictDoUpdate({
        target: organizations.key,
        set: {
          type: excluded("type"),
          countryIso2: excluded("country_iso2"),
          nameEn: excluded("name_en"),
          nameEs: excluded("name_es"),
        },
      });
    const orgRows = await tx.select({ id: organizations.id, key: organizations.key }).from(organizations);
    const orgId = new Map(orgRows.map((o) => [o.key, o.id]));

    await tx
      .insert(indicators)
      .values(INDICATOR_LIBRARY.map((i) => ({ ...i })))
      .onConflictDoUpdate({
        target: indicators.key,
        set: { unit: excluded("unit"), nameEn: excluded("name_en"), nameEs: excluded("name_es") },
      });

    for (const p of REFERENCE_PROGRAMS) {
      const [row] = await tx
        .insert(programs)
        .values({
          key: p.key,
          nameEn: p.nameEn,
          nameEs: p.nameEs,
          currency: p.currency,
          ceilingMinor: p.ceilingMinor,
          approvalThresholdMinor: p.approvalThresholdMinor,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          isDemoFigures: p.isDemoFigures,
        })
        .onConflictDoUpdate({
          target: programs.key,
          set: {
            nameEn: excluded("name_en"),
            nameEs: excluded("name_es"),
            currency: excluded("currency"),
            ceilingMinor: excluded("ceiling_minor"),
            approvalThresholdMinor: excluded("approval_threshold_minor"),
            startsOn: excluded("starts_on"),
            endsOn: excluded("ends_on"),
            isDemoFigures: excluded("is_demo_figures"),
          },
        })
        .returning({ id: programs.id });
      const programId = row.id;
      const donorIds = p.donorKeys.map((k) => {
        const id = orgId.get(k);
        if (!id) throw new Error(`Unknown donor organization ${k} for program ${p.key}`);
        return id;
      });
      await tx.delete(programDonors).where(and(eq(programDonors.programId, programId), notInArray(programDonors.organizationId, donorIds)));
      await tx.insert(programDonors).values(donorIds.map((organizationId) => ({ programId, organizationId }))).onConflictDoNothing();
      await tx
        .delete(programCountries)
        .where(and(eq(programCountries.programId, programId), notInArray(programCountries.countryIso2, [...p.countries])));
      await tx
        .insert(programCountries)
        .values(p.countries.map((countryIso2) => ({ programId, countryIso2 })))
        .onConflictDoNothing();
      // The default rubric, only for programs that have none yet (admins may have edited it).
      const existing = await tx.select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.programId, programId)).limit(1);
      if (existing.length === 0) {
        await tx.insert(rubricCriteria).values(DEFAULT_RUBRIC.map((c, position) => ({ ...c, programId, position })));
      }
      await tx
        .delete(programCategories)
        .where(and(eq(programCategories.programId, programId), notInArray(programCategories.category, [...p.categories])));
      await tx
        .insert(programCategories)
        .values(p.categories.map((category) => ({ programId, category })))
        .onConflictDoNothing();
    }
  });
}

/** Loads the demo accounts (one or more per role) and their illustrative records. Idempotent. */
export async function seedDemo(db: Db): Promise<void> {
  await seedDemoUsers(db);
  await seedDemoRequests(db);
  await seedDemoWorkflow(db);
  await seedDemoDelivery(db);
}

async function seedDemoUsers(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const orgRows = await tx.select({ id: organizations.id, key: organizations.key }).from(organizations);
    const orgId = new Map(orgRows.map((o) => [o.key, o.id]));
    for (const u of DEMO_USERS) {
      const organizationId = u.organizationKey ? orgId.get(u.organizationKey) : undefined;
      if (u.organizationKey && !organizationId) throw new Error(`Seed reference data first (${u.organizationKey})`);
      const [row] = await tx
        .insert(users)
        .values({
          email: u.email,
          name: u.name,
          locale: u.locale,
          countryIso2: u.countryIso2 ?? null,
          organizationId: organizationId ?? null,
          isActive: true,
        })
        .onConflictDoUpdate({
          target: users.email,
          set: {
            name: excluded("name"),
            locale: excluded("locale"),
            countryIso2: excluded("country_iso2"),
            organizationId: excluded("organization_id"),
            isActive: sql`true`,
            deactivatedAt: sql`null`,
          },
        })
        .returning({ id: users.id });
      await tx.delete(userRoles).where(and(eq(userRoles.userId, row.id), notInArray(userRoles.role, [...u.roles])));
      await tx
        .insert(userRoles)
        .values(u.roles.map((role) => ({ userId: row.id, role })))
        .onConflictDoNothing();
    }
  });
}

export async function demoUserIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
  return rows.map((r) => r.id);
}
