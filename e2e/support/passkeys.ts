// Passkeys in the end-to-end tests (decision 0016): Chromium's virtual authenticator (the DevTools
// protocol's WebAuthn domain) stands in for a platform authenticator with user verification.
//
// Seeded staff on the mail server share one known credential each, planted in its database before it
// starts (plantStaffPasskeys), so that any spec, in any worker and order, can complete a staff sign-in:
// the helper loads that credential into the page's virtual authenticator and confirms with it. The
// passkeys spec runs against its own server with no planted credential, to register from scratch.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { expect, type CDPSession, type Page } from "@playwright/test";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { passkeys, users } from "../../db/schema";

/** The staff accounts of the seed (program officer, approver, administrator). */
export const SEEDED_STAFF = ["officer@example.org", "approver@example.org", "admin@example.org"] as const;

interface PlantedCredential {
  email: string;
  /** Standard base64, as the DevTools protocol takes binary values. */
  credentialId: string;
  privateKey: string;
}

const ENV = "E2E_STAFF_PASSKEYS";

/** Plants one credential per seeded staff account (run on a seeded database before its server starts). */
export async function plantStaffPasskeys(db: Db): Promise<void> {
  const planted: PlantedCredential[] = [];
  for (const email of SEEDED_STAFF) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" }) as { x: string; y: string };
    const cose = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, isoBase64URL.toBuffer(jwk.x)],
      [-3, isoBase64URL.toBuffer(jwk.y)],
    ]);
    const id = randomBytes(16);
    await db.insert(passkeys).values({
      userId: user.id,
      credentialId: isoBase64URL.fromBuffer(new Uint8Array(id)),
      publicKey: isoBase64URL.fromBuffer(isoCBOR.encode(cose)),
      transports: ["internal"],
      deviceType: "singleDevice",
      name: "End-to-end test key",
    });
    planted.push({ email, credentialId: id.toString("base64"), privateKey: (privateKey.export({ format: "der", type: "pkcs8" }) as Buffer).toString("base64") });
  }
  // Read by the workers (the global setup's environment reaches them).
  process.env[ENV] = JSON.stringify(planted);
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

/**
 * A virtual authenticator on this page: CTAP2, resident keys and user verification, the user verified;
 * presence is simulated, so prompts complete without a click. The internal transport (a platform
 * authenticator) by default; Chrome allows one of those per page, so a second one is a USB security key.
 */
export async function addVirtualAuthenticator(page: Page, transport: "internal" | "usb" = "internal"): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport,
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** How many credentials the virtual authenticator holds. */
export async function credentialCount(authenticator: VirtualAuthenticator): Promise<number> {
  const { credentials } = await authenticator.cdp.send("WebAuthn.getCredentials", { authenticatorId: authenticator.authenticatorId });
  return credentials.length;
}

// The server refuses an assertion whose counter does not move forward, and several pages use the same
// planted credential: each starts its counter from the clock (tenths of a second since 2026).
function risingSignCount(): number {
  return Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 100);
}

/** On the passkey step of a seeded staff account: confirms with its planted credential. */
export async function confirmWithPlantedPasskey(page: Page, email: string): Promise<void> {
  const planted = (JSON.parse(process.env[ENV] ?? "[]") as PlantedCredential[]).find((c) => c.email === email);
  if (!planted) throw new Error(`no planted passkey for ${email}: only ${SEEDED_STAFF.join(", ")} on the mail server have one`);
  const authenticator = await addVirtualAuthenticator(page);
  await authenticator.cdp.send("WebAuthn.addCredential", {
    authenticatorId: authenticator.authenticatorId,
    credential: {
      credentialId: planted.credentialId,
      isResidentCredential: false,
      rpId: new URL(page.url()).hostname,
      privateKey: planted.privateKey,
      signCount: risingSignCount(),
    },
  });
  await confirmWithPasskey(page);
}

/**
 * On the passkey step: presses "Use my passkey" (the page's virtual authenticator answers) and lands on
 * `path`, the page the sign-in was for (home unless it started elsewhere).
 */
export async function confirmWithPasskey(page: Page, path = "/"): Promise<void> {
  const button = page.getByRole("button", { name: /^(Use my passkey|Usar mi llave de acceso)$/ });
  await expect(button).toBeEnabled();
  await button.click();
  await page.waitForURL((url) => url.pathname === path);
}
