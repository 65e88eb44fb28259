// Copied from the team's checked reference facts (shared/data/reference.json); the app never reads shared/.
// Sources: State Department fact sheet of 2010-03-25, ATF's 2008-12-12 eTrace announcement, the CBSI
// partner list, ISO 3166. Program ceilings, periods and thresholds are demo assumptions (isDemoFigures).
import type { AssistanceCategory, OrganizationType } from "../../lib/enums";

export const ETRACE_NOTE = "By 2010-03-25 the US had signed eTrace agreements with all 7 Central American states and with 14 of the 15 Caribbean states; which Caribbean state had not is not stated, so per-state Caribbean status is unknown (null), not 'no'. A Spanish version of eTrace was a 2010 priority.";

export const REFERENCE_COUNTRIES = [
  {"iso2": "BZ", "iso3": "BLZ", "nameEn": "Belize", "nameEs": "Belice", "region": "central_america", "languages": ["en", "es"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": "2008-12-12", "isRecipient": true},
  {"iso2": "CR", "iso3": "CRI", "nameEn": "Costa Rica", "nameEs": "Costa Rica", "region": "central_america", "languages": ["es"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": "2008-12-12", "isRecipient": true},
  {"iso2": "SV", "iso3": "SLV", "nameEn": "El Salvador", "nameEs": "El Salvador", "region": "central_america", "languages": ["es"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": "2008-12-12", "isRecipient": true},
  {"iso2": "GT", "iso3": "GTM", "nameEn": "Guatemala", "nameEs": "Guatemala", "region": "central_america", "languages": ["es"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": "2008-12-12", "isRecipient": true},
  {"iso2": "HN", "iso3": "HND", "nameEn": "Honduras", "nameEs": "Honduras", "region": "central_america", "languages": ["es"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": "2008-12-12", "isRecipient": true},
  {"iso2": "NI", "iso3": "NIC", "nameEn": "Nicaragua", "nameEs": "Nicaragua", "region": "central_america", "languages": ["es"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": "2008-12-12", "isRecipient": true},
  {"iso2": "PA", "iso3": "PAN", "nameEn": "Panama", "nameEs": "Panamá", "region": "central_america", "languages": ["es"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": "2008-12-12", "isRecipient": true},
  {"iso2": "AG", "iso3": "ATG", "nameEn": "Antigua and Barbuda", "nameEs": "Antigua y Barbuda", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "BS", "iso3": "BHS", "nameEn": "The Bahamas", "nameEs": "Bahamas", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "BB", "iso3": "BRB", "nameEn": "Barbados", "nameEs": "Barbados", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "DM", "iso3": "DMA", "nameEn": "Dominica", "nameEs": "Dominica", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "GD", "iso3": "GRD", "nameEn": "Grenada", "nameEs": "Granada", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "GY", "iso3": "GUY", "nameEn": "Guyana", "nameEs": "Guyana", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "HT", "iso3": "HTI", "nameEn": "Haiti", "nameEs": "Haití", "region": "caribbean", "languages": ["fr", "ht"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "JM", "iso3": "JAM", "nameEn": "Jamaica", "nameEs": "Jamaica", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "MS", "iso3": "MSR", "nameEn": "Montserrat", "nameEs": "Montserrat", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": true, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "KN", "iso3": "KNA", "nameEn": "Saint Kitts and Nevis", "nameEs": "San Cristóbal y Nieves", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "LC", "iso3": "LCA", "nameEn": "Saint Lucia", "nameEs": "Santa Lucía", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "VC", "iso3": "VCT", "nameEn": "Saint Vincent and the Grenadines", "nameEs": "San Vicente y las Granadinas", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "SR", "iso3": "SUR", "nameEn": "Suriname", "nameEs": "Surinam", "region": "caribbean", "languages": ["nl"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "TT", "iso3": "TTO", "nameEn": "Trinidad and Tobago", "nameEs": "Trinidad y Tobago", "region": "caribbean", "languages": ["en"], "isCaricomMember": true, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "DO", "iso3": "DOM", "nameEn": "Dominican Republic", "nameEs": "República Dominicana", "region": "caribbean", "languages": ["es"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": null, "isRecipient": true},
  {"iso2": "US", "iso3": "USA", "nameEn": "United States", "nameEs": "Estados Unidos", "region": "north_america", "languages": ["en"], "isCaricomMember": false, "isTerritory": false, "etraceSignedOn": null, "isRecipient": false},
] as const satisfies readonly { isRecipient: boolean; iso2: string; iso3: string; nameEn: string; nameEs: string; region: "central_america" | "caribbean" | "north_america"; languages: readonly string[]; isCaricomMember: boolean; isTerritory: boolean; etraceSignedOn: string | null }[];

export const REFERENCE_ORGANIZATIONS: readonly { key: string; type: OrganizationType; countryIso2: string | null; nameEn: string; nameEs: string }[] = [
  {"key": "oas", "type": "implementing_partner", "countryIso2": null, "nameEn": "Organization of American States (OAS)", "nameEs": "Organización de los Estados Americanos (OEA)"},
  {"key": "unlirec", "type": "implementing_partner", "countryIso2": null, "nameEn": "UN Regional Centre for Peace, Disarmament and Development in Latin America and the Caribbean (UNLIREC)", "nameEs": "Centro Regional de las Naciones Unidas para la Paz, el Desarme y el Desarrollo en América Latina y el Caribe (UNLIREC)"},
  {"key": "caricom-impacs", "type": "implementing_partner", "countryIso2": null, "nameEn": "CARICOM Implementation Agency for Crime and Security (IMPACS)", "nameEs": "Agencia de Implementación para la Delincuencia y la Seguridad de CARICOM (IMPACS)"},
  {"key": "atf", "type": "government", "countryIso2": "US", "nameEn": "Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)", "nameEs": "Oficina de Alcohol, Tabaco, Armas de Fuego y Explosivos (ATF)"},
  {"key": "state-pm-wra", "type": "donor", "countryIso2": "US", "nameEn": "US Department of State, Office of Weapons Removal and Abatement (PM/WRA)", "nameEs": "Departamento de Estado de EE. UU., Oficina de Remoción y Reducción de Armas (PM/WRA)"},
  {"key": "state-inl", "type": "donor", "countryIso2": "US", "nameEn": "US Department of State, Bureau of International Narcotics and Law Enforcement Affairs (INL)", "nameEs": "Departamento de Estado de EE. UU., Oficina de Asuntos Internacionales de Narcóticos y Aplicación de la Ley (INL)"},
  {"key": "gt-digecam", "type": "government", "countryIso2": "GT", "nameEn": "Directorate General for Arms and Munitions Control (DIGECAM)", "nameEs": "Dirección General de Control de Armas y Municiones (DIGECAM)"},
  {"key": "jm-jcf", "type": "government", "countryIso2": "JM", "nameEn": "Jamaica Constabulary Force", "nameEs": "Fuerza Policial de Jamaica"},
];

export const REFERENCE_PROGRAMS: readonly { key: string; nameEn: string; nameEs: string; donorKeys: readonly string[]; countries: readonly string[]; categories: readonly AssistanceCategory[]; currency: string; ceilingMinor: number; approvalThresholdMinor: number; startsOn: string; endsOn: string; isDemoFigures: boolean }[] = [
  {"key": "merida-ca", "nameEn": "Merida Initiative — Central America", "nameEs": "Iniciativa Mérida — Centroamérica", "donorKeys": ["state-inl"], "countries": ["BZ", "CR", "SV", "GT", "HN", "NI", "PA"], "categories": ["stockpile_assessment", "armoury_security", "destruction", "training", "record_keeping"], "currency": "USD", "ceilingMinor": 2500000000, "approvalThresholdMinor": 50000000, "startsOn": "2008-07-01", "endsOn": "2027-12-31", "isDemoFigures": true},
  {"key": "cbsi", "nameEn": "Caribbean Basin Security Initiative", "nameEs": "Iniciativa de Seguridad de la Cuenca del Caribe", "donorKeys": ["state-inl"], "countries": ["AG", "BS", "BB", "DM", "DO", "GD", "GY", "JM", "LC", "KN", "VC", "SR", "TT"], "categories": ["marking_equipment", "record_keeping", "etrace_onboarding", "training", "legislation", "national_action_plan", "armoury_security"], "currency": "USD", "ceilingMinor": 1800000000, "approvalThresholdMinor": 50000000, "startsOn": "2010-05-01", "endsOn": "2027-12-31", "isDemoFigures": true},
  {"key": "oas-marking", "nameEn": "OAS Firearms Marking Program", "nameEs": "Programa de Marcaje de Armas de Fuego de la OEA", "donorKeys": ["state-pm-wra"], "countries": ["BZ", "CR", "SV", "GT", "HN", "NI", "PA", "AG", "BS", "BB", "DM", "GD", "GY", "HT", "JM", "MS", "KN", "LC", "VC", "SR", "TT", "DO"], "categories": ["marking_equipment", "record_keeping", "training"], "currency": "USD", "ceilingMinor": 500000000, "approvalThresholdMinor": 25000000, "startsOn": "2009-01-01", "endsOn": "2027-12-31", "isDemoFigures": true},
  {"key": "unlirec-caribbean-stockpile", "nameEn": "UNLIREC Caribbean Stockpile Management and Destruction", "nameEs": "UNLIREC — Gestión y Destrucción de Arsenales en el Caribe", "donorKeys": ["state-pm-wra"], "countries": ["AG", "BS", "BB", "BZ", "DM", "DO", "GD", "GY", "HT", "JM", "LC", "KN", "VC", "SR", "TT"], "categories": ["stockpile_assessment", "armoury_security", "destruction", "training", "national_action_plan"], "currency": "USD", "ceilingMinor": 300000000, "approvalThresholdMinor": 25000000, "startsOn": "2011-01-01", "endsOn": "2027-12-31", "isDemoFigures": true},
];

export const HISTORIC_GRANTS = [
  {
    "usd": 1000000,
    "to": "oas",
    "for": "marking equipment for states in the region",
    "program": "oas-marking"
  },
  {
    "usd": 1300000,
    "to": "oas",
    "for": "stockpile management and destruction assistance to the seven Central American countries",
    "program": "merida-ca"
  },
  {
    "usd": 450000,
    "to": "unlirec",
    "for": "capacity of several Caribbean governments in firearms stockpile management and destruction",
    "program": "unlirec-caribbean-stockpile"
  }
] as const;

export const ASSISTANCE_CATEGORY_NAMES: Record<AssistanceCategory, { en: string; es: string }> = {
  marking_equipment: {"en": "Firearm marking equipment", "es": "Equipo de marcaje de armas de fuego"},
  record_keeping: {"en": "Record-keeping and registry", "es": "Registro y control de armas"},
  etrace_onboarding: {"en": "eTrace onboarding", "es": "Incorporación a eTrace"},
  stockpile_assessment: {"en": "Stockpile assessment", "es": "Evaluación de arsenales"},
  armoury_security: {"en": "Armoury security", "es": "Seguridad de armerías"},
  destruction: {"en": "Destruction of weapons and ammunition", "es": "Destrucción de armas y municiones"},
  training: {"en": "Training", "es": "Capacitación"},
  legislation: {"en": "Legislation", "es": "Legislación"},
  national_action_plan: {"en": "National action plan", "es": "Plan de acción nacional"},
  other: {"en": "Other", "es": "Otro"},
};

export const INDICATOR_LIBRARY = [
  {
    "key": "firearms_marked",
    "unit": "count",
    "nameEn": "Firearms marked",
    "nameEs": "Armas de fuego marcadas"
  },
  {
    "key": "marking_machines_delivered",
    "unit": "count",
    "nameEn": "Marking machines delivered",
    "nameEs": "Máquinas de marcaje entregadas"
  },
  {
    "key": "weapons_destroyed",
    "unit": "count",
    "nameEn": "Weapons destroyed",
    "nameEs": "Armas destruidas"
  },
  {
    "key": "ammunition_destroyed",
    "unit": "tonnes",
    "nameEn": "Ammunition destroyed",
    "nameEs": "Munición destruida"
  },
  {
    "key": "officers_trained",
    "unit": "people",
    "nameEn": "Officers trained",
    "nameEs": "Funcionarios capacitados"
  },
  {
    "key": "etrace_accounts_active",
    "unit": "count",
    "nameEn": "Active eTrace user accounts",
    "nameEs": "Cuentas de usuario de eTrace activas"
  },
  {
    "key": "trace_requests_submitted",
    "unit": "count",
    "nameEn": "Trace requests submitted",
    "nameEs": "Solicitudes de rastreo enviadas"
  },
  {
    "key": "armouries_upgraded",
    "unit": "count",
    "nameEn": "Armouries upgraded",
    "nameEs": "Armerías mejoradas"
  },
  {
    "key": "stockpile_sites_assessed",
    "unit": "count",
    "nameEn": "Stockpile sites assessed",
    "nameEs": "Arsenales evaluados"
  },
  {
    "key": "records_digitized",
    "unit": "count",
    "nameEn": "Firearm records digitized",
    "nameEs": "Registros de armas digitalizados"
  },
  {
    "key": "instruments_adopted",
    "unit": "count",
    "nameEn": "Laws or regulations adopted",
    "nameEs": "Leyes o reglamentos adoptados"
  }
] as const;

export const IATI_SECTOR = {"code": "15240", "name": "Reintegration and SALW control"} as const;
