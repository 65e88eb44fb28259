import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";

/** The name a user gives a new passkey (optional: the default name is used when empty). Messages are i18n keys. */
export const passkeyNameSchema = z
  .object({
    name: safeText().trim().max(60, "passkeys.name.tooLong"),
  })
  .strict();
export type PasskeyNameInput = z.infer<typeof passkeyNameSchema>;
