import type { MessageKey, MessageParams } from "./i18n/translate";

/** The record does not exist or the user may not see it: both answer 404, so existence never leaks. */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** The user may see the record but not take this action on it. */
export class ForbiddenError extends Error {
  constructor(action = "action") {
    super(`${action} forbidden`);
    this.name = "ForbiddenError";
  }
}

/** Someone else changed the record first (the conditional UPDATE matched no row). */
export class ConflictError extends Error {
  /** `messageKey` names the thing that changed (a report, a deliverable...); a request's when omitted. */
  constructor(
    message = "conflict",
    public readonly messageKey: MessageKey = "requests.errors.conflict",
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export type FieldErrors = Record<string, { key: MessageKey; params?: MessageParams }>;

/** Bad input found by a domain rule; the keys are translated where the message is shown. */
export class ValidationError extends Error {
  constructor(
    public readonly fieldErrors: FieldErrors,
    public readonly formError?: { key: MessageKey; params?: MessageParams },
  ) {
    super("validation failed");
    this.name = "ValidationError";
  }
}

/** What a server action returns to its form. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string> };
