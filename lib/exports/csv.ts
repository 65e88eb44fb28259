// CSV files for spreadsheets (RFC 4180), safe to open in Excel, LibreOffice and Google Sheets.
// Pure: no server imports, so the rules are unit-tested exhaustively in csv.test.ts.

/** One cell: text (user data or labels), a number the exporter computed, or empty. */
export type CsvCell = string | number | null;

/** UTF-8 byte-order mark: without it Excel reads the file as the local code page and mangles accents. */
export const CSV_BOM = "\uFEFF";

const RECORD_SEPARATOR = "\r\n";

// OWASP "CSV injection": a spreadsheet evaluates a cell starting with one of these as a formula (or
// DDE command), so text that begins with one of them is prefixed with an apostrophe and stays text.
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Text a spreadsheet will show as text, never evaluate: a leading formula trigger gets an apostrophe. */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** One field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A number cell: plain digits, never exponent notation and never neutralised (only the exporter writes
 * numbers, so they carry no user text). NaN and infinities are bugs, not data, so they throw.
 */
export function formatNumberCell(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** One cell as written in the file. */
export function encodeCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return formatNumberCell(cell);
  return quoteField(neutralizeFormula(cell));
}

/**
 * The whole file: a byte-order mark, the header record, then one record per row, each ended by CRLF.
 * Text cells (headers included) are neutralised and quoted; numbers are written as they are.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const records = [header, ...rows].map((record) => record.map(encodeCell).join(","));
  return CSV_BOM + records.map((record) => record + RECORD_SEPARATOR).join("");
}

/**
 * Records as they appear in the file, each ended by CRLF, with no byte-order mark: a streamed file is
 * CSV_BOM + csvRecords([header]) + csvRecords(batch) for each batch of rows, the same bytes as toCsv.
 */
export function csvRecords(records: CsvCell[][]): string {
  let out = "";
  for (const record of records) out += record.map(encodeCell).join(",") + RECORD_SEPARATOR;
  return out;
}

const fractionDigitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (USD 2, JPY 0, BHD 3), as Intl knows them; formatMoney agrees. */
export function currencyFractionDigits(currency: string): number {
  let digits = fractionDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Integer minor units as an exact, locale-free decimal string for a spreadsheet: 123456 USD ->
 * "1234.56", 5 USD -> "0.05", 1500 JPY -> "1500". Integer arithmetic on the digits, so no float error.
 */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount of minor units: ${minor}`);
  const digits = currencyFractionDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
