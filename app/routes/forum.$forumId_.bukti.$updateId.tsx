import { readFile } from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicEvidenceFile } from "~/data/forums/actions.server";
import { db } from "~/platform/db.server";
import { unitIdParam } from "~/http/params";
import { uploadedFileResponse } from "~/http/uploaded-file";

// The evidence file of a follow-up action's progress update, public like the progress itself once the berita acara
// is published; served by the one rule for uploaded files (app/http/uploaded-file.ts): sandboxed, never cached,
// never sniffed, a PDF downloaded rather than rendered in the portal's origin.
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await publicEvidenceFile(db(), unitIdParam(params.forumId), unitIdParam(params.updateId));
  if (!file) throw new Response("Not Found", { status: 404 });
  const bytes = await readFile(file.filePath).catch(() => null);
  if (!bytes) throw new Response("Not Found", { status: 404 });
  return uploadedFileResponse(bytes, { mediaType: file.type, name: file.name });
}
