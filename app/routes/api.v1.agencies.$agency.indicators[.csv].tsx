import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { AgencyParamSchema, PeriodQuerySchema } from "~/http/open-data/schemas";
import { notFound, openData, parseOr400 } from "~/http/open-data/respond.server";
import { resultsCsv } from "~/exports/open-data-files.server";
import { agencyResultRows } from "~/pages/open-data.server";

// GET /api/v1/agencies/{agency}/indicators.csv?period=2026-Q3: one row per unit and per service.
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return openData(request, context, async () => {
    const { agency } = parseOr400(AgencyParamSchema, params);
    const { period } = parseOr400(PeriodQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    const result = (await agencyResultRows(db(), agency, period, now())) ?? notFound("agency");
    return {
      body: resultsCsv(result.rows),
      contentType: "text/csv; charset=utf-8",
      fileName: `suara-${result.agency.slug}-${result.code}.csv`,
    };
  });
}
