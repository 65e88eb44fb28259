import { dbOptionsFromEnv, openDb } from "./client";
import { seedDemo, seedReference } from "./seed";
import { DEMO_USERS } from "./seed/demo-data";

const withDemo = !process.argv.includes("--reference-only");
const handle = await openDb(dbOptionsFromEnv());
try {
  await seedReference(handle.db);
  if (withDemo) await seedDemo(handle.db);
  console.log(`Seeded reference data${withDemo ? " and demo data" : ""}.`);
  if (withDemo) {
    console.log("\nDemo accounts (one-click sign-in on the sign-in page in demo mode; sign-in links go to the demo mailbox):");
    for (const u of DEMO_USERS) {
      console.log(`  ${u.email.padEnd(26)} ${u.roles.join(", ").padEnd(22)} ${u.name} (${u.locale}) — ${u.description.en}`);
    }
  }
} finally {
  await handle.close();
}
