// react-hook-form's zod resolver with our issue messages configured: use-action-form.ts imports it only
// when a form first checks its values, so that zod stays out of the script a page needs to hydrate.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import "@/lib/forms/zod";

export function resolverFor<TValues extends FieldValues>(schema: z.ZodType, raw: boolean): Resolver<TValues> {
  return (raw ? zodResolver(schema as never, undefined, { raw: true }) : zodResolver(schema as never)) as unknown as Resolver<TValues>;
}
