import { catalogs } from "@/lib/i18n/messages";
import type { IatiReportingOrg } from "./build";

/**
 * The identifier used when none is configured. Deliberately no real organisation's identifier (there
 * is no "XI-PORTAL" registration agency): a file carrying it is recognisably a demo and can never be
 * mistaken for a real publisher's data. A real deployment sets its registered identifier.
 */
export const DEMO_REPORTING_ORG_REF = "XI-PORTAL-DEMO";
/** IATI OrganisationType 40 (multilateral): a regional body running the portal is the expected operator. */
export const DEMO_REPORTING_ORG_TYPE = "40";

// IATI organisation identifiers are {agency prefix}-{number}: letters, digits, hyphens, dots, slashes,
// no spaces (they become the prefix of every activity identifier).
const ORG_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]*-[A-Za-z0-9._/-]+$/;
const ORG_TYPE = /^\d{2}$/;

/**
 * The portal operator as the IATI reporting organisation, from IATI_REPORTING_ORG_REF,
 * IATI_REPORTING_ORG_NAME (and optional IATI_REPORTING_ORG_NAME_ES) and IATI_REPORTING_ORG_TYPE; the
 * labelled demo organisation when no identifier is set. A malformed setting throws, so a deployment
 * never publishes files under a broken identifier. Server code only (reads the environment).
 */
export function reportingOrgFromEnv(env: Record<string, string | undefined> = process.env): IatiReportingOrg & { isDemo: boolean } {
  const ref = env.IATI_REPORTING_ORG_REF?.trim();
  const nameEn = env.IATI_REPORTING_ORG_NAME?.trim();
  const nameEs = env.IATI_REPORTING_ORG_NAME_ES?.trim();
  const type = env.IATI_REPORTING_ORG_TYPE?.trim() || DEMO_REPORTING_ORG_TYPE;
  if (!ORG_TYPE.test(type)) throw new Error(`IATI_REPORTING_ORG_TYPE must be a two-digit IATI OrganisationType code, got "${type}"`);
  if (!ref) {
    return {
      ref: DEMO_REPORTING_ORG_REF,
      type,
      name: { en: nameEn || catalogs.en.iati.reportingOrgDemoName, es: nameEs || catalogs.es.iati.reportingOrgDemoName },
      isDemo: true,
    };
  }
  if (!ORG_REF.test(ref)) throw new Error(`IATI_REPORTING_ORG_REF must be an IATI organisation identifier such as "XM-DAC-00000", got "${ref}"`);
  if (!nameEn) throw new Error("IATI_REPORTING_ORG_NAME must be set together with IATI_REPORTING_ORG_REF");
  return { ref, type, name: { en: nameEn, es: nameEs || null }, isDemo: false };
}
