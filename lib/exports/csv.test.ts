import { describe, expect, it } from "vitest";
import { CSV_BOM, csvRecords, currencyFractionDigits, encodeCell, formatNumberCell, minorToDecimal, neutralizeFormula, quoteField, toCsv, type CsvCell } from "./csv";

const body = (csv: string) => {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return csv.slice(CSV_BOM.length);
};

describe("quoteField (RFC 4180)", () => {
  it("leaves plain text alone", () => {
    for (const s of ["", "abc", "Guatemala", "1234.56", "it's", "a;b", "tab\tinside", " padded "]) expect(quoteField(s), s).toBe(s);
  });
  it("quotes text with a comma, a double quote, CR or LF, doubling the quotes", () => {
    expect(quoteField("a,b")).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('"')).toBe('""""');
    expect(quoteField("line1\nline2")).toBe('"line1\nline2"');
    expect(quoteField("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(quoteField("cr\ronly")).toBe('"cr\ronly"');
    expect(quoteField('Org "A", Inc.\nDept')).toBe('"Org ""A"", Inc.\nDept"');
  });
});

describe("neutralizeFormula (OWASP CSV injection)", () => {
  it("prefixes an apostrophe to text starting with = + - @ tab or CR", () => {
    expect(neutralizeFormula("=1+1")).toBe("'=1+1");
    expect(neutralizeFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(neutralizeFormula("+55 123")).toBe("'+55 123");
    expect(neutralizeFormula("-2+3")).toBe("'-2+3");
    expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeFormula("\t=cmd")).toBe("'\t=cmd");
    expect(neutralizeFormula("\r=cmd")).toBe("'\r=cmd");
  });
  it("leaves other text, and triggers that are not first, alone", () => {
    for (const s of ["", "a=b", "x+y", "e-mail", "name@example.org", "'quoted", " =space first", "1-2", "Ñandú"]) expect(neutralizeFormula(s), s).toBe(s);
  });
});

describe("encodeCell", () => {
  it("writes null as an empty field and empty text as an empty field", () => {
    expect(encodeCell(null)).toBe("");
    expect(encodeCell("")).toBe("");
  });
  it("neutralises first, then quotes", () => {
    expect(encodeCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(encodeCell("@a,b")).toBe(`"'@a,b"`);
    expect(encodeCell("\rX")).toBe(`"'\rX"`);
    expect(encodeCell("\tX")).toBe(`'\tX`);
  });
  it("writes numbers plainly, never neutralised, never in exponent notation", () => {
    expect(encodeCell(0)).toBe("0");
    expect(encodeCell(3)).toBe("3");
    expect(encodeCell(1234.56)).toBe("1234.56");
    expect(encodeCell(-5)).toBe("-5");
    expect(encodeCell(-0.5)).toBe("-0.5");
    expect(encodeCell(1e21)).toBe("1000000000000000000000");
    expect(encodeCell(1.5e-7)).toBe("0.00000015");
    expect(encodeCell(123456789012.34)).toBe("123456789012.34");
  });
  it("refuses numbers a spreadsheet cannot hold", () => {
    expect(() => formatNumberCell(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumberCell(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => encodeCell(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("toCsv", () => {
  it("starts with exactly one byte-order mark and ends every record with CRLF", () => {
    const csv = toCsv(["a", "b"], [["1", 2], [null, "x"]]);
    expect(csv).toBe(`${CSV_BOM}a,b\r\n1,2\r\n,x\r\n`);
    expect(csv.split(CSV_BOM)).toHaveLength(2);
    expect(csv.indexOf(CSV_BOM)).toBe(0);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
  it("writes only the header for no rows, and an empty file body for no columns", () => {
    expect(toCsv(["Reference", "Title"], [])).toBe(`${CSV_BOM}Reference,Title\r\n`);
    expect(body(toCsv([], []))).toBe("\r\n");
  });
  it("keeps a BOM-looking character inside data as data (one BOM, at the start)", () => {
    const csv = toCsv(["h"], [["\uFEFFx"]]);
    expect(csv).toBe(`${CSV_BOM}h\r\n\uFEFFx\r\n`);
    expect(csv.startsWith(CSV_BOM + CSV_BOM)).toBe(false);
  });
  it("neutralises and quotes headers as well as rows", () => {
    expect(body(toCsv(["=x", "a,b"], []))).toBe(`'=x,"a,b"\r\n`);
  });
  it("keeps accents and other Unicode intact (UTF-8)", () => {
    const csv = toCsv(["Título", "País"], [["Capacitación en marcaje", "Panamá"], ["Ñandú 🦤", "Côte d’Ivoire"]]);
    expect(body(csv)).toBe("Título,País\r\nCapacitación en marcaje,Panamá\r\nÑandú 🦤,Côte d’Ivoire\r\n");
    expect(new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(new TextEncoder().encode(csv))).toBe(csv);
  });
  it("encodes a mixed record field by field", () => {
    const csv = toCsv(["ref", "title", "partner", "amount", "n"], [["AW-1", '=HYPERLINK("http://evil")', 'ACME, "Intl"\nLtd', "1234.56", 7]]);
    expect(body(csv)).toBe(`ref,title,partner,amount,n\r\nAW-1,"'=HYPERLINK(""http://evil"")","ACME, ""Intl""\nLtd",1234.56,7\r\n`);
  });
});

describe("minorToDecimal", () => {
  it("writes minor units as an exact decimal with the currency's digits", () => {
    expect(minorToDecimal(123456, "USD")).toBe("1234.56");
    expect(minorToDecimal(10_000_000, "USD")).toBe("100000.00");
    expect(minorToDecimal(5, "USD")).toBe("0.05");
    expect(minorToDecimal(50, "USD")).toBe("0.50");
    expect(minorToDecimal(0, "USD")).toBe("0.00");
    expect(minorToDecimal(1500, "JPY")).toBe("1500");
    expect(minorToDecimal(1234, "BHD")).toBe("1.234");
    expect(minorToDecimal(-250, "EUR")).toBe("-2.50");
    expect(minorToDecimal(9_007_199_254_740_991, "USD")).toBe("90071992547409.91");
  });
  it("refuses amounts that are not whole minor units", () => {
    expect(() => minorToDecimal(1.5, "USD")).toThrow(RangeError);
    expect(() => minorToDecimal(Number.NaN, "USD")).toThrow(RangeError);
  });
  it("knows the usual currencies' digits", () => {
    expect(currencyFractionDigits("USD")).toBe(2);
    expect(currencyFractionDigits("JPY")).toBe(0);
  });
});

describe("csvRecords", () => {
  it("writes the records of toCsv without the byte-order mark, whatever the split into batches", () => {
    const header = ["ref", "title"];
    const rows: CsvCell[][] = [["AW-1", "=x"], ["AW-2", 'a,"b"\nc'], [null, 3], ["AW-4", "Ñandú"]];
    const whole = toCsv(header, rows);
    expect(CSV_BOM + csvRecords([header]) + csvRecords(rows)).toBe(whole);
    for (const size of [1, 2, 3]) {
      let streamed = CSV_BOM + csvRecords([header]);
      for (let i = 0; i < rows.length; i += size) streamed += csvRecords(rows.slice(i, i + size));
      expect(streamed, `batches of ${size}`).toBe(whole);
    }
    expect(csvRecords([])).toBe("");
  });
});
