import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffUnit } from "~/auth/guard.server";
import { unitIdParam } from "~/http/params";
import { drilldownCommentsCsv } from "~/exports/drilldown-export.server";

// The comment table of the loket page as CSV for Indonesian Excel (";", decimal comma in Bahasa Indonesia).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireStaffUnit(request, ["supervisor", "admin"], params.unitId);
  return drilldownCommentsCsv(request, unit, { kind: "counter", counterId: unitIdParam(params.counterId) });
}
