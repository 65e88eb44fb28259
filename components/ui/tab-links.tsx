import Link from "next/link";
import type { ReactNode } from "react";

/** Tabs that are pages of their own (server-rendered links; the current one has aria-current="page"). */
export function TabLinks({ label, links, current }: { label: string; links: readonly { href: string; label: ReactNode }[]; current: string }) {
  return (
    <nav aria-label={label}>
      <ul className="ui-tab-list">
        {links.map((link) => (
          <li key={link.href}>
            <Link className="ui-tab" href={link.href} aria-current={link.href === current ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
