import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/platform/db.server";
import { AgencyParamSchema, UnitListSchema } from "~/http/open-data/schemas";
import { jsonBody, notFound, openData, parseOr400 } from "~/http/open-data/respond.server";
import { unitsAnswer } from "~/pages/open-data.server";

// GET /api/v1/agencies/{agency}/units
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return openData(request, context, async () => {
    const { agency } = parseOr400(AgencyParamSchema, params);
    return jsonBody(UnitListSchema, (await unitsAnswer(db(), agency)) ?? notFound("agency"));
  });
}
