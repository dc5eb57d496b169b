import { z } from "zod";
import { periodContaining, type Period } from "~/domain/indicators/period";
import { calendarDaysBetween, isIsoDate } from "~/domain/working-days";

export type RangeField = "dari" | "sampai";

export interface IndicatorQuery {
  period: Period;
  verifiedOnly: boolean;
  population: number | null;
  minimumRatings: number;
  /** The reader's local day: whether the period is complete, running or still to come. */
  today: string;
  /**
   * A date range that was asked for and refused (reversed, open-ended, impossible or too long): what was typed and
   * why, shown next to the fields. The figures are then those of `period`, the current quarter.
   */
  refused: { dari: string; sampai: string; errors: Partial<Record<RangeField, string>> } | null;
}

const querySchema = z.object({
  periode: z.enum(["month", "quarter", "year", "custom"]).catch("quarter"),
  tanggal: z.string().optional(),
  bulan: z.string().optional(),
  triwulan: z.string().optional(),
  tahun: z.string().optional(),
  dari: z.string().optional(),
  sampai: z.string().optional(),
  terverifikasi: z.string().optional(),
  populasi: z.coerce.number().int().min(1).max(100_000_000).optional().catch(undefined),
});

/** The longest custom period a page reads (about five years); a longer one is refused. */
export const MAX_CUSTOM_DAYS = 1_830;

const sane = (day: string | undefined): day is string => day !== undefined && isIsoDate(day) && day >= "2000-01-01" && day <= "2100-12-31";

/** A day inside the month, quarter or year the form names ("2026-10", "2026-Q4", "2026"), else the day given. */
function anchorOf(raw: z.infer<typeof querySchema>, fallback: string): string {
  const month = raw.bulan?.match(/^(\d{4})-(0[1-9]|1[0-2])$/);
  if (raw.periode === "month" && month) return sane(`${month[1]}-${month[2]}-01`) ? `${month[1]}-${month[2]}-01` : fallback;
  const quarter = raw.triwulan?.match(/^(\d{4})-Q([1-4])$/);
  if (raw.periode === "quarter" && quarter) {
    const day = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
    return sane(day) ? day : fallback;
  }
  const year = raw.tahun?.trim().match(/^\d{4}$/);
  if (raw.periode === "year" && year) return sane(`${year[0]}-01-01`) ? `${year[0]}-01-01` : fallback;
  return sane(raw.tanggal) ? raw.tanggal : fallback;
}

/** Why a typed range cannot be read, per field (translation keys); empty when it can. */
export function rangeErrors(dari: string, sampai: string): Partial<Record<RangeField, string>> {
  const errors: Partial<Record<RangeField, string>> = {};
  for (const [field, value] of [["dari", dari], ["sampai", sampai]] as const) {
    if (value === "") errors[field] = "indicators.rangeErrors.missing";
    else if (!sane(value)) errors[field] = "indicators.rangeErrors.invalid";
  }
  if (Object.keys(errors).length > 0) return errors;
  if (dari > sampai) return { sampai: "indicators.rangeErrors.reversed" };
  if (calendarDaysBetween(dari, sampai) > MAX_CUSTOM_DAYS) return { sampai: "indicators.rangeErrors.tooLong" };
  return {};
}

/**
 * Reads the indicator filters from the address bar. Each period is named by its own field (a month, a quarter, a
 * year, or two days); links may name it by a day inside it (`tanggal`). A date range that cannot be read is refused
 * with a reason per field instead of being replaced silently; anything else malformed falls back to the current
 * quarter. The minimum number of ratings before an officer is ranked is the agency's setting, never a URL parameter.
 */
export function parseIndicatorQuery(params: URLSearchParams, today: string, settings: { minimumRatings: number }): IndicatorQuery {
  const raw = querySchema.parse(Object.fromEntries(params));
  let period: Period;
  let refused: IndicatorQuery["refused"] = null;
  if (raw.periode === "custom") {
    const dari = raw.dari?.trim() ?? "";
    const sampai = raw.sampai?.trim() ?? "";
    const errors = rangeErrors(dari, sampai);
    if (Object.keys(errors).length === 0) period = { kind: "custom", from: dari, to: sampai };
    else {
      refused = { dari: dari.slice(0, 20), sampai: sampai.slice(0, 20), errors };
      period = periodContaining("quarter", anchorOf(raw, today));
    }
  } else {
    period = periodContaining(raw.periode, anchorOf(raw, today));
  }
  return {
    period,
    verifiedOnly: raw.terverifikasi === "1",
    population: raw.populasi ?? null,
    minimumRatings: settings.minimumRatings,
    today,
    refused,
  };
}
