import type { Locale, Role } from "../../lib/enums";

/** The seeded demo accounts (fictional people; example.org addresses never receive mail). */
export const DEMO_USERS: readonly {
  email: string;
  name: string;
  locale: Locale;
  roles: readonly Role[];
  countryIso2?: string;
  organizationKey?: string;
  description: { en: string; es: string };
}[] = [
  {
    email: "focal.gt@example.org",
    name: "Ana López",
    locale: "es",
    roles: ["focal_point"],
    countryIso2: "GT",
    description: { en: "Focal point, Guatemala", es: "Punto focal, Guatemala" },
  },
  {
    email: "focal.jm@example.org",
    name: "Andre Campbell",
    locale: "en",
    roles: ["focal_point"],
    countryIso2: "JM",
    description: { en: "Focal point, Jamaica", es: "Punto focal, Jamaica" },
  },
  {
    email: "focal.hn@example.org",
    name: "Carlos Mejía",
    locale: "es",
    roles: ["focal_point"],
    countryIso2: "HN",
    description: { en: "Focal point, Honduras", es: "Punto focal, Honduras" },
  },
  {
    email: "focal.tt@example.org",
    name: "Keisha Ramdial",
    locale: "en",
    roles: ["focal_point"],
    countryIso2: "TT",
    description: { en: "Focal point, Trinidad and Tobago", es: "Punto focal, Trinidad y Tobago" },
  },
  {
    email: "focal.do@example.org",
    name: "Rosa Almonte",
    locale: "es",
    roles: ["focal_point"],
    countryIso2: "DO",
    description: { en: "Focal point, Dominican Republic", es: "Punto focal, República Dominicana" },
  },
  {
    email: "partner.oas@example.org",
    name: "Laura Méndez",
    locale: "es",
    roles: ["implementing_partner"],
    organizationKey: "oas",
    description: { en: "Implementing partner, OAS", es: "Socio implementador, OEA" },
  },
  {
    email: "officer@example.org",
    name: "Daniel Reyes",
    locale: "en",
    roles: ["program_officer"],
    description: { en: "Program officer", es: "Oficial de programa" },
  },
  {
    email: "reviewer@example.org",
    name: "Grace Thompson",
    locale: "en",
    roles: ["reviewer"],
    description: { en: "Technical reviewer", es: "Revisora técnica" },
  },
  {
    email: "approver@example.org",
    name: "Robert Hayes",
    locale: "en",
    roles: ["approver"],
    description: { en: "Senior approver", es: "Aprobador sénior" },
  },
  {
    email: "donor.inl@example.org",
    name: "Sarah Miller",
    locale: "en",
    roles: ["donor"],
    organizationKey: "state-inl",
    description: { en: "Donor viewer, State Department INL", es: "Donante, Departamento de Estado INL" },
  },
  {
    email: "donor.wra@example.org",
    name: "Michael Brooks",
    locale: "en",
    roles: ["donor"],
    organizationKey: "state-pm-wra",
    description: { en: "Donor viewer, State Department PM/WRA", es: "Donante, Departamento de Estado PM/WRA" },
  },
  {
    email: "admin@example.org",
    name: "Paula Ortiz",
    locale: "es",
    roles: ["admin"],
    description: { en: "System administrator", es: "Administradora del sistema" },
  },
];
