import { StyleSheet } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./fonts";

// Created once per process: react-pdf resolves shared style objects faster than inline literals.
const INK = "#1b2330";
const MUTED = "#5b6472";
const RULE = "#c9ced6";
const ACCENT = "#1f4e79";
const LATE = "#a4262c";

export const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9, color: INK, paddingTop: 42, paddingBottom: 24, paddingHorizontal: 44 },
  footer: { marginTop: 14, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 5, fontSize: 7.5, color: MUTED },
  // A lineHeight factor is resolved against the fontSize of the same style (18 when absent), before
  // inheritance: so it is set only next to an explicit fontSize, on running text. On the page it would
  // also shrink the flow region of the layout template. Tables keep the font's natural line height.
  flow: { flexGrow: 1 },
  footerLeft: { width: "55%" },
  footerRight: { width: "45%", textAlign: "right" },

  coverKicker: { fontSize: 11, fontWeight: 700, color: ACCENT, textTransform: "uppercase", letterSpacing: 1, marginTop: 120, marginBottom: 10 },
  coverTitle: { fontSize: 20, fontWeight: 700, lineHeight: 1.25, marginBottom: 14 },
  coverSubtitle: { fontSize: 13, marginBottom: 14 },
  coverLabel: { fontSize: 8, fontWeight: 700, color: MUTED, textTransform: "uppercase", marginTop: 12 },
  coverValue: { fontSize: 11, marginTop: 2 },
  coverAsOf: { fontSize: 12, fontWeight: 700, marginTop: 22 },
  notice: { marginTop: 18, padding: 8, borderWidth: 0.75, borderColor: "#b08800", backgroundColor: "#fff8e1", fontSize: 9 },
  scope: { marginTop: 14, fontSize: 8.5, color: MUTED, lineHeight: 1.35 },

  h1: { fontSize: 14, fontWeight: 700, color: ACCENT, marginBottom: 6, marginTop: 4 },
  h2: { fontSize: 11, fontWeight: 700, marginTop: 12, marginBottom: 4 },
  h3: { fontSize: 9.5, fontWeight: 700, marginTop: 8, marginBottom: 3 },
  section: { marginBottom: 14 },
  paragraph: { marginBottom: 4, fontSize: 9, lineHeight: 1.35 },
  muted: { color: MUTED },
  small: { fontSize: 8, color: MUTED, marginTop: 3 },
  excerpt: { marginTop: 3, paddingLeft: 8, borderLeftWidth: 2, borderLeftColor: RULE, color: INK, fontSize: 9, lineHeight: 1.35 },

  figures: { flexDirection: "row", flexWrap: "wrap", marginTop: 4, marginBottom: 6 },
  figure: { width: "33.33%", paddingVertical: 5, paddingRight: 8 },
  figureQuarter: { width: "25%", paddingVertical: 5, paddingRight: 8 },
  figureLabel: { fontSize: 7.5, color: MUTED, textTransform: "uppercase" },
  figureValue: { fontSize: 11, fontWeight: 700, marginTop: 1 },

  table: { marginTop: 4, marginBottom: 6, borderTopWidth: 0.75, borderTopColor: INK },
  headRow: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: INK, paddingVertical: 3 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 2.5 },
  totalRow: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: INK, paddingVertical: 3, fontWeight: 700 },
  headCell: { fontSize: 7.5, fontWeight: 700, color: MUTED, paddingRight: 4 },
  cell: { fontSize: 8.5, paddingRight: 4 },
  cellStrong: { fontSize: 8.5, fontWeight: 700, paddingRight: 4 },
  cellSub: { fontSize: 7.5, color: MUTED },
  // Right-aligned figures end short of the next column, so "$95,185.19" never touches a date after it.
  right: { textAlign: "right", paddingRight: 10 },
  late: { color: LATE, fontWeight: 700 },
});
