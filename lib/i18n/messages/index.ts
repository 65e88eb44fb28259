import type { Locale } from "../config";
import { common } from "./common";
import { auth } from "./auth";
import { admin } from "./admin";
import { email } from "./email";
import { home } from "./home";
import { requests } from "./requests";
import { attachments } from "./attachments";
import { officer } from "./officer";
import { reviews } from "./reviews";
import { awards } from "./awards";
import { programs } from "./programs";
import { delivery } from "./delivery";
import { reporting } from "./reporting";
import { csvExports } from "./exports";
import { pdf } from "./pdf";
import { iati } from "./iati";
import { dashboards } from "./dashboards";
import { passkeys } from "./passkeys";
import { ui } from "./ui";

const areas = { common, auth, admin, email, home, requests, attachments, officer, reviews, awards, programs, reporting, delivery, pdf, exports: csvExports, iati, dashboards, passkeys, ui };

type Areas = typeof areas;
export type Messages = { [A in keyof Areas]: Areas[A]["en"] };

function pick(locale: Locale): Messages {
  return Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[locale]])) as Messages;
}

export const catalogs: Record<Locale, Messages> = { en: pick("en"), es: pick("es") };
