/** A command's answer to a form: the row it wrote, or field errors (translation keys; `_form` for the whole form). */
export type FieldOutcome = { ok: true; id: number } | { ok: false; errors: Record<string, string> };
