import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "~/platform/env.server";
import { mayOpenAttachment } from "~/domain/access/complaints";
import type { AttachmentMediaType } from "~/domain/complaint-attachments";
import { placeOf, type Db, type StaffActor } from "./rows.server";

// Complaint attachments on disk: under DATA_DIR/uploads (never under public/), served only to staff who
// see the reporter's side of the complaint. No transaction here: the caller writes the rows.

export interface StoredAttachment {
  path: string;
  storedName: string;
  name: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
}

function uploadsDir(): string {
  return path.resolve(env().DATA_DIR, "uploads");
}

/** Writes checked files under random names (never overwriting) and returns what the rows need. */
export async function storeAttachments(files: readonly { bytes: Uint8Array; name: string; mediaType: AttachmentMediaType }[]): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  if (files.length === 0) return stored;
  const folder = uploadsDir();
  await mkdir(folder, { recursive: true, mode: 0o700 });
  try {
    for (const file of files) {
      const storedName = randomBytes(16).toString("hex");
      const filePath = path.join(folder, storedName);
      await writeFile(filePath, file.bytes, { mode: 0o600, flag: "wx" });
      stored.push({
        path: filePath,
        storedName,
        name: file.name,
        mediaType: file.mediaType,
        size: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
      });
    }
  } catch (error) {
    await removeStoredAttachments(stored);
    throw error;
  }
  return stored;
}

export async function removeStoredAttachments(stored: readonly StoredAttachment[]): Promise<void> {
  await Promise.all(stored.map((file) => rm(file.path, { force: true })));
}

/** An attachment's file, for a staff member who may see the complaint's reporter side; null otherwise. */
export async function attachmentForStaff(db: Db, user: StaffActor, attachmentId: number) {
  const attachment = await db
    .selectFrom("complaint_attachments")
    .innerJoin("complaints", "complaints.id", "complaint_attachments.complaint_id")
    .select([
      "complaint_attachments.stored_name",
      "complaint_attachments.media_type",
      "complaint_attachments.original_name",
      "complaints.received_unit_id",
      "complaints.unit_id",
      "complaints.officer_id",
      "complaints.status",
    ])
    .where("complaint_attachments.id", "=", attachmentId)
    .executeTakeFirst();
  if (!attachment) return null;
  if (!mayOpenAttachment(user, await placeOf(db, attachment))) return null;
  return { filePath: path.join(uploadsDir(), attachment.stored_name), mediaType: attachment.media_type, name: attachment.original_name };
}
