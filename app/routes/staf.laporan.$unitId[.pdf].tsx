import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitById } from "~/data/organisation.server";
import { localeOf } from "~/i18n/locale.server";
import { createTranslator } from "~/i18n/i18n";
import { RESOURCES } from "~/i18n/resources.server";
import { renderSkmReportPdf } from "~/exports/pdf/skm-report.server";
import { unitIdParam } from "~/http/params";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { skmReportData } from "~/pages/skm-report.server";
import { todayIn } from "~/pages/unit-indicators.server";

// The unit's SKM report for the period in the query string (the same filters as the indicator page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const unitId = unitIdParam(params.unitId);
  await requireUnitRole(request, ["supervisor", "admin"], unitId);
  const unit = await unitById(db(), unitId);
  if (!unit) throw new Response("Not Found", { status: 404 });
  const query = parseIndicatorQuery(new URL(request.url).searchParams, todayIn(unit.timeZone), { minimumRatings: unit.officerRankingMin });
  const locale = await localeOf(request);
  const report = await skmReportData({ id: unit.id, name: unit.name, agencyName: unit.agencyName, agencyId: unit.agency_id, timeZone: unit.timeZone }, query);
  const pdf = await renderSkmReportPdf(report, createTranslator(locale, RESOURCES[locale]), locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="laporan-skm-${unitId}-${query.period.from}-${query.period.to}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
