import { dbOptionsFromEnv, openDb } from "./client";
import { seedDemo, seedReference } from "./seed";

const withDemo = !process.argv.includes("--reference-only");
const handle = await openDb(dbOptionsFromEnv());
try {
  await seedReference(handle.db);
  if (withDemo) await seedDemo(handle.db);
  console.log(`Seeded reference data${withDemo ? " and demo data" : ""}.`);
} finally {
  await handle.close();
}
