import type { Metadata } from "next";
import localFont from "next/font/local";
import Link from "next/link";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isDemoMode } from "@/lib/demo";
import { getI18n } from "@/lib/i18n/server";
import { setLocaleAction } from "./locale-actions";
import { signOutAction } from "./sign-in/actions";
import "./globals.css";
import "@/components/ui/ui.css";

const inter = localFont({
  src: [
    { path: "./fonts/inter-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./fonts/inter-latin-600-normal.woff2", weight: "600", style: "normal" },
    { path: "./fonts/inter-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-sans",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("common.appName"), description: t("common.appTagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The shell still renders when the database is down; the page's own error boundary explains.
  const user = await getCurrentUser().catch(() => null);
  const { locale, t } = await getI18n();
  const demo = isDemoMode();
  return (
    <html lang={locale} className={inter.variable}>
      <body>
        <a href="#main" className="skip-link">
          {t("common.skipToContent")}
        </a>
        {demo ? (
          <div className="demo-banner" role="note" data-testid="demo-banner">
            {t("common.demoBanner")} <Link href="/mailbox">{t("common.demoMailbox")}</Link>
          </div>
        ) : null}
        <SiteHeader user={user} locale={locale} demo={demo} signOutAction={signOutAction} setLocaleAction={setLocaleAction} />
        <ClientMessages>
          <main id="main" className="container" tabIndex={-1}>
            {children}
          </main>
        </ClientMessages>
      </body>
    </html>
  );
}
