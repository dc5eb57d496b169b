import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffUnit } from "~/auth/guard.server";
import { unitIdParam } from "~/http/params";
import { drilldownWorkbook } from "~/exports/drilldown-export.server";

// Every table of the loket page as a workbook, one sheet per table, for the same filters.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireStaffUnit(request, ["supervisor", "admin"], params.unitId);
  return drilldownWorkbook(request, unit, { kind: "counter", counterId: unitIdParam(params.counterId) });
}
