import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { AgencyParamSchema, PeriodQuerySchema } from "~/http/open-data/schemas";
import { notFound, openData, parseOr400 } from "~/http/open-data/respond.server";
import { resultsXlsx, resultsCsv } from "~/exports/open-data-files.server";
import { agencyResultRows } from "~/pages/open-data.server";

// GET /api/v1/agencies/{agency}/indicators.xlsx?period=2026-Q3: one row per unit and per service.
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return openData(request, context, async () => {
    const { agency } = parseOr400(AgencyParamSchema, params);
    const { period } = parseOr400(PeriodQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    const result = (await agencyResultRows(db(), agency, period, now())) ?? notFound("agency");
    return {
      body: await resultsXlsx(result.rows),
      etagSource: resultsCsv(result.rows),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: `suara-${result.agency.slug}-${result.code}.xlsx`,
    };
  });
}
