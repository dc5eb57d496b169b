import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitById } from "~/data/organisation.server";
import { localeOf } from "~/i18n/locale.server";
import { createTranslator } from "~/i18n/i18n";
import { RESOURCES } from "~/i18n/resources.server";
import { unitIdParam } from "~/http/params";
import { exportFileName, indicatorExportTables, tablesToCsv } from "~/exports/indicator-export.server";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { todayIn, unitIndicatorPage } from "~/pages/unit-indicators.server";

// The indicator page's tables as CSV for Indonesian Excel (";", decimal comma in Bahasa Indonesia).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const unitId = unitIdParam(params.unitId);
  await requireUnitRole(request, ["supervisor", "admin"], unitId);
  const unit = await unitById(db(), unitId);
  if (!unit) throw new Response("Not Found", { status: 404 });
  const query = parseIndicatorQuery(new URL(request.url).searchParams, todayIn(unit.timeZone), { minimumRatings: unit.officerRankingMin });
  const locale = await localeOf(request);
  const page = await unitIndicatorPage({ kind: "unit", unitId }, query);
  const csv = tablesToCsv(indicatorExportTables(page, query, unit, createTranslator(locale, RESOURCES[locale])), locale);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(unitId, query.period, "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
}
