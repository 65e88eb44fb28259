import type { ReactNode } from "react";

/** A label/value list laid out as two columns (a <dl>). */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="detail-grid">{children}</dl>;
}

export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-strong">{label}</dt>
      <dd className="m-0">{children}</dd>
    </>
  );
}
