import { defineMessages } from "../define";

// The IATI activity export: the texts written into the XML (both languages go into one file) and the
// route's answer when there is nothing to export.
export const iati = defineMessages({
  en: {
    reportingOrgDemoName: "Firearms Assistance Portal (demo)",
    description: "Grant {reference} of the program {program}, implemented by {partner} in {country} from {startsOn} to {endsOn}.",
    transactions: {
      commitment: "Grant agreement {reference}",
      disbursement: "Disbursement of tranche {number}",
      expenditure: "Expenditure stated in the accepted progress report for period {number} ({startsOn} to {endsOn})",
    },
    indicatorUnit: "Unit: {unit}",
    units: { count: "count", tonnes: "tonnes", people: "people" },
    errors: {
      nothingToExport: "This program has no active or completed awards yet, so there is nothing to export to IATI.",
    },
  },
  es: {
    reportingOrgDemoName: "Portal de Asistencia sobre Armas de Fuego (demostración)",
    description: "Subvención {reference} del programa {program}, ejecutada por {partner} en {country} del {startsOn} al {endsOn}.",
    transactions: {
      commitment: "Acuerdo de subvención {reference}",
      disbursement: "Desembolso del tramo {number}",
      expenditure: "Gasto declarado en el informe de avance aceptado del período {number} (del {startsOn} al {endsOn})",
    },
    indicatorUnit: "Unidad: {unit}",
    units: { count: "cantidad", tonnes: "toneladas", people: "personas" },
    errors: {
      nothingToExport: "Este programa aún no tiene subvenciones activas o finalizadas, así que no hay nada que exportar a IATI.",
    },
  },
});
