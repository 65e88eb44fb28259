import "server-only";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { auditingDenials, recordAudit, type AuditInput } from "@/lib/audit/mutations";
import { hasPermission, type Permission } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";
import { todayIso } from "@/lib/dates";
import { parseInput } from "./parse";

/**
 * Who acts, from where: the signed-in user (roles read from the database) and the client address and
 * user agent of the request, for the audit event and the links in mail. Built once per action.
 */
export interface Actor {
  user: CurrentUser;
  ip: string | null;
  userAgent: string | null;
  baseUrl: string;
  /** The day taken as today (yyyy-mm-dd): scripts and tests fix it; otherwise the clock's (see todayOf). */
  today?: string;
}

/** Today for this actor's mutation: the fixed day when a script or test set one, else the UTC date. */
export function todayOf(actor: Actor): string {
  return actor.today ?? todayIso();
}

/** The request-side half of an actor, as scripts and tests pass it. */
export type MutationContext = Omit<Actor, "user">;

/** What a mutation's body receives: the actor, the parsed input and what `load` found. */
export interface MutationScope<I, L> {
  actor: Actor;
  input: I;
  record: L;
}

export interface MutationSpec<S extends z.ZodType, L, T> {
  /** The one permission this mutation needs; without it the record answers not found. */
  permission: Permission;
  /** The input's schema, parsed here once (ids malformed in it answer not found, see parse.ts). */
  input: S;
  /** The visibility-checked lookup (throws NotFoundError when this actor may not see the record). */
  load?: (actor: Actor, input: z.output<S>) => Promise<L>;
  /** The change, its audit event and its mail: one transaction. Refusals tagged `denied` are audited. */
  run: (tx: Tx, scope: MutationScope<z.output<S>, L>) => Promise<T>;
}

/** A declared mutation: call it with the user, the raw input and the request context. */
export interface Mutation<S extends z.ZodType, T> {
  (user: CurrentUser, input: z.input<S> | unknown, ctx: MutationContext): Promise<T>;
  readonly permission: Permission;
  readonly input: S;
  /** The same call, also returning the parsed input (for the action's redirect or notice). */
  readonly execute: (user: CurrentUser, input: unknown, ctx: MutationContext) => Promise<{ input: z.output<S>; result: T }>;
}

/**
 * Declares a mutation once: permission, schema, visible lookup and transactional body. The result is
 * the domain function (tests and scripts call it) and what `serverAction` turns into an action.
 */
export function defineMutation<S extends z.ZodType, L = undefined, T = void>(spec: MutationSpec<S, L, T>): Mutation<S, T> {
  const execute = async (user: CurrentUser, raw: unknown, ctx: MutationContext) => {
    if (!hasPermission(user, spec.permission)) throw new NotFoundError();
    const actor: Actor = { user, ...ctx };
    const input = parseInput(spec.input, raw);
    const record = (spec.load ? await spec.load(actor, input) : undefined) as L;
    const db = await getDb();
    const result = await auditingDenials(user.id, ctx, () => db.transaction((tx) => spec.run(tx, { actor, input, record })));
    return { input, result };
  };
  const mutation = async (user: CurrentUser, raw: unknown, ctx: MutationContext): Promise<T> => (await execute(user, raw, ctx)).result;
  return Object.assign(mutation, { permission: spec.permission, input: spec.input, execute });
}

/** Appends the actor's audit event (who, from which address and agent) inside the mutation's transaction. */
export function audit(tx: Tx, actor: Actor, event: Omit<AuditInput, "actorUserId" | "ip" | "userAgent">): Promise<void> {
  return recordAudit(tx, { ...event, actorUserId: actor.user.id, ip: actor.ip, userAgent: actor.userAgent });
}
