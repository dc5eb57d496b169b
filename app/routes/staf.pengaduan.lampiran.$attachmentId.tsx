import { readFile } from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guard.server";
import { attachmentForStaff } from "~/data/complaints/attachments.server";
import { db } from "~/platform/db.server";
import { unitIdParam } from "~/http/params";

// Attachments live outside public/; only staff who may see the reporter's side get them, never cached.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["complaint_handler", "supervisor"]);
  const attachment = await attachmentForStaff(db(), user, unitIdParam(params.attachmentId));
  if (!attachment) throw new Response("Not Found", { status: 404 });
  const bytes = await readFile(attachment.filePath).catch(() => null);
  if (!bytes) throw new Response("Not Found", { status: 404 });
  return new Response(bytes, {
    headers: {
      "Content-Type": attachment.mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="${attachment.name.replace(/[^\w.\- ]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    },
  });
}
