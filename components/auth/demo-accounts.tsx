import type { DemoAccount } from "@/lib/auth/queries";
import { getI18n } from "@/lib/i18n/server";

/** One sign-in button per seeded demo account; the page loads the accounts and passes the action. */
export async function DemoAccounts({
  accounts,
  demoSignInAction,
}: {
  accounts: DemoAccount[];
  demoSignInAction: (formData: FormData) => Promise<void>;
}) {
  const { t, locale } = await getI18n();
  return (
    <ul className="grid list-none">
      {accounts.map((account) => (
        <li key={account.id} className="card">
          <form action={demoSignInAction} className="stack">
            <input type="hidden" name="userId" value={account.id} />
            <div>
              <strong>{account.name}</strong>
              <div className="muted small">{account.description[locale]}</div>
              <div className="muted small">{account.email}</div>
            </div>
            <button type="submit" className="btn btn-primary">
              {t("auth.demo.signInAs", { name: account.name })}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
