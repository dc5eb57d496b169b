import { z, type ZodTypeAny } from "zod";

// Field errors travel as translation keys ("form.required"), never as English sentences.
export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** FormData, or the URLSearchParams of a urlencoded body read without a Request. */
export type FormFields = Pick<FormData, "entries"> | URLSearchParams;

/** The largest id a PostgreSQL `integer` column holds: a larger number names nothing and is refused, not sent. */
export const MAX_ID = 2_147_483_647;

/** A form field holding a row's id: a positive integer that fits the column. */
export function idField(message?: string) {
  return z.coerce.number({ invalid_type_error: message }).int(message).positive(message).max(MAX_ID, message);
}

/** A NUL character is no text anyone types, and PostgreSQL refuses to store one. */
export function hasForbiddenCharacter(text: string): boolean {
  return text.includes("\u0000");
}

export function parseForm<S extends ZodTypeAny>(schema: S, form: FormFields): Parsed<z.infer<S>> {
  const values: Record<string, string> = {};
  const raw: Record<string, string | string[]> = {};
  const forbidden: string[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (hasForbiddenCharacter(value)) {
      forbidden.push(key);
      continue;
    }
    values[key] = value;
    const existing = raw[key];
    raw[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const result = schema.safeParse(raw);
  if (result.success && forbidden.length === 0) return { ok: true, data: result.data };
  const errors: FieldErrors = Object.fromEntries(forbidden.map((key) => [key, "form.invalid"]));
  if (result.success) return { ok: false, errors, values };
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= isTranslationKey(issue.message) ? issue.message : keyForIssue(issue);
  }
  return { ok: false, errors, values };
}

// Schemas give their messages as keys ("form.required", "ratings.errors.score"); zod's own defaults are sentences.
function isTranslationKey(message: string): boolean {
  return /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/.test(message);
}

function keyForIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return issue.minimum === 1 ? "form.required" : "form.tooShort";
    case "too_big":
      return issue.type === "number" ? "form.invalid" : "form.tooLong";
    case "invalid_type":
      return issue.received === "undefined" ? "form.required" : "form.invalid";
    case "invalid_enum_value":
      return "form.notInList";
    default:
      return "form.invalid";
  }
}
