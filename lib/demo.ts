import { getEnv } from "@/lib/config/env";
/** Demo mode is switched on only by `npm run demo` (DEMO_MODE=1); it is read at run time, never built in. */
export function isDemoMode(): boolean {
  return getEnv().DEMO_MODE;
}
