// Lets a script load the data layer outside Next.js. The data layer imports "server-only", which throws
// outside Next's server build: this resolve hook maps it to an empty module (what vitest's alias does).
// Import this module first, then load the app's modules with `await import(...)`: a hook applies only
// to modules resolved after it is registered.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
