import { dbOptionsFromEnv, openDb } from "./client";
import { seedDemo, seedReference } from "./seed";
import { DEMO_USERS } from "./seed/demo-data";
import { seedScale } from "./seed/scale";

const withDemo = !process.argv.includes("--reference-only");
// --scale adds the scale data set at full size; --scale=0.1 at a tenth of it.
const scaleArg = process.argv.find((a) => a === "--scale" || a.startsWith("--scale="));
const scaleFactor = scaleArg ? (scaleArg.includes("=") ? Number(scaleArg.split("=")[1]) : 1) : undefined;
if (scaleFactor !== undefined && !(scaleFactor > 0 && scaleFactor <= 10)) {
  console.error(`--scale takes a factor in (0, 10], got ${scaleArg}`);
  process.exit(2);
}
const handle = await openDb(dbOptionsFromEnv());
try {
  await seedReference(handle.db);
  if (withDemo || scaleFactor !== undefined) await seedDemo(handle.db);
  console.log(`Seeded reference data${withDemo || scaleFactor !== undefined ? " and demo data" : ""}.`);
  if (scaleFactor !== undefined) {
    const started = performance.now();
    const counts = await seedScale(handle.db, { factor: scaleFactor });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!counts) console.log("The scale data set is there already: nothing added.");
    else {
      console.log(`Added the scale data set (factor ${scaleFactor}) in ${seconds} s:`);
      for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(28)} ${n.toLocaleString("en-US")}`);
    }
  }
  if (withDemo) {
    console.log("\nDemo accounts (one-click sign-in on the sign-in page in demo mode; sign-in links go to the demo mailbox):");
    for (const u of DEMO_USERS) {
      console.log(`  ${u.email.padEnd(26)} ${u.roles.join(", ").padEnd(22)} ${u.name} (${u.locale}) — ${u.description.en}`);
    }
  }
} finally {
  await handle.close();
}
