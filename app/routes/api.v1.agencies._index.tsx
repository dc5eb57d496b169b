import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/platform/db.server";
import { AgencyListSchema } from "~/http/open-data/schemas";
import { jsonBody, openData } from "~/http/open-data/respond.server";
import { agenciesAnswer } from "~/pages/open-data.server";

// GET /api/v1/agencies
export function loader({ request, context }: LoaderFunctionArgs) {
  return openData(request, context, async () => jsonBody(AgencyListSchema, await agenciesAnswer(db())));
}
