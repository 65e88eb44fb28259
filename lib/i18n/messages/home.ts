import { defineMessages } from "../define";

export const home = defineMessages({
  en: {
    welcome: "Welcome, {name}",
    yourRoles: "Your roles",
    country: "Country: {country}",
    organization: "Organization: {organization}",
    cards: {
      focal_point: {
        title: "Your country's requests",
        body: "File technical-assistance needs for {country}, answer change requests and follow awards and reports.",
      },
      program_officer: {
        title: "Program office",
        body: "Screen and review requests, decide, award grants within program budgets, and track delivery.",
      },
      implementing_partner: {
        title: "Awards you implement",
        body: "Report progress, deliverables and equipment on the awards {organization} implements.",
      },
      reviewer: {
        title: "Your review assignments",
        body: "Declare conflicts of interest and score the requests assigned to you.",
      },
      approver: {
        title: "Awards awaiting your approval",
        body: "Give the second approval to awards above a program's threshold.",
      },
      donor: {
        title: "Programs you fund",
        body: "Follow the programs {organization} funds: awards, accepted reports, indicators and PDF reports.",
      },
      admin: {
        title: "Administration",
        body: "Invite users, set their roles, country or organization, and deactivate accounts.",
      },
    },
    programsTitle: "Programs",
    programCeiling: "Ceiling",
    programPeriod: "Period",
    demoFigures: "Demo figures",
    manageUsers: "Manage users",
    openAwards: "Open awards",
    openReviews: "Open my reviews",
    openApprovals: "Open approvals",
    attention: {
      title: "Needs attention",
      reports: { one: "{count} overdue progress report", other: "{count} overdue progress reports" },
      reportLine: "{reference}, report for period {period}",
      overdueSince: "overdue since {date}",
      deliverables: { one: "{count} late deliverable", other: "{count} late deliverables" },
      lateSince: "late since {date}",
    },
    openRequests: "Open requests",
  },
  es: {
    welcome: "Le damos la bienvenida, {name}",
    yourRoles: "Sus funciones",
    country: "País: {country}",
    organization: "Organización: {organization}",
    cards: {
      focal_point: {
        title: "Solicitudes de su país",
        body: "Presente necesidades de asistencia técnica para {country}, responda a solicitudes de cambios y siga subvenciones e informes.",
      },
      program_officer: {
        title: "Oficina de programa",
        body: "Examine y evalúe solicitudes, decida, otorgue subvenciones dentro del presupuesto de cada programa y siga la ejecución.",
      },
      implementing_partner: {
        title: "Subvenciones que ejecuta",
        body: "Informe avances, productos y equipos de las subvenciones que ejecuta {organization}.",
      },
      reviewer: {
        title: "Sus evaluaciones asignadas",
        body: "Declare conflictos de interés y califique las solicitudes asignadas.",
      },
      approver: {
        title: "Subvenciones pendientes de su aprobación",
        body: "Dé la segunda aprobación a subvenciones por encima del umbral del programa.",
      },
      donor: {
        title: "Programas que financia",
        body: "Siga los programas que financia {organization}: subvenciones, informes aceptados, indicadores e informes en PDF.",
      },
      admin: {
        title: "Administración",
        body: "Invite usuarios, asigne funciones, país u organización y desactive cuentas.",
      },
    },
    programsTitle: "Programas",
    programCeiling: "Tope",
    programPeriod: "Período",
    demoFigures: "Cifras de demostración",
    manageUsers: "Gestionar usuarios",
    openAwards: "Abrir subvenciones",
    openReviews: "Abrir mis evaluaciones",
    openApprovals: "Abrir aprobaciones",
    attention: {
      title: "Requiere atención",
      reports: { one: "{count} informe de avance vencido", other: "{count} informes de avance vencidos" },
      reportLine: "{reference}, informe del período {period}",
      overdueSince: "vencido desde el {date}",
      deliverables: { one: "{count} producto atrasado", other: "{count} productos atrasados" },
      lateSince: "atrasado desde el {date}",
    },
    openRequests: "Abrir solicitudes",
  },
});
