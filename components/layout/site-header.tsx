import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/current-user";
import { needsSecondFactor } from "@/lib/auth/session-rules";
import type { Locale } from "@/lib/i18n/config";
import { createTranslator } from "@/lib/i18n/translate";
import { LanguageSwitch } from "./language-switch";
import { navFor } from "./nav";

interface SiteHeaderProps {
  user: CurrentUser | null;
  locale: Locale;
  demo: boolean;
  /** The server actions behind the header's two forms (the layout passes them). */
  signOutAction: () => Promise<void>;
  setLocaleAction: (formData: FormData) => Promise<void>;
}

export function SiteHeader({ user, locale, demo, signOutAction, setLocaleAction }: SiteHeaderProps) {
  const t = createTranslator(locale);
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          {t("common.appName")}
        </Link>
        {user ? (
          <nav className="main-nav" aria-label={t("common.nav.main")}>
            <ul>
              {navFor(user).map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{t(item.label)}</Link>
                </li>
              ))}
              {demo ? (
                <li>
                  <Link href="/mailbox">{t("common.nav.mailbox")}</Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <div className="header-tools">
          <LanguageSwitch locale={locale} setLocaleAction={setLocaleAction} />
          {user ? (
            <>
              <span data-testid="signed-in-as">{t("common.signedInAs", { name: user.name ?? user.email })}</span>
              {needsSecondFactor(user.roles) ? <Link href="/account/passkeys">{t("passkeys.nav")}</Link> : null}
              <form action={signOutAction}>
                <button type="submit" className="btn">
                  {t("common.signOut")}
                </button>
              </form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}
