// The outage page's words, in both languages: the last-resort error page (app/global-error.tsx) shows
// them without the catalogs, which it cannot load when the layout itself failed. The common catalog
// takes them from here, so each sentence exists once.
export const outage = {
  en: {
    retry: "Try again",
    unavailableTitle: "The portal is temporarily unavailable",
    unavailableBody: "We cannot reach the database right now. Nothing you entered has been lost. Please try again in a few minutes.",
  },
  es: {
    retry: "Reintentar",
    unavailableTitle: "El portal no está disponible temporalmente",
    unavailableBody:
      "No podemos acceder a la base de datos en este momento. No se ha perdido nada de lo que ingresó. Vuelva a intentarlo en unos minutos.",
  },
} as const;
