import { dataFileStore } from "~/platform/file-store.server";
import { mayOpenAttachment } from "~/domain/access/complaints";
import type { AttachmentMediaType } from "~/domain/complaint-attachments";
import { placeOf, type Db, type StaffActor } from "./rows.server";

// Complaint attachments in the portal's file store ("uploads" under DATA_DIR), served only to staff who see the
// reporter's side of the complaint. No transaction here: the caller writes the rows.

export interface StoredAttachment {
  path: string;
  storedName: string;
  name: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
}

/** Writes checked files under random names (never overwriting) and returns what the rows need. */
export async function storeAttachments(files: readonly { bytes: Uint8Array; name: string; mediaType: AttachmentMediaType }[]): Promise<StoredAttachment[]> {
  const store = dataFileStore("uploads");
  const stored: StoredAttachment[] = [];
  try {
    for (const file of files) {
      const written = await store.put(file.bytes);
      stored.push({ path: written.absolute, storedName: written.key, name: file.name, mediaType: file.mediaType, size: written.bytes, sha256: written.sha256 });
    }
  } catch (error) {
    await removeStoredAttachments(stored);
    throw error;
  }
  return stored;
}

export async function removeStoredAttachments(stored: readonly StoredAttachment[]): Promise<void> {
  await dataFileStore("uploads").remove(stored.map((file) => ({ key: file.storedName, absolute: file.path, bytes: file.size, sha256: file.sha256 })));
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
  const filePath = dataFileStore("uploads").pathOf(attachment.stored_name);
  if (!filePath) return null;
  return { filePath, mediaType: attachment.media_type, name: attachment.original_name };
}
