// The IATI 2.03 activity file of a program, built as a string from plain data (no database, no
// request): one iati-activity per reported award. The order of elements follows the schema's sequences
// (lib/iati/schema/iati-activities-schema.xsd), which are strict; see docs/decisions/0009-iati-export.md
// for the mapping.
import { isoDateOf } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { catalogs } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import { budgetSlices, decimalOfMinor, expenditureIncrements, plainDecimal } from "./figures";

/** Text in the portal's two languages; a missing or blank language is left out of the file. */
export interface Narratives {
  en?: string | null;
  es?: string | null;
}

export interface Named {
  nameEn: string;
  nameEs: string;
}

export interface IatiReportingOrg {
  /** The registered IATI organisation identifier; prefix of every iati-identifier. */
  ref: string;
  /** IATI OrganisationType code. */
  type: string;
  name: Narratives;
}

export interface IatiIndicator extends Named {
  /** Library unit: count, tonnes, people, ... */
  unit: string;
  /** Exact decimal strings (numeric columns). */
  baseline: string;
  target: string;
  /** Actuals of accepted reports, by period number; an actual of a period without an accepted report is ignored. */
  actuals: { periodNumber: number; value: string }[];
}

export interface IatiAward {
  reference: string;
  status: "active" | "completed";
  titleEn: string | null;
  titleEs: string | null;
  currency: string;
  amountMinor: number;
  startsOn: string;
  endsOn: string;
  /** The date the grant was agreed: the commitment's date. */
  committedOn: string;
  countryIso2: string;
  country: Named;
  partner: Named;
  disbursements: { trancheNumber: number; disbursedOn: string; amountMinor: number }[];
  /** Accepted reports only. */
  acceptedReports: { periodNumber: number; startsOn: string; endsOn: string; expenditureToDateMinor: number | null }[];
  indicators: IatiIndicator[];
}

/** What every activity of a file shares. */
export interface IatiFileContext {
  generatedAt: Date;
  reportingOrg: IatiReportingOrg;
  program: Named;
  /** The program's donor organizations: the funding participants of every activity. */
  donors: Named[];
}

export interface IatiExportInput extends IatiFileContext {
  awards: IatiAward[];
}

/** IATI requires at least one activity in a file: a program with no reported award has nothing to publish. */
export class EmptyIatiExportError extends Error {
  constructor() {
    super("no activity to export");
    this.name = "EmptyIatiExportError";
  }
}

/** DAC 5-digit purpose code 15240, "Reintegration and SALW control": every award of the portal. */
export const IATI_SECTOR_SALW = "15240";

const ACTIVITY_STATUS = {
  // 2 Implementation.
  active: "2",
  // 3 Finalisation: the work is done and no tranche can be released any more, but the final report may
  // still be submitted and accepted; 4 (closed) would claim the financial and reporting side is over.
  completed: "3",
} as const;

type Attrs = Record<string, string | number | null | undefined>;
interface XmlNode {
  name: string;
  attrs?: Attrs;
  children?: XmlNode[];
  text?: string;
}

// XML 1.0 allows tab, LF, CR and these ranges; anything else (other control characters, lone
// surrogates, U+FFFE/U+FFFF) makes the whole file unreadable, so it is dropped.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with the characters XML 1.0 cannot carry removed. */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, "");
}

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return stripIllegalXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

// Attribute values are whitespace-normalised by every parser; character references keep tabs and
// line breaks as they were.
function escapeAttr(text: string): string {
  return escapeXml(text).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

function attributes(attrs: Attrs | undefined): string {
  return Object.entries(attrs ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join("");
}

function serialize(node: XmlNode, depth: number, out: string[]): void {
  const pad = "  ".repeat(depth);
  const attrs = attributes(node.attrs);
  if (node.text !== undefined) {
    out.push(`${pad}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`);
  } else if (!node.children || node.children.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>`);
  } else {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const child of node.children) serialize(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

const el = (name: string, attrs?: Attrs, children?: XmlNode[]): XmlNode => ({ name, attrs, children });

const LOCALES: readonly Locale[] = ["en", "es"];

function clean(text: string | null | undefined): string {
  return stripIllegalXmlChars(text ?? "").trim();
}

/** The languages in which this text exists (non-blank once illegal characters are gone). */
function languagesOf(text: Narratives): Locale[] {
  return LOCALES.filter((lang) => clean(text[lang]) !== "");
}

function narratives(text: Narratives): XmlNode[] {
  return languagesOf(text).map((lang) => ({ name: "narrative", attrs: { "xml:lang": lang }, text: clean(text[lang]) }));
}

function bilingual(render: (lang: Locale) => string): XmlNode[] {
  return narratives({ en: render("en"), es: render("es") });
}

const nameIn = (named: Named, lang: Locale) => (lang === "en" ? named.nameEn : named.nameEs);

function money(name: string, amountMinor: number, currency: string, valueDate: string): XmlNode {
  return { name, attrs: { currency, "value-date": valueDate }, text: decimalOfMinor(amountMinor) };
}

function transaction(type: string, date: string, amountMinor: number, currency: string, description: XmlNode[], receiver?: Named): XmlNode {
  return el("transaction", undefined, [
    el("transaction-type", { code: type }),
    el("transaction-date", { "iso-date": date }),
    money("value", amountMinor, currency, date),
    el("description", undefined, description),
    ...(receiver ? [el("receiver-org", undefined, bilingual((lang) => nameIn(receiver, lang)))] : []),
  ]);
}

function unitIn(unit: string, lang: Locale): string {
  const units: Record<string, string> = catalogs[lang].iati.units;
  return units[unit] ?? unit;
}

function activity(input: IatiFileContext, award: IatiAward, asOf: string): XmlNode {
  const { reportingOrg, program, donors } = input;
  const t = { en: createTranslator("en"), es: createTranslator("es") };
  const title: Narratives = { en: award.titleEn, es: award.titleEs };
  const titleLanguages = languagesOf(title);
  // The description is written in the languages the title exists in, so a Spanish-only award stays
  // Spanish-only; an award without any title gets the activity's default language.
  const descriptionLanguages = titleLanguages.length > 0 ? titleLanguages : (["en"] as Locale[]);
  const description = Object.fromEntries(
    descriptionLanguages.map((lang) => [
      lang,
      t[lang]("iati.description", {
        reference: award.reference,
        program: nameIn(program, lang),
        partner: nameIn(award.partner, lang),
        country: nameIn(award.country, lang),
        startsOn: formatDate(award.startsOn, lang),
        endsOn: formatDate(award.endsOn, lang),
      }),
    ]),
  ) as Narratives;

  const reports = [...award.acceptedReports].sort((a, b) => a.periodNumber - b.periodNumber);
  const reportByPeriod = new Map(reports.map((r) => [r.periodNumber, r]));
  const startYear = Number(award.startsOn.slice(0, 4));

  const children: XmlNode[] = [
    { name: "iati-identifier", text: `${reportingOrg.ref}-${award.reference}` },
    el("reporting-org", { ref: reportingOrg.ref, type: reportingOrg.type }, narratives(reportingOrg.name)),
    el("title", undefined, titleLanguages.length > 0 ? narratives(title) : narratives({ en: award.reference })),
    el("description", { type: "1" }, narratives(description)),
    ...donors.map((donor) => el("participating-org", { role: "1" }, bilingual((lang) => nameIn(donor, lang)))),
    el("participating-org", { role: "3", ref: reportingOrg.ref, type: reportingOrg.type }, narratives(reportingOrg.name)),
    el("participating-org", { role: "4" }, bilingual((lang) => nameIn(award.partner, lang))),
    el("activity-status", { code: ACTIVITY_STATUS[award.status] }),
    el("activity-date", { type: "1", "iso-date": award.startsOn }),
    // An actual start in the future is a contradiction IATI's rules reject: only once it has begun.
    ...(award.startsOn <= asOf ? [el("activity-date", { type: "2", "iso-date": award.startsOn })] : []),
    el("activity-date", { type: "3", "iso-date": award.endsOn }),
    el("activity-scope", { code: "4" }),
    el("recipient-country", { code: award.countryIso2, percentage: "100" }),
    el("sector", { vocabulary: "1", code: IATI_SECTOR_SALW, percentage: "100" }),
    el("default-finance-type", { code: "110" }),
    ...budgetSlices(award.startsOn, award.endsOn, award.amountMinor).map((slice) =>
      el("budget", { type: "1", status: "1" }, [
        el("period-start", { "iso-date": slice.startsOn }),
        el("period-end", { "iso-date": slice.endsOn }),
        money("value", slice.amountMinor, award.currency, slice.startsOn),
      ]),
    ),
    transaction(
      "2",
      award.committedOn,
      award.amountMinor,
      award.currency,
      bilingual((lang) => t[lang]("iati.transactions.commitment", { reference: award.reference })),
      award.partner,
    ),
    ...[...award.disbursements]
      .sort((a, b) => a.disbursedOn.localeCompare(b.disbursedOn) || a.trancheNumber - b.trancheNumber)
      .map((d) =>
        transaction(
          "3",
          d.disbursedOn,
          d.amountMinor,
          award.currency,
          bilingual((lang) => t[lang]("iati.transactions.disbursement", { number: d.trancheNumber })),
          award.partner,
        ),
      ),
    ...expenditureIncrements(reports).map((e) =>
      transaction(
        "4",
        e.endsOn,
        e.amountMinor,
        award.currency,
        bilingual((lang) =>
          t[lang]("iati.transactions.expenditure", { number: e.periodNumber, startsOn: formatDate(e.startsOn, lang), endsOn: formatDate(e.endsOn, lang) }),
        ),
      ),
    ),
    ...award.indicators.map((indicator) => {
      const name = bilingual((lang) => nameIn(indicator, lang));
      const periods = indicator.actuals
        .filter((a) => reportByPeriod.has(a.periodNumber))
        .sort((a, b) => a.periodNumber - b.periodNumber)
        .map((a) => {
          const period = reportByPeriod.get(a.periodNumber)!;
          return el("period", undefined, [
            el("period-start", { "iso-date": period.startsOn }),
            el("period-end", { "iso-date": period.endsOn }),
            el("target", { value: plainDecimal(indicator.target) }),
            el("actual", { value: plainDecimal(a.value) }),
          ]);
        });
      return el("result", { type: "1" }, [
        el("title", undefined, name),
        el("indicator", { measure: "1", ascending: "1" }, [
          el("title", undefined, name),
          el("description", undefined, bilingual((lang) => t[lang]("iati.indicatorUnit", { unit: unitIn(indicator.unit, lang) }))),
          el("baseline", { year: startYear, "iso-date": award.startsOn, value: plainDecimal(indicator.baseline) }),
          ...periods,
        ]),
      ]);
    }),
  ];
  return el("iati-activity", { "xml:lang": "en", "default-currency": award.currency }, children);
}

/** The generation time as xsd:dateTime in UTC, to the second. */
function dateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const rootAttrs = (generatedAt: Date): Attrs => ({ version: "2.03", "generated-datetime": dateTime(generatedAt) });

/**
 * The same file as buildIatiActivities, in pieces for a stream: iatiFileStart, then iatiActivitiesText
 * for each batch of awards (in the file's order), then IATI_FILE_END. Their concatenation is exactly
 * buildIatiActivities's text; the caller makes sure there is at least one award (EmptyIatiExportError).
 */
export function iatiFileStart(generatedAt: Date): string {
  return `${XML_DECLARATION}\n<iati-activities${attributes(rootAttrs(generatedAt))}>\n`;
}

/** The iati-activity elements of these awards, each line ended by a line break (see iatiFileStart). */
export function iatiActivitiesText(context: IatiFileContext, awards: readonly IatiAward[]): string {
  if (awards.length === 0) return "";
  const asOf = isoDateOf(context.generatedAt);
  const out: string[] = [];
  for (const award of awards) serialize(activity(context, award, asOf), 1, out);
  return `${out.join("\n")}\n`;
}

/** The end of the file (see iatiFileStart). */
export const IATI_FILE_END = "</iati-activities>\n";

/**
 * The IATI 2.03 activities file for these awards (in the order given). Pure: the caller has already
 * checked who may see the data and kept only what donors may see. Throws EmptyIatiExportError with no
 * award, since the schema requires at least one activity.
 */
export function buildIatiActivities(input: IatiExportInput): string {
  if (input.awards.length === 0) throw new EmptyIatiExportError();
  const asOf = isoDateOf(input.generatedAt);
  const root = el(
    "iati-activities",
    rootAttrs(input.generatedAt),
    input.awards.map((award) => activity(input, award, asOf)),
  );
  const out: string[] = [XML_DECLARATION];
  serialize(root, 0, out);
  return `${out.join("\n")}\n`;
}
