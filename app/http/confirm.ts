// The second step of an irreversible action. The first post of the form is checked as usual (a 400 with
// the errors when it is invalid); when it is valid but not yet confirmed, the action answers with
// `{ confirm }` instead of writing, and the page renders <ConfirmStep> (app/ui/ConfirmStep.tsx): what will
// happen, and a form that posts the same fields again with `confirmed=yes`. Plain HTML forms both times,
// so it works without JavaScript; nothing is written before the second post.

export const CONFIRM_FIELD = "confirmed";

export interface ConfirmRequest {
  /** The form's intent (which action is asked about), when the page has several. */
  intent: string;
  /** Every submitted text field, posted again unchanged by the confirmation form. */
  fields: [string, string][];
}

/** Null when the post carries the confirmation; otherwise what the confirmation form must post again. */
export function confirmationFor(form: Pick<FormData, "entries"> | URLSearchParams, intentField = "intent"): ConfirmRequest | null {
  const fields: [string, string][] = [];
  let confirmed = false;
  let intent = "";
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key === CONFIRM_FIELD) {
      confirmed = value === "yes";
      continue;
    }
    if (key === intentField) intent = value;
    fields.push([key, value]);
  }
  return confirmed ? null : { intent, fields };
}

/** The value of one field in a confirmation request (for the page to say what will happen). */
export function confirmField(request: ConfirmRequest, name: string): string | undefined {
  return request.fields.find(([key]) => key === name)?.[1];
}
