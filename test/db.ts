// Integration-test database: a fresh PostgreSQL database per test file when DATABASE_URL is set
// (created and dropped here), otherwise an in-memory PGlite. Migrated and seeded with reference data.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo, seedReference } from "@/db/seed";

export interface TestDb extends DbHandle {
  name: string;
  url?: string;
  drop: () => Promise<void>;
}

export async function createTestDb(options: { demo?: boolean } = { demo: true }): Promise<TestDb> {
  const baseUrl = process.env.DATABASE_URL?.trim();
  let handle: DbHandle;
  let name = "memory";
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (baseUrl) {
    name = `fap_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(baseUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    handle = await openDb({ url, max: 25 });
    dropDatabase = async () => {
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    handle = await openDb({ pgliteDir: "memory" });
  }
  await runMigrations(handle);
  await seedReference(handle.db);
  if (options.demo !== false) await seedDemo(handle.db);
  setDbHandle(handle);
  return {
    ...handle,
    name,
    url,
    drop: async () => {
      setDbHandle(undefined);
      await handle.close();
      await dropDatabase();
    },
  };
}
