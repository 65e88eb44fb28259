import { defineMessages } from "../define";

/** The strings of the shared UI primitives (components/ui). */
export const ui = defineMessages({
  en: {
    required: "required",
    working: "Working…",
    pagination: {
      label: "Pages",
      previous: "Previous page",
      next: "Next page",
      status: "Page {page} of {pageCount}",
      statusOpen: "Page {page}",
    },
    table: {
      sortBy: "Sort by {column}",
      empty: "Nothing to show yet.",
      scrollRegion: "{caption} (scrolls sideways)",
    },
    select: { placeholder: "Choose…", noResults: "No matching option.", showOptions: "Show the options" },
    date: { openCalendar: "Open the calendar" },
    stepper: { label: "Progress", complete: "done", current: "current step" },
  },
  es: {
    required: "obligatorio",
    working: "Procesando…",
    pagination: {
      label: "Páginas",
      previous: "Página anterior",
      next: "Página siguiente",
      status: "Página {page} de {pageCount}",
      statusOpen: "Página {page}",
    },
    table: {
      sortBy: "Ordenar por {column}",
      empty: "Todavía no hay nada que mostrar.",
      scrollRegion: "{caption} (se desplaza horizontalmente)",
    },
    select: { placeholder: "Elija…", noResults: "Ninguna opción coincide.", showOptions: "Mostrar las opciones" },
    date: { openCalendar: "Abrir el calendario" },
    stepper: { label: "Avance", complete: "completado", current: "paso actual" },
  },
});
