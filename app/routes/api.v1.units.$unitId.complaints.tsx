import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { ComplaintListSchema, IdParamSchema, PeriodQuerySchema } from "~/http/open-data/schemas";
import { jsonBody, notFound, openData, parseOr400 } from "~/http/open-data/respond.server";
import { complaintsAnswer } from "~/pages/open-data.server";

// GET /api/v1/units/{unitId}/complaints?period=2026-Q3
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return openData(request, context, async () => {
    const { unitId } = parseOr400(IdParamSchema("unitId"), params);
    const { period } = parseOr400(PeriodQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return jsonBody(ComplaintListSchema, (await complaintsAnswer(db(), unitId, period, now())) ?? notFound("unit"));
  });
}
