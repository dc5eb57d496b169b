import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/platform/db.server";
import { ForumListSchema } from "~/http/open-data/schemas";
import { jsonBody, openData } from "~/http/open-data/respond.server";
import { forumsAnswer } from "~/pages/open-data.server";

// GET /api/v1/forums
export function loader({ request, context }: LoaderFunctionArgs) {
  return openData(request, context, async () => jsonBody(ForumListSchema, await forumsAnswer(db())));
}
