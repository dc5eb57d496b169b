import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { UNIT_KINDS } from "../../../db/tables/organisation";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { parsePeriodCode } from "~/domain/indicators/publication";
import { RECOMMENDATION_STATUSES } from "~/domain/skm-recommendations";

// The open-data API's answers, one zod schema each. The same schemas shape what the routes send, describe the
// OpenAPI document (app/http/open-data/openapi.ts) and check the answers in the tests, so the three cannot drift.

extendZodWithOpenApi(z);

const id = z.number().int().positive();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: "date", example: "2026-07-01" });
const share = z.number().min(0).max(1);

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "about:blank" }),
    title: z.string().openapi({ example: "Bad Request" }),
    status: z.number().int(),
    detail: z.string().openapi({ example: "period must look like 2026-Q3, 2026-09 or 2026" }),
  })
  .openapi("Problem", { description: "An error, as RFC 9457 application/problem+json." });

export const AgencySchema = z
  .object({
    id,
    slug: z.string().openapi({ example: "kota-pariaman" }),
    name: z.string().openapi({ example: "Pemerintah Kota Pariaman" }),
    province: z.string(),
  })
  .openapi("Agency", { description: "A government (pemerintah daerah) publishing on the portal." });

export const AgencyListSchema = z.object({ agencies: z.array(AgencySchema) }).openapi("AgencyList");

export const ServiceRefSchema = z
  .object({
    id,
    name: z.string(),
    usersPerYear: z
      .number()
      .int()
      .positive()
      .nullable()
      .openapi({ description: "Expected service users per year, the population behind the required sample." }),
  })
  .openapi("ServiceRef");

export const UnitSchema = z
  .object({
    id,
    slug: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    parentId: id.nullable(),
    address: z.string().nullable(),
    publicUrl: z.string().openapi({ description: "The unit's public page on the portal (a path)." }),
    services: z.array(ServiceRefSchema),
  })
  .openapi("Unit");

export const UnitListSchema = z.object({ agency: AgencySchema, units: z.array(UnitSchema) }).openapi("UnitList");

export const PeriodSchema = z
  .object({ code: z.string().openapi({ example: "2026-Q3" }), from: day, to: day })
  .openapi("Period", {
    description: "A month (2026-09), quarter (2026-Q3) or year (2026), as local calendar days, both inclusive.",
  });

export const ElementSchema = z
  .object({
    code: z.enum(ELEMENT_CODES),
    name: z.string().openapi({ example: "Persyaratan" }),
    nrr: z
      .number()
      .min(1)
      .max(4)
      .nullable()
      .openapi({ description: "Mean answer (nilai rata-rata, 1–4); null when withheld or unanswered." }),
    answers: z.number().int().min(0),
  })
  .openapi("Element");

export const IntervalSchema = z
  .object({ low: share, high: share })
  .openapi("Interval", { description: "95 % Wilson interval of a share." });

export const QuickSchema = z
  .object({
    ratings: z.number().int().min(0),
    satisfiedShare: share
      .nullable()
      .openapi({ description: "Share of quick ratings of 3 or 4 (puas, sangat puas); null below the minimum." }),
    interval: IntervalSchema.nullable(),
    suppressed: z.boolean(),
  })
  .openapi("QuickRatings");

const recommendationStatus = z.enum(RECOMMENDATION_STATUSES).openapi({
  description: "planned (direncanakan), in_progress (sedang dikerjakan) or done (selesai).",
});

export const RecommendationSchema = z
  .object({
    id,
    element: z.enum(ELEMENT_CODES).openapi({ description: "The SKM element the recommendation addresses." }),
    elementName: z.string().openapi({ example: "Perilaku Pelaksana" }),
    service: z
      .object({ id, name: z.string() })
      .nullable()
      .openapi({ description: "The service it is about; null for the whole unit." }),
    action: z.string().openapi({ description: "What the unit committed to do." }),
    dueOn: day,
    status: recommendationStatus,
    late: z.boolean().openapi({ description: "Not done and past its due date (in the agency's time zone)." }),
    updates: z
      .array(
        z.object({
          on: day,
          status: recommendationStatus,
          note: z.string(),
          evidence: z.string().nullable().openapi({ description: "A document, letter number or web address." }),
        }),
      )
      .openapi({ description: "Every status change or progress note, oldest first." }),
  })
  .openapi("Recommendation", {
    description:
      "A recommendation of the unit's SKM report with its follow-up. Who is responsible inside the unit is not published.",
  });

export const RecommendationsSchema = z
  .object({
    items: z
      .array(RecommendationSchema)
      .openapi({ description: "The recommendations of the SKM reports within the period, the lowest element's first." }),
    previous: z
      .object({ from: day, to: day, items: z.array(RecommendationSchema), done: z.number().int().min(0) })
      .openapi({ description: "The previous period's recommendations with their status today." }),
  })
  .openapi("Recommendations");

export const IndicatorsSchema = z
  .object({
    unit: z.object({ id, name: z.string(), agency: z.string() }),
    service: z.object({ id, name: z.string() }).nullable(),
    period: PeriodSchema,
    respondents: z
      .number()
      .int()
      .min(0)
      .openapi({ description: "Full surveys (all nine elements asked) in the period." }),
    minimum: z
      .number()
      .int()
      .positive()
      .openapi({ description: "Full surveys needed before the IKM is published (the agency's setting)." }),
    suppressed: z
      .boolean()
      .openapi({ description: "True below the minimum: ikm, mutu and the element values are then null." }),
    ikm: z
      .number()
      .min(25)
      .max(100)
      .nullable()
      .openapi({ description: "Indeks Kepuasan Masyarakat, 25–100, two decimals." }),
    mutu: z.enum(["A", "B", "C", "D"]).nullable(),
    lowest: z
      .enum(ELEMENT_CODES)
      .nullable()
      .openapi({ description: "The element with the lowest mean: the priority for follow-up." }),
    population: z
      .number()
      .int()
      .min(0)
      .nullable()
      .openapi({ description: "Service users expected in the period (stored yearly figure scaled to the period)." }),
    sampleRequired: z
      .number()
      .int()
      .min(0)
      .nullable()
      .openapi({ description: "Krejcie–Morgan minimum sample for the population." }),
    sufficient: z
      .boolean()
      .nullable()
      .openapi({ description: "respondents ≥ sampleRequired; null when suppressed or the population is unknown." }),
    elements: z.array(ElementSchema),
    quick: QuickSchema,
    excluded: z
      .object({ ratings: z.number().int().min(0), received: z.number().int().min(0), share: share.nullable() })
      .openapi({ description: "Ratings taken out by staff (abuse, duplicates) among all received." }),
    recommendations: RecommendationsSchema,
  })
  .openapi("Indicators");

export const ComplaintRequestSchema = z
  .object({
    service_request_id: z.string().openapi({
      description:
        "The complaint's number. Not the tracking code, as Open311 would have it: the tracking code opens the citizen's own tracking page, where whoever holds it can answer on the citizen's behalf.",
    }),
    status: z.enum(["open", "closed"]),
    status_notes: z.string().openapi({
      description: "The portal's status: terverifikasi, diteruskan, ditindaklanjuti, ditanggapi, selesai.",
    }),
    service_name: z.string().nullable(),
    description: z.string(),
    requested_datetime: z.string().openapi({ format: "date-time" }),
    updated_datetime: z.string().openapi({ format: "date-time" }),
    agency_responsible: z.string(),
    category: z.string().nullable(),
    reporter_name: z
      .string()
      .nullable()
      .openapi({ description: "Only when the reporter chose a public report and agreed to be named." }),
    follow_up: z.string().nullable(),
  })
  .openapi("ComplaintRequest", {
    description:
      "A public or anonymous complaint, in the spirit of Open311 GeoReport v2. Confidential ones are never listed.",
  });

export const ComplaintFiguresSchema = z
  .object({
    received: z.number().int().min(0),
    shareVerifiedWithin3WorkingDays: share.nullable(),
    shareFollowedUpWithin5WorkingDays: share.nullable(),
    medianDaysToClose: z.number().min(0).nullable(),
  })
  .openapi("ComplaintFigures", {
    description: "Handling of all complaints received in the period (confidential ones counted, never shown).",
  });

export const ComplaintListSchema = z
  .object({
    unit: z.object({ id, name: z.string(), agency: z.string() }),
    period: PeriodSchema,
    figures: ComplaintFiguresSchema,
    requests: z.array(ComplaintRequestSchema),
  })
  .openapi("ComplaintList");

export const ForumSummarySchema = z
  .object({
    id,
    title: z.string(),
    unit: z.string(),
    agency: z.string(),
    heldOn: day,
    place: z.string(),
    version: z.number().int().positive(),
    publishedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("ForumSummary");

export const ForumListSchema = z.object({ forums: z.array(ForumSummarySchema) }).openapi("ForumList");

export const ForumActionSchema = z
  .object({
    id,
    description: z.string(),
    responsibleUnit: z.string(),
    dueOn: day,
    element: z.string().nullable(),
    theme: z.string().nullable(),
    status: z.enum(["planned", "in_progress", "done", "dropped"]),
    late: z.boolean(),
    updates: z.array(
      z.object({ at: z.string().openapi({ format: "date-time" }), status: z.string(), note: z.string() }),
    ),
  })
  .openapi("ForumAction");

export const ForumRecordSchema = ForumSummarySchema.extend({
  agenda: z.string(),
  attendance: z.array(z.object({ group: z.string(), count: z.number().int().min(0) })),
  themes: z.array(
    z.object({
      priority: z.number().int(),
      label: z.string(),
      element: z.string().nullable(),
      summary: z.string(),
      inputs: z.array(
        z.object({
          number: z.number().int().positive(),
          body: z.string(),
          group: z.string().nullable(),
          name: z.string().nullable().openapi({ description: "Only when the person agreed to be named." }),
        }),
      ),
    }),
  ),
  agreements: z.string(),
  actions: z.array(ForumActionSchema),
}).openapi("ForumRecord", {
  description:
    "A published berita acara: themes with the inputs cited (hidden ones left out) and the follow-up actions' progress.",
});

// ---------------------------------------------------------------------------------------------------------
// Parameters

export const PeriodQuerySchema = z.object({
  period: z
    .string()
    .transform((value, ctx) => {
      const parsed = parsePeriodCode(value);
      if (!parsed.ok) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: "period must look like 2026-Q3 (a quarter), 2026-09 (a month) or 2026 (a year)",
        });
        return z.NEVER;
      }
      return parsed.period;
    })
    .optional()
    .openapi({
      param: { name: "period", in: "query" },
      description: "2026-Q3, 2026-09 or 2026; the last complete quarter when left out.",
      example: "2026-Q3",
      type: "string",
    }),
});

export function IdParamSchema<K extends string>(name: K) {
  const value = z
    .string()
    .regex(/^[1-9]\d{0,8}$/, `${name} must be a positive whole number`)
    .transform(Number)
    .openapi({ param: { name, in: "path" }, example: "1", type: "string" });
  return z.object({ [name]: value } as Record<K, typeof value>);
}

export const AgencyParamSchema = z.object({
  agency: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "agency must be a slug (kota-pariaman) or an id")
    .openapi({
      param: { name: "agency", in: "path" },
      description: "The agency's slug or id.",
      example: "kota-pariaman",
    }),
});

export type Indicators = z.infer<typeof IndicatorsSchema>;
export type ComplaintList = z.infer<typeof ComplaintListSchema>;
export type ForumRecord = z.infer<typeof ForumRecordSchema>;
export type UnitList = z.infer<typeof UnitListSchema>;
