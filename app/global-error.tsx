"use client";

import { catalogs } from "@/lib/i18n/messages";

/** Last resort when even the layout fails: both languages, since the user's choice is unknown here. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "3rem auto", padding: "0 1rem" }}>
        {(["en", "es"] as const).map((locale) => (
          <section key={locale} lang={locale} style={{ marginBottom: "2rem" }}>
            <h1>{catalogs[locale].common.errors.unavailableTitle}</h1>
            <p>{catalogs[locale].common.errors.unavailableBody}</p>
          </section>
        ))}
        <button type="button" onClick={() => reset()}>
          {catalogs.en.common.errors.retry} / {catalogs.es.common.errors.retry}
        </button>
      </body>
    </html>
  );
}
