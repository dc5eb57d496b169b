import { z } from "zod";
import { UNIT_KINDS } from "../../db/schema";
import { validateNip } from "~/domain/nip";
import { parseSearchNames } from "~/domain/office-search";
import { CODE_PATTERN, cleanText, normaliseNip, parseEmail, parseRupiah, parseWorkingDays, parseCount } from "~/domain/org-import/values";
import { idField } from "./forms";

// The administration pages' forms (units, services, counters, officers). The values are read the way the import
// reads a spreadsheet's cells (app/domain/org-import/values.ts), so a hand-typed "Rp 15.000" or a NIP with spaces
// means the same on both paths. Errors are translation keys.

const text = (max: number) =>
  z
    .string({ required_error: "form.required" })
    .transform(cleanText)
    .pipe(z.string().min(1, "form.required").max(max, "form.tooLong"));
const longText = (max: number) =>
  z
    .string({ required_error: "form.required" })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "form.required").max(max, "form.tooLong"));
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => cleanText(value))
    .pipe(z.string().max(max, "form.tooLong"))
    .transform((value) => (value === "" ? null : value));
const code = z
  .string({ required_error: "form.required" })
  .transform(cleanText)
  .pipe(z.string().min(1, "form.required").regex(CODE_PATTERN, "orgAdmin.errors.codeShape"));
const choice = (message = "form.notInList") => idField(message);
const optionalChoice = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === "") return null;
    const parsed = idField().safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.notInList" });
      return z.NEVER;
    }
    return parsed.data;
  });

const searchNames = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const parsed = parseSearchNames(value ?? "");
    if (parsed.ok) return parsed.names.join(", ");
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `orgAdmin.errors.searchNames_${parsed.refusal}` });
    return z.NEVER;
  });

export const unitFormSchema = z.object({
  code,
  name: text(200),
  kind: z.enum(UNIT_KINDS, { errorMap: () => ({ message: "form.notInList" }) }),
  address: optionalText(300),
  searchNames,
  parentId: choice(),
});

export const serviceFormSchema = z.object({
  code,
  name: text(200),
  requirements: longText(4000),
  procedure: longText(4000),
  completionDays: z
    .string({ required_error: "form.required" })
    .transform((value, ctx) => {
      if (cleanText(value) === "") return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.required" }), z.NEVER;
      const days = parseWorkingDays(value);
      if (days === null || days > 365) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "orgAdmin.errors.workingDays" }), z.NEVER;
      return days;
    }),
  feeRupiah: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const fee = parseRupiah(value ?? "");
      if (fee === null || fee > 1_000_000_000_000) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "orgAdmin.errors.fee" }), z.NEVER;
      return fee;
    }),
  product: text(300),
  complaintChannel: longText(1000),
  usersPerYear: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const count = parseCount(value ?? "");
      if (count === null || (count !== undefined && count > 100_000_000)) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "orgAdmin.errors.usersPerYear" }), z.NEVER;
      return count ?? null;
    }),
});

export const counterFormSchema = z.object({
  code,
  name: text(200),
  serviceIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx) => {
      const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
      const ids: number[] = [];
      for (const item of list) {
        const parsed = idField().safeParse(item);
        if (!parsed.success) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.notInList" }), z.NEVER;
        ids.push(parsed.data);
      }
      return [...new Set(ids)];
    }),
});

const officerFields = {
  name: text(200),
  position: text(200),
  rank: text(100),
  unitId: choice(),
  supervisorId: optionalChoice,
  email: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const email = parseEmail(value ?? "");
      if (email === null) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "orgAdmin.errors.email" }), z.NEVER;
      return email ?? null;
    }),
};

/** A new officer: the NIP checked by the NIP rules as of `today` in the agency's zone. */
export function newOfficerSchema(today: Date, zone: string) {
  return z.object({
    nip: z
      .string({ required_error: "form.required" })
      .transform((value, ctx) => {
        const nip = normaliseNip(value);
        if (nip === "") return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.required" }), z.NEVER;
        const checked = validateNip(nip, today, zone);
        if (!checked.ok) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: `orgAdmin.errors.nip_${checked.reason}` }), z.NEVER;
        return checked.nip;
      }),
    ...officerFields,
  });
}

export const officerFormSchema = z.object(officerFields);

/** The forms whose only field is what to do (retire, new code, reactivate). */
export function intentSchema<const T extends readonly [string, ...string[]]>(intents: T) {
  return z.object({ intent: z.enum(intents, { errorMap: () => ({ message: "form.notInList" }) }) });
}

/** What a post carried, to show the form again as typed after a refusal. */
export function typedValues(form: Pick<FormData, "entries">): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "intent") values[key] = value.slice(0, 5000);
  return values;
}

/** The service boxes a post ticked. */
export function tickedServices(form: Pick<FormData, "getAll">): string[] {
  return form.getAll("serviceIds").filter((value): value is string => typeof value === "string").slice(0, 500);
}
