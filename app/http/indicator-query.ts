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
  min: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});

/** Reads the indicator filters from the address bar; anything malformed falls back to a sensible default. */
export function parseIndicatorQuery(params: URLSearchParams, today: string): IndicatorQuery {
  const raw = querySchema.parse(Object.fromEntries(params));
  let period: Period;
  if (raw.periode === "custom" && raw.dari && raw.sampai && isIsoDay(raw.dari) && isIsoDay(raw.sampai) && raw.dari <= raw.sampai) {
    period = { kind: "custom", from: raw.dari, to: raw.sampai };
  } else {
    const anchor = raw.tanggal && isIsoDay(raw.tanggal) ? raw.tanggal : today;
    period = periodContaining(raw.periode === "custom" ? "quarter" : raw.periode, anchor);
  }
  return {
    period,
    verifiedOnly: raw.terverifikasi === "1",
    population: raw.populasi ?? null,
    minimumRatings: raw.min ?? 10,
  };
}
