import type { ReactNode } from "react";

const GRID = { display: "grid", gridTemplateColumns: "minmax(10rem, max-content) 1fr", gap: "0.4rem 1.25rem", margin: 0 } as const;

/** A label/value list laid out as two columns (a <dl>). */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl style={GRID}>{children}</dl>;
}

export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt style={{ fontWeight: 600 }}>{label}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}
