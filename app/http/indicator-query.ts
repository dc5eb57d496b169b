import { z } from "zod";
import { isIsoDay, periodContaining, type Period } from "~/domain/indicators/period";

export interface IndicatorQuery {
  period: Period;
  verifiedOnly: boolean;
  population: number | null;
  minimumRatings: number;
}

const querySchema = z.object({
  periode: z.enum(["month", "quarter", "year", "custom"]).catch("quarter"),
  tanggal: z.string().optional(),
  dari: z.string().optional(),
  sampai: z.string().optional(),
  terverifikasi: z.string().optional(),
  populasi: z.coerce.number().int().min(1).max(100_000_000).optional().catch(undefined),
});

/** The longest custom period a page reads (about five years); longer ones fall back to the current quarter. */
export const MAX_CUSTOM_DAYS = 1_830;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Reads the indicator filters from the address bar; anything malformed falls back to a sensible default. The
 * minimum number of ratings before an officer is ranked is the agency's setting, never a URL parameter.
 */
export function parseIndicatorQuery(params: URLSearchParams, today: string, settings: { minimumRatings: number }): IndicatorQuery {
  const raw = querySchema.parse(Object.fromEntries(params));
  let period: Period;
  const sane = (day: string | undefined): day is string => day !== undefined && isIsoDay(day) && day >= "2000-01-01" && day <= "2100-12-31";
  if (raw.periode === "custom" && sane(raw.dari) && sane(raw.sampai) && raw.dari <= raw.sampai && daysBetween(raw.dari, raw.sampai) <= MAX_CUSTOM_DAYS) {
    period = { kind: "custom", from: raw.dari, to: raw.sampai };
  } else {
    const anchor = sane(raw.tanggal) ? raw.tanggal : today;
    period = periodContaining(raw.periode === "custom" ? "quarter" : raw.periode, anchor);
  }
  return {
    period,
    verifiedOnly: raw.terverifikasi === "1",
    population: raw.populasi ?? null,
    minimumRatings: settings.minimumRatings,
  };
}
