"use client";

import { outage } from "@/lib/i18n/messages/outage";

/**
 * Last resort when even the layout fails: both languages, since the user's choice is unknown here.
 * It replaces the root layout, so the app's stylesheets (imported there) are not on this page: its few
 * styles stay inline, where nothing else has to load for them to apply.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line react/forbid-dom-props -- no stylesheet reaches this page, see above */}
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "3rem auto", padding: "0 1rem" }}>
        {(["en", "es"] as const).map((locale) => (
          // eslint-disable-next-line react/forbid-dom-props -- no stylesheet reaches this page, see above
          <section key={locale} lang={locale} style={{ marginBottom: "2rem" }}>
            <h1>{outage[locale].unavailableTitle}</h1>
            <p>{outage[locale].unavailableBody}</p>
          </section>
        ))}
        <button type="button" onClick={() => reset()}>
          {outage.en.retry} / {outage.es.retry}
        </button>
      </body>
    </html>
  );
}
