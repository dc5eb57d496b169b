import { z } from "zod";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { checkDueDate, EVIDENCE_MAX, NOTE_MAX, RECOMMENDATION_STATUSES } from "~/domain/skm-recommendations";
import { isIsoDate } from "~/domain/working-days";
import { idField } from "./forms";

// The SKM report page's recommendation forms: one to add a recommendation, one per recommendation to record a
// status change. Errors are translation keys shown beside the field.

const text = (max: number) =>
  z
    .string({ required_error: "form.required" })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "form.required").max(max, "form.tooLong"));

const day = z
  .string({ required_error: "form.required" })
  .trim()
  .refine((value) => value !== "", "form.required")
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value), "skmReport.errors.date");

/** The add form of a report whose period begins on `periodFrom`: a due date before it is refused beside the field. */
export const addRecommendationForm = (periodFrom: string) =>
  z.object({
    intent: z.literal("add"),
    element: z.enum(ELEMENT_CODES, { errorMap: () => ({ message: "form.notInList" }) }),
    serviceId: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === "") return null;
        const parsed = idField().safeParse(value);
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.notInList" });
        return z.NEVER;
      }),
    action: text(1000),
    responsible: text(200),
    dueOn: day.refine((value) => checkDueDate(value, periodFrom).ok, "skmReport.errors.beforePeriod"),
  });

export const statusChangeForm = z.object({
  intent: z.literal("status"),
  recommendationId: idField(),
  status: z.enum(RECOMMENDATION_STATUSES, { errorMap: () => ({ message: "form.notInList" }) }),
  notedOn: day,
  note: text(NOTE_MAX),
  evidence: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.string().max(EVIDENCE_MAX, "form.tooLong")),
});
