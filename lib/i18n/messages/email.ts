import { defineMessages } from "../define";

export const email = defineMessages({
  en: {
    layout: {
      brand: "Firearms Assistance Portal",
      footer: "You receive this email because you have an account on the Firearms Assistance Portal.",
      automated: "This message was sent automatically; replies are not read.",
    },
    signInLink: {
      subject: "Your sign-in link for the Firearms Assistance Portal",
      preview: {
        one: "Sign in to the Firearms Assistance Portal. The link expires in {count} minute.",
        other: "Sign in to the Firearms Assistance Portal. The link expires in {count} minutes.",
      },
      greeting: "Hello,",
      intro: "Use the link below to sign in to the Firearms Assistance Portal.",
      button: "Sign in",
      plainLink: "If the button does not work, copy this link into your browser:",
      expiry: {
        one: "The link works once and expires in {count} minute.",
        other: "The link works once and expires in {count} minutes.",
      },
      ignore: "If you did not ask for this link, ignore this email: nobody can sign in without it.",
    },
    invitation: {
      subject: "{inviterName} gave you access to the Firearms Assistance Portal",
      preview: "You now have an account on the Firearms Assistance Portal.",
      greeting: "Hello,",
      intro: "{inviterName} has given you access to the Firearms Assistance Portal with these roles:",
      howToSignIn:
        "There is no password to remember: on the sign-in page, enter this email address and we will send you a sign-in link.",
      button: "Go to the sign-in page",
      plainLink: "If the button does not work, copy this link into your browser:",
      unexpected: "If you did not expect this invitation, you can ignore this email.",
    },
    requestSubmitted: {
      subject: "New request {reference} from {country}",
      subjectResubmitted: "Request {reference} from {country} was resubmitted",
      intro: "{country} submitted request {reference} on the Firearms Assistance Portal. It is ready for screening.",
      button: "Open the request",
    },
    workflow: {
      openRequest: "Open the request",
      deliverable: {
        // By the office's decision (select): accept or return.
        subject: {
          accept: "Deliverable accepted on award {reference}",
          return: "Deliverable returned on award {reference}",
        },
        body: {
          accept: "The program office accepted the deliverable “{title}” of award {reference}.",
          return: "The program office returned the deliverable “{title}” of award {reference}. Please add what is missing and submit it again. The officer's comment:",
        },
      },
      disbursement: {
        subject: "Disbursement recorded on award {reference}",
        intro: "Tranche {position} of award {reference} was disbursed: {amount} on {date}.",
      },
      reminder: {
        footer: "You receive this reminder because you are a focal point of the country or work for the implementing partner of this award.",
        report: {
          subject_14_days: "Progress report {number} on award {reference} is due in 14 days",
          subject_3_days: "Progress report {number} on award {reference} is due in 3 days",
          subject_overdue: "Progress report {number} on award {reference} is overdue",
          intro_14_days: "The progress report for period {number} of award {reference} is due on {date}, in 14 days.",
          intro_3_days: "The progress report for period {number} of award {reference} is due on {date}, in 3 days or less.",
          intro_overdue: "The progress report for period {number} of award {reference} was due on {date} and has not been accepted yet. Please submit it as soon as possible.",
        },
        deliverable: {
          subject_14_days: "Deliverable on award {reference} is due in 14 days",
          subject_3_days: "Deliverable on award {reference} is due in 3 days",
          subject_overdue: "Deliverable on award {reference} is overdue",
          intro_14_days: "The deliverable “{title}” of award {reference} is due on {date}, in 14 days.",
          intro_3_days: "The deliverable “{title}” of award {reference} is due on {date}, in 3 days or less.",
          intro_overdue: "The deliverable “{title}” of award {reference} was due on {date} and has not been accepted yet. Please add its evidence and submit it as soon as possible.",
        },
      },
      changesRequested: {
        subject: "Changes requested on request {reference}",
        intro: "The program office asks for changes to request {reference}, “{title}”. Its message:",
      },
      decision: {
        subjectApproved: "Request {reference} is approved",
        subjectRejected: "Decision on request {reference}",
        approved: "We are pleased to inform you that request {reference}, “{title}”, has been approved. The decision memo follows.",
        rejected: "We regret to inform you that request {reference}, “{title}”, has not been approved. The decision memo follows.",
      },
      reviewAssigned: {
        subject: "Review assignment: request {reference}",
        intro: "You have been asked to review request {reference}, “{title}”. First declare whether you have a conflict of interest.",
        button: "Open the review",
      },
      award: {
        subject: "Award {reference} is active",
        intro: "Award {reference} under {program}, for {amount}, is now active.",
        button: "Open the award",
      },
      approvalNeeded: {
        subject: "Award {reference} needs your approval",
        intro: "Award {reference} under {program}, for {amount}, is above the program's threshold and needs a second approval.",
        button: "Review the award",
      },
      reportSubmitted: {
        subject: "Progress report {number} on award {reference} submitted",
        subjectFinal: "Final report (period {number}) on award {reference} submitted",
        intro: "The progress report for period {number} of award {reference} ({country}) has been submitted and awaits your review.",
        button: "Review the report",
      },
      reportReturned: {
        subject: "Progress report {number} on award {reference} returned",
        intro: "The program office returned the progress report for period {number} of award {reference}. Please correct it and submit it again. The officer's comment:",
        button: "Open the report",
      },
    },
    mailbox: {
      title: "Demo mailbox",
      intro:
        "In demo mode the portal sends no real email. Every message it would send appears here, newest first, so you can follow sign-in links.",
      refresh: "Refresh",
      empty: "No messages yet. Request a sign-in link and it will appear here within a few seconds.",
      caption: "Messages, newest first",
      columns: { to: "To", subject: "Subject", time: "Time", status: "Status" },
      status: { queued: "Queued", sent: "Delivered", failed: "Not delivered" },
      openMessage: "Open message “{subject}” to {to}",
      back: "Back to the mailbox",
      linksTitle: "Links in this message",
      openLink: "Open link: {url}",
      noLinks: "This message contains no links.",
      htmlTitle: "The message as the recipient sees it",
      textTitle: "Plain-text version",
      queued: "This message is waiting for the sender. Reload the page in a few seconds.",
      failed: "The portal gave up sending this message.",
    },
  },
  es: {
    layout: {
      brand: "Portal de Asistencia sobre Armas de Fuego",
      footer: "Recibe este correo porque tiene una cuenta en el Portal de Asistencia sobre Armas de Fuego.",
      automated: "Este mensaje se envió automáticamente; las respuestas no se leen.",
    },
    signInLink: {
      subject: "Su enlace de acceso al Portal de Asistencia sobre Armas de Fuego",
      preview: {
        one: "Inicie sesión en el Portal de Asistencia sobre Armas de Fuego. El enlace vence en {count} minuto.",
        other: "Inicie sesión en el Portal de Asistencia sobre Armas de Fuego. El enlace vence en {count} minutos.",
      },
      greeting: "Hola:",
      intro: "Use el siguiente enlace para iniciar sesión en el Portal de Asistencia sobre Armas de Fuego.",
      button: "Iniciar sesión",
      plainLink: "Si el botón no funciona, copie este enlace en su navegador:",
      expiry: {
        one: "El enlace funciona una sola vez y vence en {count} minuto.",
        other: "El enlace funciona una sola vez y vence en {count} minutos.",
      },
      ignore: "Si usted no solicitó este enlace, ignore este correo: nadie puede iniciar sesión sin él.",
    },
    invitation: {
      subject: "{inviterName} le dio acceso al Portal de Asistencia sobre Armas de Fuego",
      preview: "Ahora tiene una cuenta en el Portal de Asistencia sobre Armas de Fuego.",
      greeting: "Hola:",
      intro: "{inviterName} le dio acceso al Portal de Asistencia sobre Armas de Fuego con estas funciones:",
      howToSignIn:
        "No necesita contraseña: en la página de acceso, ingrese esta dirección de correo y le enviaremos un enlace de acceso.",
      button: "Ir a la página de acceso",
      plainLink: "Si el botón no funciona, copie este enlace en su navegador:",
      unexpected: "Si no esperaba esta invitación, puede ignorar este correo.",
    },
    requestSubmitted: {
      subject: "Nueva solicitud {reference} de {country}",
      subjectResubmitted: "La solicitud {reference} de {country} fue enviada de nuevo",
      intro: "{country} envió la solicitud {reference} en el Portal de Asistencia sobre Armas de Fuego. Está lista para su verificación.",
      button: "Abrir la solicitud",
    },
    workflow: {
      openRequest: "Abrir la solicitud",
      deliverable: {
        subject: {
          accept: "Producto aceptado en la subvención {reference}",
          return: "Producto devuelto en la subvención {reference}",
        },
        body: {
          accept: "La oficina de programa aceptó el producto «{title}» de la subvención {reference}.",
          return: "La oficina de programa devolvió el producto «{title}» de la subvención {reference}. Agregue lo que falta y vuelva a presentarlo. El comentario del oficial:",
        },
      },
      disbursement: {
        subject: "Desembolso registrado en la subvención {reference}",
        intro: "Se desembolsó el tramo {position} de la subvención {reference}: {amount} el {date}.",
      },
      reminder: {
        footer: "Recibe este recordatorio porque es punto focal del país o trabaja para el socio implementador de esta subvención.",
        report: {
          subject_14_days: "El informe de avance {number} de la subvención {reference} vence en 14 días",
          subject_3_days: "El informe de avance {number} de la subvención {reference} vence en 3 días",
          subject_overdue: "El informe de avance {number} de la subvención {reference} está vencido",
          intro_14_days: "El informe de avance del período {number} de la subvención {reference} vence el {date}, dentro de 14 días.",
          intro_3_days: "El informe de avance del período {number} de la subvención {reference} vence el {date}, dentro de 3 días o menos.",
          intro_overdue: "El informe de avance del período {number} de la subvención {reference} vencía el {date} y aún no ha sido aceptado. Preséntelo lo antes posible.",
        },
        deliverable: {
          subject_14_days: "Un producto de la subvención {reference} vence en 14 días",
          subject_3_days: "Un producto de la subvención {reference} vence en 3 días",
          subject_overdue: "Un producto de la subvención {reference} está vencido",
          intro_14_days: "El producto «{title}» de la subvención {reference} vence el {date}, dentro de 14 días.",
          intro_3_days: "El producto «{title}» de la subvención {reference} vence el {date}, dentro de 3 días o menos.",
          intro_overdue: "El producto «{title}» de la subvención {reference} vencía el {date} y aún no ha sido aceptado. Agregue su evidencia y preséntelo lo antes posible.",
        },
      },
      changesRequested: {
        subject: "Se solicitan cambios en la solicitud {reference}",
        intro: "La oficina de programa solicita cambios en la solicitud {reference}, «{title}». Su mensaje:",
      },
      decision: {
        subjectApproved: "La solicitud {reference} fue aprobada",
        subjectRejected: "Decisión sobre la solicitud {reference}",
        approved: "Nos complace informarle que la solicitud {reference}, «{title}», fue aprobada. A continuación, el memorando de decisión.",
        rejected: "Lamentamos informarle que la solicitud {reference}, «{title}», no fue aprobada. A continuación, el memorando de decisión.",
      },
      reviewAssigned: {
        subject: "Asignación de evaluación: solicitud {reference}",
        intro: "Se le pidió evaluar la solicitud {reference}, «{title}». Primero declare si tiene un conflicto de interés.",
        button: "Abrir la evaluación",
      },
      award: {
        subject: "La subvención {reference} está activa",
        intro: "La subvención {reference} del programa {program}, por {amount}, ya está activa.",
        button: "Abrir la subvención",
      },
      approvalNeeded: {
        subject: "La subvención {reference} necesita su aprobación",
        intro: "La subvención {reference} del programa {program}, por {amount}, supera el umbral del programa y necesita una segunda aprobación.",
        button: "Revisar la subvención",
      },
      reportSubmitted: {
        subject: "Informe de avance {number} de la subvención {reference} presentado",
        subjectFinal: "Informe final (período {number}) de la subvención {reference} presentado",
        intro: "Se presentó el informe de avance del período {number} de la subvención {reference} ({country}) y espera su revisión.",
        button: "Revisar el informe",
      },
      reportReturned: {
        subject: "Informe de avance {number} de la subvención {reference} devuelto",
        intro: "La oficina de programa devolvió el informe de avance del período {number} de la subvención {reference}. Corríjalo y preséntelo de nuevo. El comentario del oficial:",
        button: "Abrir el informe",
      },
    },
    mailbox: {
      title: "Buzón de demostración",
      intro:
        "En modo de demostración el portal no envía correos reales. Cada mensaje que enviaría aparece aquí, del más reciente al más antiguo, para que pueda seguir los enlaces de acceso.",
      refresh: "Actualizar",
      empty: "Todavía no hay mensajes. Solicite un enlace de acceso y aparecerá aquí en unos segundos.",
      caption: "Mensajes, del más reciente al más antiguo",
      columns: { to: "Para", subject: "Asunto", time: "Fecha y hora", status: "Estado" },
      status: { queued: "En cola", sent: "Entregado", failed: "No entregado" },
      openMessage: "Abrir el mensaje «{subject}» para {to}",
      back: "Volver al buzón",
      linksTitle: "Enlaces de este mensaje",
      openLink: "Abrir enlace: {url}",
      noLinks: "Este mensaje no contiene enlaces.",
      htmlTitle: "El mensaje tal como lo ve el destinatario",
      textTitle: "Versión en texto sin formato",
      queued: "Este mensaje está esperando al remitente. Vuelva a cargar la página en unos segundos.",
      failed: "El portal dejó de intentar enviar este mensaje.",
    },
  },
});
