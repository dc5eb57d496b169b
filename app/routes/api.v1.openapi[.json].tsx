import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/http/open-data/openapi";
import { openData } from "~/http/open-data/respond.server";
import { publicBaseUrl } from "~/http/public-url.server";

// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the answers' schemas.
export function loader({ request, context }: LoaderFunctionArgs) {
  return openData(request, context, async () => ({
    body: JSON.stringify(openApiDocument(publicBaseUrl(request))),
    contentType: "application/json; charset=utf-8",
  }));
}
