import { defineMessages } from "../define";

export const auth = defineMessages({
  en: {
    signIn: {
      title: "Sign in",
      intro: "Enter the email address your program office registered for you. We will send you a sign-in link.",
      emailLabel: "Email address",
      emailHint: "Only pre-registered accounts can sign in.",
      submit: "Email me a sign-in link",
      invalidEmail: "Enter a valid email address, such as name@example.org.",
      rateLimited: {
        one: "Too many sign-in requests. Please wait {count} minute and try again.",
        other: "Too many sign-in requests. Please wait {count} minutes and try again.",
      },
    },
    checkEmail: {
      title: "Check your email",
      body: "If {email} belongs to a registered account, a sign-in link is on its way. The link works once and expires after 15 minutes.",
      bodyGeneric: "If the address belongs to a registered account, a sign-in link is on its way. The link works once and expires after 15 minutes.",
      again: "Use another address",
    },
    confirm: {
      title: "Confirm sign-in",
      body: "Press the button to finish signing in as {email}.",
      submit: "Sign in",
      missing: "This sign-in link is incomplete. Request a new one.",
    },
    error: {
      title: "This sign-in link cannot be used",
      verification: "The link has expired or has already been used. Links work once and expire after 15 minutes.",
      accessDenied: "This account cannot sign in. Contact your program office.",
      generic: "Sign-in failed. Please request a new link.",
      requestNew: "Request a new link",
    },
    demo: {
      title: "Demo accounts",
      intro: "Demo mode is on: sign in with one click as any seeded user.",
      secondFactor:
        "Demo sign-in skips the second factor: outside demo mode, program officers, approvers and administrators also confirm each sign-in with a passkey.",
      signInAs: "Sign in as {name}",
      mailboxHint: "Sign-in links sent in demo mode arrive in the <link>demo mailbox</link>.",
    },
    signOut: { title: "Sign out", confirm: "Sign out of the portal?" },
  },
  es: {
    signIn: {
      title: "Iniciar sesión",
      intro: "Ingrese la dirección de correo que su oficina de programa registró para usted. Le enviaremos un enlace de acceso.",
      emailLabel: "Correo electrónico",
      emailHint: "Solo las cuentas registradas previamente pueden iniciar sesión.",
      submit: "Enviarme un enlace de acceso",
      invalidEmail: "Ingrese un correo electrónico válido, por ejemplo nombre@example.org.",
      rateLimited: {
        one: "Demasiadas solicitudes de acceso. Espere {count} minuto e inténtelo de nuevo.",
        other: "Demasiadas solicitudes de acceso. Espere {count} minutos e inténtelo de nuevo.",
      },
    },
    checkEmail: {
      title: "Revise su correo",
      body: "Si {email} pertenece a una cuenta registrada, le enviamos un enlace de acceso. El enlace funciona una sola vez y vence a los 15 minutos.",
      bodyGeneric: "Si la dirección pertenece a una cuenta registrada, le enviamos un enlace de acceso. El enlace funciona una sola vez y vence a los 15 minutos.",
      again: "Usar otra dirección",
    },
    confirm: {
      title: "Confirmar el acceso",
      body: "Presione el botón para terminar de iniciar sesión como {email}.",
      submit: "Iniciar sesión",
      missing: "Este enlace de acceso está incompleto. Solicite uno nuevo.",
    },
    error: {
      title: "Este enlace de acceso no se puede usar",
      verification: "El enlace venció o ya fue utilizado. Los enlaces funcionan una sola vez y vencen a los 15 minutos.",
      accessDenied: "Esta cuenta no puede iniciar sesión. Comuníquese con su oficina de programa.",
      generic: "No se pudo iniciar sesión. Solicite un nuevo enlace.",
      requestNew: "Solicitar un nuevo enlace",
    },
    demo: {
      title: "Cuentas de demostración",
      intro: "El modo de demostración está activado: inicie sesión con un clic como cualquier usuario de prueba.",
      secondFactor:
        "El acceso de demostración omite el segundo factor: fuera del modo de demostración, los oficiales de programa, aprobadores y administradores también confirman cada inicio de sesión con una llave de acceso.",
      signInAs: "Iniciar sesión como {name}",
      mailboxHint: "Los enlaces de acceso enviados en modo de demostración llegan al <link>buzón de demostración</link>.",
    },
    signOut: { title: "Cerrar sesión", confirm: "¿Cerrar la sesión del portal?" },
  },
});
