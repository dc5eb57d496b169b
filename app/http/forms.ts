import type { z, ZodTypeAny } from "zod";

// Field errors travel as translation keys ("form.required"), never as English sentences.
export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** FormData, or the URLSearchParams of a urlencoded body read without a Request. */
export type FormFields = Pick<FormData, "entries"> | URLSearchParams;

export function parseForm<S extends ZodTypeAny>(schema: S, form: FormFields): Parsed<z.infer<S>> {
  const values: Record<string, string> = {};
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    values[key] = value;
    const existing = raw[key];
    raw[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
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
      return "form.tooLong";
    case "invalid_type":
      return issue.received === "undefined" ? "form.required" : "form.invalid";
    case "invalid_enum_value":
      return "form.notInList";
    default:
      return "form.invalid";
  }
}
