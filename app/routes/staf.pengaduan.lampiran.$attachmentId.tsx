import { readFile } from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guard.server";
import { attachmentForStaff } from "~/data/complaints/attachments.server";
import { db } from "~/platform/db.server";
import { unitIdParam } from "~/http/params";
import { uploadedFileResponse } from "~/http/uploaded-file";

// Attachments live outside public/; only staff who may see the reporter's side get them, served by the one rule
// for uploaded files (app/http/uploaded-file.ts): sandboxed, never cached, PDFs downloaded.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["complaint_handler", "supervisor"]);
  const attachment = await attachmentForStaff(db(), user, unitIdParam(params.attachmentId));
  if (!attachment) throw new Response("Not Found", { status: 404 });
  const bytes = await readFile(attachment.filePath).catch(() => null);
  if (!bytes) throw new Response("Not Found", { status: 404 });
  return uploadedFileResponse(bytes, { mediaType: attachment.mediaType, name: attachment.name });
}
