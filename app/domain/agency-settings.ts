import { z } from "zod";
import { TIME_ZONES } from "./installation";

// An agency's own settings, kept in its row: its name and time zone, the full surveys a unit's IKM needs before
// the public sees it, the ratings an officer needs before being ranked, and its abuse limits. A limit left empty
// follows the portal's default (the environment's RATING_LIMIT_PER_DEVICE, RATING_LIMIT_PER_IP and
// KIOSK_MIN_INTERVAL_SECONDS).

export interface RatingLimits {
  perDevice: number;
  perIp: number;
  kioskMinIntervalSeconds: number;
}

export type AgencyLimits = { [K in keyof RatingLimits]: number | null };

/** The limits a rating at this agency's counters meets: its own where set, else the portal's. */
export function effectiveLimits(agency: AgencyLimits | undefined, defaults: RatingLimits): RatingLimits {
  return {
    perDevice: agency?.perDevice ?? defaults.perDevice,
    perIp: agency?.perIp ?? defaults.perIp,
    kioskMinIntervalSeconds: agency?.kioskMinIntervalSeconds ?? defaults.kioskMinIntervalSeconds,
  };
}

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, "form.required")
    .regex(/^\d{1,6}$/, "agencySettings.errors.whole")
    .transform(Number)
    .refine((value) => value >= min && value <= max, { message: `agencySettings.errors.range_${min}_${max}` });

const optionalWhole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .max(6, "agencySettings.errors.whole")
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^\d+$/.test(value), { message: "agencySettings.errors.whole" })
    .transform((value) => (value === null ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), { message: `agencySettings.errors.range_${min}_${max}` });

/** The settings form; the ranges are those the database enforces. */
export const agencySettingsSchema = z.object({
  name: z.string().trim().min(1, "form.required").max(120, "form.tooLong"),
  timeZone: z.enum(TIME_ZONES, { errorMap: () => ({ message: "form.notInList" }) }),
  publicMinSurveys: whole(1, 10000),
  officerRankingMin: whole(1, 1000),
  ratingLimitPerDevice: optionalWhole(1, 1000),
  ratingLimitPerIp: optionalWhole(1, 100000),
  kioskMinIntervalSeconds: optionalWhole(0, 3600),
});
export type AgencySettingsInput = z.infer<typeof agencySettingsSchema>;
