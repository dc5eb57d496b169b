import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";

// The open draft of a forum's berita acara: themes, summaries, agreements and actions change only while the
// newest version is a draft.

/** The newest version of a forum's berita acara (the open draft if there is one). */
export async function currentRecord(db: Kysely<Database>, forumId: number) {
  const row = await db
    .selectFrom("forum_records")
    .selectAll()
    .where("forum_id", "=", forumId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    correctionReason: row.correction_reason,
    agreements: row.agreements,
    dissent: row.dissent,
    approvedByName: row.approved_by_name,
    approvedOn: row.approved_on,
    communityRepName: row.community_rep_name,
    communitySignedOn: row.community_signed_on,
    publishedAt: row.published_at,
  };
}

export type CurrentRecord = Awaited<ReturnType<typeof currentRecord>>;

export class RecordLockedError extends Error {
  constructor() {
    super("The berita acara is published: start a correction to change it");
  }
}

/** The open draft, or a RecordLockedError: themes, summaries, agreements and actions change only in a draft. */
export async function requireDraft(db: Kysely<Database>, forumId: number) {
  const record = await currentRecord(db, forumId);
  if (record.status !== "draft") throw new RecordLockedError();
  return record;
}

