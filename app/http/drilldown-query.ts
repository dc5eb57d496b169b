import { z } from "zod";
import { ELEMENT_CODES, type ElementCode } from "~/domain/indicators/elements";
import { parseIndicatorQuery, type IndicatorQuery } from "./indicator-query";

export type CommentScore = 1 | 2 | 3 | 4;

/** The indicator filters plus the comment table's: element, score and page. */
export interface DrilldownQuery extends IndicatorQuery {
  comments: { element: ElementCode | null; score: CommentScore | null };
  page: number;
}

const commentSchema = z.object({
  unsur: z.enum(ELEMENT_CODES).optional().catch(undefined),
  nilai: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** Reads a drill-down page's filters from the address bar; anything malformed falls back to no filter. */
export function parseDrilldownQuery(params: URLSearchParams, today: string, settings: { minimumRatings: number }): DrilldownQuery {
  const raw = commentSchema.parse({
    unsur: params.get("unsur") || undefined,
    nilai: params.get("nilai") || undefined,
    halaman: params.get("halaman") || undefined,
  });
  return {
    ...parseIndicatorQuery(params, today, settings),
    comments: { element: raw.unsur ?? null, score: (raw.nilai as CommentScore | undefined) ?? null },
    page: raw.halaman ?? 1,
  };
}

/**
 * The period and verified-only choice as address fields, in the shape `parseIndicatorQuery` reads back (a month,
 * quarter or year by a day inside it): for hidden fields of the comment filters and for links that keep the
 * period.
 */
export function periodFields(query: IndicatorQuery): [name: string, value: string][] {
  const fields: [string, string][] =
    query.period.kind === "custom"
      ? [
          ["periode", "custom"],
          ["dari", query.period.from],
          ["sampai", query.period.to],
        ]
      : [
          ["periode", query.period.kind],
          ["tanggal", query.period.from],
        ];
  if (query.verifiedOnly) fields.push(["terverifikasi", "1"]);
  return fields;
}

/** "?periode=…" for a link to another page of the same period, with extra fields (empty values left out). */
export function searchWith(query: IndicatorQuery, extra: Record<string, string | number | null> = {}): string {
  const params = new URLSearchParams(periodFields(query));
  for (const [name, value] of Object.entries(extra))
    if (value !== null && value !== "") params.set(name, String(value));
  return `?${params}`;
}
