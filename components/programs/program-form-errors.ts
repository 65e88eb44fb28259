import type { FieldErrors } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";
import { translateIssue } from "@/lib/forms/issues";
import type { Translate } from "@/lib/i18n/translate";
import type { ProgramFormValues } from "@/lib/programs/schema";

export type ProgramFormMode = "create" | "edit";
export type ProgramListField = "donorIds" | "countryIsos" | "categories";

export const RUBRIC_CELLS = ["key", "nameEn", "nameEs", "weight"] as const;
const LIST_FIELDS: readonly string[] = ["donorIds", "countryIsos", "categories", "rubric"];
const TOP_FIELDS = ["nameEn", "nameEs", "currency", "ceiling", "perAwardCap", "approvalThreshold", "startsOn", "endsOn", ...LIST_FIELDS];
const RUBRIC_CELL = /^rubric\.(\d+)\.(key|nameEn|nameEs|weight)$/;

/** The paths that may have a field on screen: the key only on a new program, the cells of each criterion. */
export function programFieldPaths(mode: ProgramFormMode, criteria: number): string[] {
  const cells = Array.from({ length: criteria }, (_, i) => RUBRIC_CELLS.map((cell) => `rubric.${i}.${cell}`)).flat();
  return [...(mode === "create" ? ["key"] : []), ...TOP_FIELDS, ...cells];
}

/**
 * Where a server message is shown: a criterion's cell, the list an item belongs to (donorIds.2 →
 * donorIds), the top field, or null (the form's alert, e.g. the version or a criterion no longer shown).
 */
export function placeOfProgramPath(path: string, mode: ProgramFormMode, criteria: number): string | null {
  const cell = RUBRIC_CELL.exec(path);
  if (cell) return Number(cell[1]) < criteria ? path : null;
  const top = path.split(".")[0];
  if (top === "key") return mode === "create" ? "key" : null;
  if (top !== path && !LIST_FIELDS.includes(top)) return null;
  return TOP_FIELDS.includes(top) ? top : null;
}

/**
 * The action's answer with each message moved to the place it is shown at (the first per place wins);
 * those with no place on screen join the form's message.
 */
export function placeProgramErrors<T>(result: ActionResult<T> | undefined, mode: ProgramFormMode, criteria: number): ActionResult<T> | undefined {
  if (!result || result.ok || !result.fieldErrors) return result;
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(result.fieldErrors)) {
    const place = placeOfProgramPath(path, mode, criteria);
    if (!place) unplaced.push(text);
    else if (!(place in fieldErrors)) fieldErrors[place] = text;
  }
  const formError = [result.formError, ...unplaced].filter(Boolean).join(" ") || undefined;
  return { ok: false, formError, fieldErrors };
}

type ErrorNode = { type?: string; message?: unknown; root?: { message?: unknown } } | undefined;

function textOf(node: ErrorNode, t: Translate): string | undefined {
  const message = typeof node?.message === "string" ? node.message : typeof node?.root?.message === "string" ? node.root.message : undefined;
  if (!message) return undefined;
  return node?.type === "server" ? message : translateIssue(message, t);
}

/**
 * The message of a list field (donors, countries, categories, rubric): on the list itself, on its root
 * (field arrays), or on its first item with one (an unknown donor id among the chosen).
 */
export function listError(errors: FieldErrors<ProgramFormValues>, name: ProgramListField | "rubric", t: Translate): string | undefined {
  const node = errors[name] as unknown as ErrorNode | Record<string, ErrorNode>;
  if (!node) return undefined;
  const own = textOf(node as ErrorNode, t);
  if (own || name === "rubric") return own;
  for (const item of Object.values(node as Record<string, ErrorNode>)) {
    const text = item && typeof item === "object" ? textOf(item, t) : undefined;
    if (text) return text;
  }
  return undefined;
}
