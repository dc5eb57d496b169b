import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { ForumRecordSchema, IdParamSchema } from "~/http/open-data/schemas";
import { jsonBody, notFound, openData, parseOr400 } from "~/http/open-data/respond.server";
import { forumAnswer } from "~/pages/open-data.server";

// GET /api/v1/forums/{forumId}
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return openData(request, context, async () => {
    const { forumId } = parseOr400(IdParamSchema("forumId"), params);
    return jsonBody(ForumRecordSchema, (await forumAnswer(db(), forumId, now())) ?? notFound("published forum"));
  });
}
