// The PDF worker thread's first module (plain JavaScript, so that Node can start it from any build):
// it registers tsx's loader, which compiles the report code from the repository's TypeScript sources
// on first use, then loads the worker proper. See lib/pdf/pool.ts and docs/decisions/0010.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
await import(workerData.entry);
