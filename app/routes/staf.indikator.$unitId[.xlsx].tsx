import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitById } from "~/data/organisation.server";
import { localeOf } from "~/i18n/locale.server";
import { createTranslator } from "~/i18n/i18n";
import { RESOURCES } from "~/i18n/resources.server";
import { unitIdParam } from "~/http/params";
import { exportFileName, indicatorExportTables, tablesToXlsx } from "~/exports/indicator-export.server";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { todayIn, unitIndicatorPage } from "~/pages/unit-indicators.server";

// The indicator page's tables as a workbook, one sheet per table.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const unitId = unitIdParam(params.unitId);
  await requireUnitRole(request, ["supervisor", "admin"], unitId);
  const unit = await unitById(db(), unitId);
  if (!unit) throw new Response("Not Found", { status: 404 });
  const query = parseIndicatorQuery(new URL(request.url).searchParams, todayIn(unit.timeZone), { minimumRatings: unit.officerRankingMin });
  const locale = await localeOf(request);
  const page = await unitIndicatorPage({ kind: "unit", unitId }, query);
  const workbook = await tablesToXlsx(indicatorExportTables(page, query, unit, createTranslator(locale, RESOURCES[locale])));
  return new Response(new Uint8Array(workbook), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${exportFileName(unitId, query.period, "xlsx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
