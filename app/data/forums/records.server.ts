import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { publishGaps, uncitedNumbers, type BeritaAcaraSnapshot, type PublishGap } from "~/domain/forum-record";
import { localDateOf } from "~/domain/working-days";
import { appendAudit } from "../audit.server";
import { attendanceOf, forumById } from "./forums.server";
import { actionsOf } from "./actions.server";
import { currentRecord, requireDraft, type CurrentRecord } from "./drafts.server";
import { themesOf } from "./themes.server";

// The berita acara of a forum in versions, and its follow-up actions (DOMAIN.md §4). The open draft is edited in
// place; publishing freezes everything in the version's snapshot. A correction after publication opens a new draft
// with a reason; the earlier published versions stay readable exactly as they were.
//
// Approval: the chair is a person named on the forum, usually without an account. Approval is therefore recorded
// by the moderator, naming the chair and the day the chair approved; the recording user and time are kept.

export { currentRecord, RecordLockedError, requireDraft, type CurrentRecord } from "./drafts.server";

/** Every published (or superseded) version, newest first, for the version list. */
export async function publishedVersions(db: Kysely<Database>, forumId: number) {
  return db
    .selectFrom("forum_records")
    .select(["version", "status", "correction_reason as correctionReason", "published_at as publishedAt"])
    .where("forum_id", "=", forumId)
    .where("status", "!=", "draft")
    .orderBy("version", "desc")
    .execute();
}

/** A published version's frozen content (the latest when no version is given), or undefined. */
export async function publishedSnapshot(db: Kysely<Database>, forumId: number, version?: number): Promise<BeritaAcaraSnapshot | undefined> {
  let query = db.selectFrom("forum_records").select("snapshot").where("forum_id", "=", forumId).where("status", "!=", "draft");
  if (version !== undefined) query = query.where("version", "=", version);
  const row = await query.orderBy("version", "desc").limit(1).executeTakeFirst();
  return (row?.snapshot as BeritaAcaraSnapshot | null | undefined) ?? undefined;
}

export async function saveRecordText(db: Kysely<Database>, forumId: number, text: { agreements: string; dissent: string }) {
  const draft = await requireDraft(db, forumId);
  // A changed text needs the chair's approval again.
  await db
    .updateTable("forum_records")
    .set({ agreements: text.agreements, dissent: text.dissent, approved_by_name: null, approved_on: null, approval_recorded_by: null, approval_recorded_at: null })
    .where("id", "=", draft.id)
    .execute();
}

export interface Approval {
  forumId: number;
  actorUserId: number | null;
  approvedOn: string;
  communityRepName: string | null;
  communitySignedOn: string | null;
  now: Date;
}

/** Records the chair's approval (and optionally a community representative's sign-off) of the open draft. */
export async function recordApproval(db: Kysely<Database>, approval: Approval) {
  await db.transaction().execute(async (trx) => {
    const draft = await requireDraft(trx, approval.forumId);
    const forum = await trx.selectFrom("forums").select("chair_name").where("id", "=", approval.forumId).executeTakeFirstOrThrow();
    await trx
      .updateTable("forum_records")
      .set({
        approved_by_name: forum.chair_name,
        approved_on: approval.approvedOn,
        approval_recorded_by: approval.actorUserId,
        approval_recorded_at: approval.now,
        community_rep_name: approval.communityRepName,
        community_signed_on: approval.communityRepName ? (approval.communitySignedOn ?? approval.approvedOn) : null,
      })
      .where("id", "=", draft.id)
      .execute();
    await appendAudit(trx, {
      actorUserId: approval.actorUserId,
      action: "forum.approve",
      subjectType: "forum",
      subjectId: approval.forumId,
      after: { version: draft.version, chair: forum.chair_name, approvedOn: approval.approvedOn, communityRep: approval.communityRepName },
    });
  });
}

/** What the draft still lacks before it may be published (empty when complete). */
export async function draftGaps(db: Kysely<Database>, forumId: number): Promise<PublishGap[]> {
  const [record, attendance, themes, actions, members] = await Promise.all([
    currentRecord(db, forumId),
    attendanceOf(db, forumId),
    themesOf(db, forumId),
    db.selectFrom("forum_actions").select(sql<number>`count(*)::int`.as("n")).where("forum_id", "=", forumId).executeTakeFirstOrThrow(),
    visibleItems(db, forumId),
  ]);
  return publishGaps({
    approved: record.approvedByName !== null,
    attendanceTotal: attendance.reduce((sum, row) => sum + row.count, 0),
    themes: themes.map((theme) => ({
      label: theme.label,
      accepted: theme.accepted,
      summary: theme.summary,
      citedCount: theme.citedNumbers.length,
      uncited: uncitedNumbers(
        theme.citedNumbers,
        members.filter((item) => item.theme_id === theme.id).map((item) => item.number),
        members.filter((item) => item.theme_id === theme.id && item.not_reflected_reason !== null).map((item) => item.number),
      ),
    })),
    actionCount: actions.n,
    agreements: record.agreements,
  });
}

export type PublishResult = { ok: true; version: number } | { ok: false; reason: "locked" } | { ok: false; reason: "gaps"; gaps: PublishGap[] };

/** Publishes the open draft: refused without the chair's approval or with anything missing; audited. */
export async function publishRecord(db: Kysely<Database>, forumId: number, actorUserId: number | null, now: Date): Promise<PublishResult> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("forums").select("id").where("id", "=", forumId).forUpdate().executeTakeFirstOrThrow();
    const record = await currentRecord(trx, forumId);
    if (record.status !== "draft") return { ok: false as const, reason: "locked" as const };
    const gaps = await draftGaps(trx, forumId);
    if (gaps.length > 0) return { ok: false as const, reason: "gaps" as const, gaps };
    const snapshot = await buildSnapshot(trx, forumId, record, now);
    await trx.updateTable("forum_records").set({ status: "superseded" }).where("forum_id", "=", forumId).where("status", "=", "published").execute();
    await trx
      .updateTable("forum_records")
      .set({ status: "published", published_at: now, published_by: actorUserId, snapshot: JSON.stringify(snapshot) })
      .where("id", "=", record.id)
      .execute();
    await appendAudit(trx, {
      actorUserId,
      action: "forum.publish",
      subjectType: "forum",
      subjectId: forumId,
      after: { version: record.version, themes: snapshot.themes.length, actions: snapshot.actions.length },
    });
    return { ok: true as const, version: record.version };
  });
}

export type CorrectionResult = { ok: true; version: number } | { ok: false; reason: "notPublished" };

/** Opens a new draft version after publication, with the reason for the correction; audited. */
export async function startCorrection(db: Kysely<Database>, forumId: number, actorUserId: number | null, reason: string): Promise<CorrectionResult> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("forums").select("id").where("id", "=", forumId).forUpdate().executeTakeFirstOrThrow();
    const latest = await currentRecord(trx, forumId);
    if (latest.status !== "published") return { ok: false as const, reason: "notPublished" as const };
    const row = await trx
      .insertInto("forum_records")
      .values({
        forum_id: forumId,
        agency_id: (await trx.selectFrom("forums").select("agency_id").where("id", "=", forumId).executeTakeFirstOrThrow()).agency_id,
        version: latest.version + 1,
        status: "draft",
        correction_reason: reason,
        agreements: latest.agreements,
        dissent: latest.dissent,
        community_rep_name: latest.communityRepName,
        created_by: actorUserId,
      })
      .returning("version")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorUserId,
      action: "forum.correction",
      subjectType: "forum",
      subjectId: forumId,
      before: { version: latest.version },
      after: { version: row.version, reason },
    });
    return { ok: true as const, version: row.version };
  });
}

async function buildSnapshot(
  db: Kysely<Database>,
  forumId: number,
  record: CurrentRecord,
  now: Date,
): Promise<BeritaAcaraSnapshot> {
  const forum = (await forumById(db, forumId))!;
  const [attendance, themes, items, actions] = await Promise.all([
    attendanceOf(db, forumId),
    themesOf(db, forumId),
    visibleItems(db, forumId),
    actionsOf(db, forumId),
  ]);
  const themeIds = new Set(themes.map((theme) => theme.id));
  // Only names the submitter agreed to show ever enter the published record.
  const asPublished = (item: (typeof items)[number]) => ({
    number: item.number,
    body: item.body,
    source: item.source,
    group: item.stakeholder_group,
    name: item.show_name ? item.submitter_name : null,
    notReflectedReason: item.theme_id !== null && themeIds.has(item.theme_id) ? item.not_reflected_reason : null,
  });
  return {
    version: record.version,
    correctionReason: record.correctionReason,
    forum: {
      title: forum.title,
      unitName: forum.unitName,
      agencyName: forum.agencyName,
      heldOn: forum.heldOn,
      startTime: forum.startTime,
      place: forum.place,
      agenda: forum.agenda,
      chairName: forum.chairName,
      noteTakerName: forum.noteTakerName,
      services: forum.services.map((s) => s.name),
    },
    attendance: attendance.map((row) => ({ group: row.group, count: row.count, names: row.names })),
    themes: themes.map((theme) => ({
      id: theme.id,
      priority: theme.priority,
      label: theme.label,
      element: theme.element ?? theme.suggestedElement,
      summary: theme.summary,
      citedNumbers: theme.citedNumbers,
      items: items.filter((item) => item.theme_id === theme.id).map(asPublished),
    })),
    // Every visible input is in the record: those in no theme under "masukan lain".
    otherItems: items.filter((item) => item.theme_id === null || !themeIds.has(item.theme_id)).map(asPublished),
    agreements: record.agreements,
    dissent: record.dissent,
    actions: actions.map((action) => ({
      id: action.id,
      description: action.description,
      responsibleUnit: action.responsibleUnitName,
      responsibleOfficer: action.responsibleOfficer,
      dueOn: action.dueOn,
      element: action.element,
      theme: action.themeLabel,
      statusAtPublication: action.status,
      noteAtPublication: action.lastNote,
      evidenceAtPublication: action.lastEvidence,
    })),
    approval: {
      chairName: record.approvedByName ?? forum.chairName,
      approvedOn: record.approvedOn ?? localDateOf(now, forum.timeZone),
      communityRepName: record.communityRepName,
      communitySignedOn: record.communitySignedOn,
    },
    publishedAt: now.toISOString(),
  };
}

/** The forum's visible inputs (accepted, not hidden, not merged), in number order. */
function visibleItems(db: Kysely<Database>, forumId: number) {
  return db
    .selectFrom("forum_items")
    .select(["id", "number", "body", "source", "stakeholder_group", "submitter_name", "show_name", "theme_id", "not_reflected_reason"])
    .where("forum_id", "=", forumId)
    .where("moderation", "=", "accepted")
    .where("hidden_reason", "is", null)
    .where("merged_into_id", "is", null)
    .orderBy("number")
    .execute();
}

/** Input numbers hidden or merged since publication: the public page leaves them out of any version. */
export async function withdrawnNumbers(db: Kysely<Database>, forumId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("forum_items")
    .select("number")
    .where("forum_id", "=", forumId)
    .where((eb) => eb.or([eb("hidden_reason", "is not", null), eb("merged_into_id", "is not", null), eb("moderation", "=", "pending")]))
    .execute();
  return rows.map((row) => row.number);
}

