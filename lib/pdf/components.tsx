// Pieces shared by the program and award reports: page frame with numbered footer, cover, figures,
// tables and the indicator table.
import type { ReactNode } from "react";
import { Page, Text, View, type Styles } from "@react-pdf/renderer";
import type { IndicatorTotal, AwardIndicator, ProgramOverview } from "@/lib/dashboards/types";
import type { PdfKit } from "./format";
import { styles } from "./styles";

type Style = Styles[string];

/**
 * An A4 page whose footer (label, "Page n of N") repeats on every physical page it flows onto. The
 * footer is the page's layout template (react-pdf's new pagination engine), not a `fixed` absolute
 * node: that engine measures content once and packs it, which is what keeps a 100-award report
 * under a second, and it prints fixed absolute nodes on the first physical page of each <Page> only.
 */
export function ReportPage({ kit, label, asOf, children }: { kit: PdfKit; label: string; asOf: string; children: ReactNode }) {
  const asOfText = kit.t("pdf.footer.asOf", { date: kit.date(asOf) });
  return (
    <Page
      size="A4"
      style={styles.page}
      wrap
      layout={({ children: flow, pageNumber, totalPages }) => (
        <>
          {/* Grows to the page's free height, so the footer sits at the bottom of short pages too. */}
          <View style={styles.flow}>{flow}</View>
          <View style={styles.footer}>
            <Text style={styles.footerLeft}>{label}</Text>
            {/* The first pagination round runs before the total is known; only the second one is printed. */}
            <Text style={styles.footerRight}>
              {asOfText} · {kit.t("pdf.footer.page", { page: pageNumber ?? 1, total: totalPages ?? "…" })}
            </Text>
          </View>
        </>
      )}
    >
      {children}
    </Page>
  );
}

/** Who funds the program, the as-of date, and the demo-figures warning when the ceiling is illustrative. */
export function CoverFacts({ kit, program, asOf }: { kit: PdfKit; program: ProgramOverview["program"]; asOf: string }) {
  return (
    <View>
      <Text style={styles.coverLabel}>{kit.t("pdf.cover.fundedBy")}</Text>
      {program.donors.length === 0 ? (
        <Text style={styles.coverValue}>{kit.t("pdf.cover.noDonors")}</Text>
      ) : (
        program.donors.map((d) => (
          <Text key={d.id} style={styles.coverValue}>
            {kit.name(d)}
          </Text>
        ))
      )}
      <Text style={styles.coverAsOf}>{kit.t("pdf.cover.asOf", { date: kit.date(asOf) })}</Text>
      {program.isDemoFigures ? <Text style={styles.notice}>{kit.t("pdf.cover.demoFigures")}</Text> : null}
      <Text style={styles.scope}>{kit.t("pdf.cover.scope")}</Text>
    </View>
  );
}

export function Heading({ children, level = 1 }: { children: string; level?: 1 | 2 | 3 }) {
  // minPresenceAhead keeps a heading from being the last line of a page, apart from what it introduces.
  // A page break goes on the section's View, never here: react-pdf 4.9 loses the content that
  // follows a nested Text with `break` (it squeezes it onto one page).
  return (
    <Text style={level === 1 ? styles.h1 : level === 2 ? styles.h2 : styles.h3} minPresenceAhead={48}>
      {children}
    </Text>
  );
}

/** Labelled figures in a grid, three per row (four for a row of four figures, such as a country's). */
export function Figures({ items }: { items: { label: string; value: string }[] }) {
  const cell = items.length === 4 ? styles.figureQuarter : styles.figure;
  return (
    <View style={styles.figures} wrap={false}>
      {items.map((item) => (
        <View key={item.label} style={cell}>
          <Text style={styles.figureLabel}>{item.label}</Text>
          <Text style={styles.figureValue}>{item.value}</Text>
        </View>
      ))}
    </View>
  );
}

export interface Column {
  header: string;
  /** Share of the table's width, e.g. "20%". */
  width: string;
  align?: "right";
}

export type Cell = string | { text: string; sub?: string; late?: boolean };

export interface Row {
  key: string;
  cells: Cell[];
}

// Style arrays are built once per column rather than per cell: cheap for the 100-award reports.
function cellStyles(columns: Column[], base: Style): Style[] {
  return columns.map((c) => ({ ...base, width: c.width, ...(c.align === "right" ? styles.right : {}) }));
}

/** A plain table; rows never split across pages, the header stays with at least the first rows. */
export function Table({ columns, rows, total }: { columns: Column[]; rows: Row[]; total?: Cell[] }) {
  const head = cellStyles(columns, styles.headCell);
  const body = cellStyles(columns, styles.cell);
  const strong = cellStyles(columns, styles.cellStrong);
  const lateBody = body.map((s) => ({ ...s, ...styles.late }));
  // One Text node per cell, a second line as a nested span: nested spans are laid out with their
  // parent in one pass and add no layout box, which is most of the cost of a long table.
  const renderCell = (cell: Cell, i: number, bold: boolean) => {
    if (typeof cell === "string")
      return (
        <Text key={i} style={bold ? strong[i] : body[i]}>
          {cell}
        </Text>
      );
    return (
      <Text key={i} style={bold ? strong[i] : cell.late ? lateBody[i] : body[i]}>
        {cell.text}
        {cell.sub ? <Text style={styles.cellSub}>{`\n${cell.sub}`}</Text> : null}
      </Text>
    );
  };
  return (
    <View style={styles.table}>
      <View style={styles.headRow} minPresenceAhead={40}>
        {columns.map((c, i) => (
          <Text key={c.header} style={head[i]}>
            {c.header}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.key} style={styles.row} wrap={false}>
          {row.cells.map((cell, i) => renderCell(cell, i, false))}
        </View>
      ))}
      {total ? (
        <View style={styles.totalRow} wrap={false}>
          {total.map((cell, i) => renderCell(cell, i, true))}
        </View>
      ) : null}
    </View>
  );
}

/** Indicators against targets; the program report adds how many awards track each one. */
export function IndicatorTable({ kit, indicators }: { kit: PdfKit; indicators: (IndicatorTotal | AwardIndicator)[] }) {
  if (indicators.length === 0) return <Text style={styles.muted}>{kit.t("pdf.indicators.none")}</Text>;
  const withAwards = indicators.some((i) => "awards" in i);
  const columns: Column[] = [
    { header: kit.t("pdf.indicators.columns.indicator"), width: withAwards ? "30%" : "36%" },
    { header: kit.t("pdf.indicators.columns.unit"), width: "11%" },
    { header: kit.t("pdf.indicators.columns.baseline"), width: "12%", align: "right" },
    { header: kit.t("pdf.indicators.columns.target"), width: "12%", align: "right" },
    { header: kit.t("pdf.indicators.columns.actual"), width: "12%", align: "right" },
    { header: kit.t("pdf.indicators.columns.percent"), width: withAwards ? "11%" : "17%", align: "right" },
    ...(withAwards ? [{ header: kit.t("pdf.indicators.columns.awards"), width: "12%", align: "right" as const }] : []),
  ];
  const rows: Row[] = indicators.map((i) => ({
    key: i.key,
    cells: [
      kit.name(i),
      kit.unit(i.unit),
      kit.quantity(i.baseline),
      kit.quantity(i.target),
      kit.quantity(i.actual),
      kit.percent(i.actual, i.target),
      ...("awards" in i ? [String(i.awards)] : []),
    ],
  }));
  return <Table columns={columns} rows={rows} />;
}

/** A narrative as paragraphs (one Text node each). */
export function Paragraphs({ texts, style }: { texts: string[]; style?: Style }) {
  return (
    <View style={style}>
      {texts.map((p, i) => (
        <Text key={i} style={styles.paragraph}>
          {p}
        </Text>
      ))}
    </View>
  );
}
