import NextAuth from "next-auth";
import type { Adapter } from "next-auth/adapters";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { getEnv } from "@/lib/config/env";
import { SESSION_MAX_AGE_SECONDS, SIGN_IN_LINK_MAX_AGE_SECONDS, sessionCookieName, isSecureCookieMode } from "./cookies";
import { authEvents } from "./auth-events";
import { findActiveUserByEmail } from "./queries";
import { sendSignInLink } from "./sign-in-mail";

/**
 * The drizzle adapter, opened lazily (the database handle is async) and restricted to
 * pre-provisioned accounts: it never creates a user.
 */
function portalAdapter(): Adapter {
  let inner: Promise<Adapter> | undefined;
  const get = () =>
    (inner ??= getDb().then((db) =>
      DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    ));
  const forward =
    <K extends keyof Adapter>(name: K) =>
    async (...args: unknown[]) => {
      const adapter = await get();
      const fn = adapter[name] as ((...a: unknown[]) => unknown) | undefined;
      if (!fn) throw new Error(`Adapter method ${String(name)} missing`);
      return fn(...args);
    };
  return {
    createUser: async () => {
      throw new Error("Accounts are pre-provisioned by an administrator; sign-in never creates one.");
    },
    getUser: forward("getUser"),
    getUserByEmail: forward("getUserByEmail"),
    getUserByAccount: forward("getUserByAccount"),
    updateUser: forward("updateUser"),
    linkAccount: forward("linkAccount"),
    createSession: forward("createSession"),
    getSessionAndUser: forward("getSessionAndUser"),
    updateSession: forward("updateSession"),
    deleteSession: forward("deleteSession"),
    createVerificationToken: forward("createVerificationToken"),
    useVerificationToken: forward("useVerificationToken"),
  } as Adapter;
}

const secure = isSecureCookieMode();

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: portalAdapter(),
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  trustHost: true,
  useSecureCookies: secure,
  cookies: {
    sessionToken: {
      name: sessionCookieName(secure),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure },
    },
  },
  pages: {
    signIn: "/sign-in",
    verifyRequest: "/sign-in/check-email",
    error: "/sign-in/error",
  },
  providers: [
    {
      id: "email",
      type: "email",
      name: "Email",
      from: getEnv().MAIL_FROM,
      maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
      options: {},
      sendVerificationRequest: sendSignInLink,
    },
  ],
  logger: {
    // A refused address is an expected outcome (same screen as any other), not a server error.
    error(error) {
      if (error.name === "AccessDenied" || error.name === "Verification") return;
      console.error("[auth]", error);
    },
    warn() {},
  },
  events: authEvents,
  callbacks: {
    // Only active, pre-provisioned accounts get a link or a session. Unknown addresses are refused
    // here before any token or mail exists; the sign-in form shows the same screen either way.
    async signIn({ user }) {
      if (!user.email) return false;
      const account = await findActiveUserByEmail(user.email);
      return account !== null && account.id === user.id;
    },
    session({ session, user }) {
      return { ...session, user: { id: user.id, email: user.email, name: user.name } };
    },
  },
});
