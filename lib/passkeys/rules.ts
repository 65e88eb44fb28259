// Pure rules of the WebAuthn ceremonies (decision 0016). No database, no SimpleWebAuthn here.
import { withoutUnsafeText } from "@/lib/forms/safe-text";

/** A challenge is good for 5 minutes, for one session, once. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

export function challengeExpiry(now: Date = new Date()): Date {
  return new Date(now.getTime() + CHALLENGE_TTL_MS);
}

export type ChallengeCheck = { ok: true; challenge: string } | { ok: false; reason: "challenge_missing" | "challenge_expired" };

/**
 * The challenge row consumed (deleted) for this session and purpose, or null when there was none:
 * never issued, or already used (a replay). An expired one is refused even though it was consumed.
 */
export function checkConsumedChallenge(row: { challenge: string; expiresAt: Date } | null, now: Date = new Date()): ChallengeCheck {
  if (!row) return { ok: false, reason: "challenge_missing" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "challenge_expired" };
  return { ok: true, challenge: row.challenge };
}

/**
 * A user may remove a passkey only while another one remains: removing the last would let the e-mail
 * link alone enrol a new one at the next sign-in. A lost last passkey is reset by an administrator.
 */
export function canRemovePasskey(passkeyCount: number): boolean {
  return passkeyCount > 1;
}

/** The relying party: its ID is the portal's host name, the expected origin the portal's origin (AUTH_URL). */
export function relyingPartyFrom(authUrl: string): { rpId: string; origin: string } {
  const url = new URL(authUrl);
  return { rpId: url.hostname, origin: url.origin };
}

/** A passkey's display name: trimmed, one line, at most 60 characters; a default when empty. */
export function passkeyName(input: unknown, fallback: string): string {
  const line = typeof input === "string" ? input.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ") : "";
  // No lone surrogate (stored as U+FFFD) nor bidi override; cut by code points, so no emoji is split.
  const text = withoutUnsafeText(line).replace(/\s+/g, " ").trim();
  return Array.from(text || fallback).slice(0, 60).join("").trim();
}
