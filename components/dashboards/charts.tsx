"use client";

// The dashboards' two charts. They repeat figures that a table next to them gives in full, so the
// chart is one labelled image for assistive technology; the bars carry their values as text and the
// series differ by fill pattern, not by colour alone.
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/i18n/config";

const INK = "#1d4e89";
const HATCH_INK = "#0b6e4f";
const intlLocale: Record<Locale, string> = { en: "en-US", es: "es-419" };

export interface CountryMoneyRow {
  name: string;
  committed: number;
  disbursed: number;
  committedLabel: string;
  disbursedLabel: string;
}

/** Committed (solid) against disbursed (hatched) per country, horizontal bars with amounts written on them. */
export function CountryMoneyChart({
  rows,
  currency,
  locale,
  label,
  committedName,
  disbursedName,
}: {
  rows: CountryMoneyRow[];
  currency: string;
  locale: Locale;
  label: string;
  committedName: string;
  disbursedName: string;
}) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const compact = new Intl.NumberFormat(intlLocale[locale], { style: "currency", currency, notation: "compact" });
  const digits = new Intl.NumberFormat(intlLocale[locale], { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  // Amounts are minor units; the axis reads in major units.
  const data = rows.map((r) => ({ ...r, committed: r.committed / 10 ** digits, disbursed: r.disbursed / 10 ** digits }));
  return (
    <div role="img" aria-label={label} className="dash-chart">
      <BarChart
        responsive
        width="100%"
        height={80 + rows.length * 64}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 96, bottom: 8, left: 8 }}
        barGap={4}
        accessibilityLayer={false}
      >
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={HATCH_INK} strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke="#d0d5dd" />
        <XAxis type="number" tickFormatter={(v: number) => compact.format(v)} stroke="#4b5565" />
        <YAxis type="category" dataKey="name" width={130} stroke="#4b5565" />
        <Legend verticalAlign="top" height={32} />
        <Bar dataKey="committed" name={committedName} fill={INK} isAnimationActive={false}>
          <LabelList dataKey="committedLabel" position="right" fill="#1a1f29" fontSize={12} />
        </Bar>
        <Bar dataKey="disbursed" name={disbursedName} fill={`url(#${hatch})`} stroke={HATCH_INK} isAnimationActive={false}>
          <LabelList dataKey="disbursedLabel" position="right" fill="#1a1f29" fontSize={12} />
        </Bar>
      </BarChart>
    </div>
  );
}

export interface IndicatorProgressRow {
  name: string;
  percent: number;
  /** e.g. "25% (250 of 1,000)": the bar's own text label. */
  label: string;
}

/** Each indicator's progress towards its target in percent, with a line at 100 %. */
export function IndicatorProgressChart({ rows, label }: { rows: IndicatorProgressRow[]; label: string }) {
  const max = Math.max(100, ...rows.map((r) => r.percent));
  return (
    <div role="img" aria-label={label} className="dash-chart">
      <BarChart
        responsive
        width="100%"
        height={48 + rows.length * 48}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 180, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#d0d5dd" />
        <XAxis type="number" domain={[0, Math.ceil(max / 10) * 10]} tickFormatter={(v: number) => `${v}%`} stroke="#4b5565" />
        <YAxis type="category" dataKey="name" width={180} stroke="#4b5565" />
        <ReferenceLine x={100} stroke="#1a1f29" strokeDasharray="4 3" />
        <Bar dataKey="percent" fill={INK} isAnimationActive={false}>
          <LabelList dataKey="label" position="right" fill="#1a1f29" fontSize={12} />
        </Bar>
      </BarChart>
    </div>
  );
}
