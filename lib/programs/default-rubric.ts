/** The scoring rubric every seeded program and every new program form starts with (a demo assumption; admins edit it per program). */
export const DEFAULT_RUBRIC = [
  { key: "relevance", nameEn: "Relevance to illicit trafficking risks", nameEs: "Pertinencia frente a los riesgos de tráfico ilícito", weight: 30 },
  { key: "feasibility", nameEn: "Feasibility and readiness", nameEs: "Viabilidad y preparación", weight: 25 },
  { key: "sustainability", nameEn: "Sustainability and national ownership", nameEs: "Sostenibilidad y apropiación nacional", weight: 20 },
  { key: "value", nameEn: "Cost-effectiveness", nameEs: "Costo-efectividad", weight: 25 },
] as const;
