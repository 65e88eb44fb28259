import { z } from "zod";
import { recordId } from "./parse";

/**
 * A mutation's input: the record's id (malformed answers not found) beside the form's values, parsed
 * with the form's own schema (strict, refined or transformed as it is), its issues kept on their fields.
 * With `onAwardPage`, also the id of the award page the form is on (optional; the mutation does not
 * use it, the action revalidates that page when it is a uuid). With `id`, the record's id is parsed
 * with that field instead of a uuid's (a user's id: userId()).
 */
export function forRecord<K extends string, S extends z.ZodType, P extends boolean = false>(
  key: K,
  schema: S,
  options?: { onAwardPage?: P; id?: z.ZodType<string, string> },
) {
  const shape = {
    [key]: options?.id ?? recordId(),
    ...(options?.onAwardPage ? { awardId: z.string().max(36).optional() } : {}),
  } as Record<string, z.ZodType>;
  return z.looseObject(shape).transform((raw, ctx) => {
    const values: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    const id = values[key];
    delete values[key];
    const page = options?.onAwardPage ? values.awardId : undefined;
    if (options?.onAwardPage) delete values.awardId;
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    const result = { ...(parsed.data as object), [key]: id as string, ...(options?.onAwardPage ? { awardId: page as string | undefined } : {}) };
    return result as z.output<S> & Record<K, string> & (P extends true ? { awardId?: string } : unknown);
  });
}
