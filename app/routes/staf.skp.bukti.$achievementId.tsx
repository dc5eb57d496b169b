import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFile } from "node:fs/promises";
import { notFound, requireUser } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { evidenceDir, evidenceFileFor } from "~/data/skp/queries.server";
import { unitIdParam } from "~/http/params";
import { uploadedFileResponse } from "~/http/uploaded-file";

// An achievement's evidence file, only for the officer and the supervisors in their chain; anyone else gets 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await evidenceFileFor(db(), user, unitIdParam(params.achievementId), evidenceDir());
  if (!file) throw notFound();
  const content = await readFile(file.path).catch(() => null);
  if (!content) throw notFound();
  return uploadedFileResponse(content, { mediaType: file.mime, name: file.name });
}
