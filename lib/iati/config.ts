import { DEFAULT_IATI_REPORTING_ORG_TYPE, getEnv, type EnvSource } from "@/lib/config/env";
import { catalogs } from "@/lib/i18n/messages";
import type { IatiReportingOrg } from "./build";

/**
 * The identifier used when none is configured. Deliberately no real organisation's identifier (there
 * is no "XI-PORTAL" registration agency): a file carrying it is recognisably a demo and can never be
 * mistaken for a real publisher's data. A real deployment sets its registered identifier.
 */
export const DEMO_REPORTING_ORG_REF = "XI-PORTAL-DEMO";
/** IATI OrganisationType 40 (multilateral): a regional body running the portal is the expected operator. */
export const DEMO_REPORTING_ORG_TYPE = DEFAULT_IATI_REPORTING_ORG_TYPE;

/**
 * The portal operator as the IATI reporting organisation, from IATI_REPORTING_ORG_REF,
 * IATI_REPORTING_ORG_NAME (and optional IATI_REPORTING_ORG_NAME_ES) and IATI_REPORTING_ORG_TYPE; the
 * labelled demo organisation when no identifier is set. A malformed setting throws, so a deployment
 * never publishes files under a broken identifier. Server code only (reads the environment).
 */
export function reportingOrgFromEnv(source?: EnvSource): IatiReportingOrg & { isDemo: boolean } {
  // Checked by the schema (lib/config/env.ts): a two-digit type, a well-formed identifier, a name with it.
  const env = getEnv(source);
  const ref = env.IATI_REPORTING_ORG_REF;
  const nameEn = env.IATI_REPORTING_ORG_NAME;
  const nameEs = env.IATI_REPORTING_ORG_NAME_ES;
  const type = env.IATI_REPORTING_ORG_TYPE;
  if (!ref) {
    return {
      ref: DEMO_REPORTING_ORG_REF,
      type,
      name: { en: nameEn || catalogs.en.iati.reportingOrgDemoName, es: nameEs || catalogs.es.iati.reportingOrgDemoName },
      isDemo: true,
    };
  }
  if (!nameEn) throw new Error("IATI_REPORTING_ORG_NAME must be set together with IATI_REPORTING_ORG_REF");
  return { ref, type, name: { en: nameEn, es: nameEs || null }, isDemo: false };
}
