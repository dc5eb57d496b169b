import { type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { ActionStatus } from "../../../db/tables/forums";
import { isActionLate } from "~/domain/forum-record";
import type { EvidenceMime } from "~/domain/skp-evidence";
import { dataFileStore, type StoredFile } from "~/platform/file-store.server";
import { localDateOf } from "~/domain/working-days";
import { appendAudit } from "../audit.server";
import { requireDraft } from "./drafts.server";

// The follow-up actions of a forum's berita acara (DOMAIN.md §4): added with the draft, each with its responsible
// unit and due date; after publication the responsible unit reports progress, dated and audited.

export interface NewAction {
  forumId: number;
  themeId: number | null;
  description: string;
  responsibleUnitId: number;
  responsibleOfficer: string | null;
  dueOn: string;
  element: string | null;
}

/** Adds a follow-up action to the draft; the responsible unit must belong to the forum's government. */
export async function addAction(db: Kysely<Database>, action: NewAction): Promise<{ ok: true; id: number } | { ok: false; reason: "unitOutsideAgency" }> {
  await requireDraft(db, action.forumId);
  const forum = await db.selectFrom("forums").select("agency_id").where("id", "=", action.forumId).executeTakeFirstOrThrow();
  const unit = await db.selectFrom("units").select("agency_id").where("id", "=", action.responsibleUnitId).executeTakeFirst();
  if (!unit || unit.agency_id !== forum.agency_id) return { ok: false, reason: "unitOutsideAgency" };
  const row = await db
    .insertInto("forum_actions")
    .values({
      forum_id: action.forumId,
      agency_id: forum.agency_id,
      theme_id: action.themeId,
      description: action.description,
      responsible_unit_id: action.responsibleUnitId,
      responsible_officer: action.responsibleOfficer,
      due_on: action.dueOn,
      element: action.element,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, id: row.id };
}

/** Actions of a forum with their responsible unit, theme and latest update. */
export async function actionsOf(db: Kysely<Database>, forumId: number) {
  return actionQuery(db).where("forum_actions.forum_id", "=", forumId).orderBy("forum_actions.id").execute();
}

function actionQuery(db: Kysely<Database>) {
  return db
    .selectFrom("forum_actions")
    .innerJoin("units", "units.id", "forum_actions.responsible_unit_id")
    .innerJoin("forums", "forums.id", "forum_actions.forum_id")
    .innerJoin("agencies", "agencies.id", "forum_actions.agency_id")
    .leftJoin("forum_themes", "forum_themes.id", "forum_actions.theme_id")
    .select((eb) => [
      "forum_actions.id",
      "forum_actions.forum_id as forumId",
      "forums.title as forumTitle",
      "forum_actions.description",
      "forum_actions.responsible_unit_id as responsibleUnitId",
      "units.name as responsibleUnitName",
      "units.path as responsibleUnitPath",
      "forum_actions.responsible_officer as responsibleOfficer",
      "forum_actions.due_on as dueOn",
      "forum_actions.element",
      "forum_actions.status",
      "forum_actions.drop_reason as dropReason",
      "forum_themes.label as themeLabel",
      "agencies.time_zone as timeZone",
      eb
        .selectFrom("forum_action_updates")
        .select("forum_action_updates.note")
        .whereRef("forum_action_updates.action_id", "=", "forum_actions.id")
        .orderBy("forum_action_updates.at", "desc")
        .orderBy("forum_action_updates.id", "desc")
        .limit(1)
        .as("lastNote"),
      eb
        .selectFrom("forum_action_updates")
        .select("forum_action_updates.at")
        .whereRef("forum_action_updates.action_id", "=", "forum_actions.id")
        .orderBy("forum_action_updates.at", "desc")
        .orderBy("forum_action_updates.id", "desc")
        .limit(1)
        .as("lastUpdateAt"),
      eb
        .selectFrom("forum_action_updates")
        .select("forum_action_updates.evidence")
        .whereRef("forum_action_updates.action_id", "=", "forum_actions.id")
        .orderBy("forum_action_updates.at", "desc")
        .orderBy("forum_action_updates.id", "desc")
        .limit(1)
        .as("lastEvidence"),
    ]);
}

export async function actionById(db: Kysely<Database>, actionId: number) {
  return actionQuery(db).where("forum_actions.id", "=", actionId).executeTakeFirst();
}

/** Dated updates of an action, oldest first. */
export async function actionUpdates(db: Kysely<Database>, actionIds: number[]) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom("forum_action_updates")
    .leftJoin("users", "users.id", "forum_action_updates.user_id")
    .select([
      "forum_action_updates.id",
      "forum_action_updates.action_id as actionId",
      "forum_action_updates.at",
      "forum_action_updates.status",
      "forum_action_updates.note",
      "forum_action_updates.evidence",
      "forum_action_updates.evidence_file_name as fileName",
      "forum_action_updates.evidence_file_type as fileType",
      "forum_action_updates.evidence_file_bytes as fileBytes",
      "users.display_name as by",
    ])
    .where("forum_action_updates.action_id", "in", actionIds)
    .orderBy("forum_action_updates.at")
    .orderBy("forum_action_updates.id")
    .execute();
}

export interface ActionUpdate {
  actionId: number;
  actorUserId: number | null;
  status: ActionStatus;
  note: string;
  /** A link or a short description of the evidence; required (by checkActionUpdate) to mark the action done. */
  evidence?: string | null;
  /** An evidence file already checked (checkEvidenceFile): its bytes, type and the name to show. */
  file?: { bytes: Uint8Array; type: EvidenceMime; extension: string; name: string } | null;
  now: Date;
}

/**
 * A dated update by the responsible unit (app/domain/access/forum-actions.ts says who): status, what was done (the
 * reason, when dropped) and the evidence; audited.
 */
export async function updateAction(db: Kysely<Database>, update: ActionUpdate) {
  // The file is written first under a fresh name; when the rows then fail, it is removed, so nothing is left half.
  const store = dataFileStore("evidence");
  let written: StoredFile | null = null;
  if (update.file) written = await store.put(update.file.bytes, { folders: ["forum", String(update.actionId)], extension: update.file.extension });
  const file = update.file && written ? { key: written.key, name: update.file.name, type: update.file.type, bytes: written.bytes } : null;
  try {
    await writeUpdate(db, update, file);
  } catch (error) {
    if (written) await store.remove([written]);
    throw error;
  }
}

async function writeUpdate(db: Kysely<Database>, update: ActionUpdate, file: { key: string; name: string; type: EvidenceMime; bytes: number } | null) {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("forum_actions")
      .select(["status", "agency_id", "forum_id"])
      .where("id", "=", update.actionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("forum_actions")
      .set({ status: update.status, drop_reason: update.status === "dropped" ? update.note : null, updated_at: update.now })
      .where("id", "=", update.actionId)
      .execute();
    await trx
      .insertInto("forum_action_updates")
      .values({
        action_id: update.actionId,
        agency_id: before.agency_id,
        at: update.now,
        status: update.status,
        note: update.note,
        evidence: update.evidence?.trim() ? update.evidence.trim() : null,
        evidence_file: file?.key ?? null,
        evidence_file_name: file?.name ?? null,
        evidence_file_type: file?.type ?? null,
        evidence_file_bytes: file?.bytes ?? null,
        user_id: update.actorUserId,
      })
      .execute();
    await appendAudit(trx, {
      actorUserId: update.actorUserId,
      action: "forum.action.update",
      subjectType: "forum_action",
      subjectId: update.actionId,
      before: { status: before.status },
      after: {
        status: update.status,
        note: update.note,
        evidence: update.evidence?.trim() || null,
        ...(file ? { file: { name: file.name, type: file.type, bytes: file.bytes, key: file.key } } : {}),
      },
    });
  });
}

/**
 * An update's evidence file as the public forum page links it: only for an action of this forum, and only once the
 * forum's berita acara is published (as the progress itself is shown). Null otherwise.
 */
export async function publicEvidenceFile(db: Kysely<Database>, forumId: number, updateId: number) {
  const row = await db
    .selectFrom("forum_action_updates")
    .innerJoin("forum_actions", "forum_actions.id", "forum_action_updates.action_id")
    .select(["forum_action_updates.evidence_file as file", "forum_action_updates.evidence_file_name as name", "forum_action_updates.evidence_file_type as type"])
    .where("forum_action_updates.id", "=", updateId)
    .where("forum_actions.forum_id", "=", forumId)
    .where((eb) =>
      eb.exists(
        eb.selectFrom("forum_records").select("forum_records.id").whereRef("forum_records.forum_id", "=", "forum_actions.forum_id").where("forum_records.status", "=", "published"),
      ),
    )
    .executeTakeFirst();
  if (!row?.file || !row.name || !row.type) return null;
  const filePath = dataFileStore("evidence").pathOf(row.file);
  return filePath ? { filePath, name: row.name, type: row.type } : null;
}

/**
 * Actions of published forums that units in the given subtrees are responsible for, late ones first; with
 * `serviceId`, only those of forums held about that service.
 */
export async function actionsForUnits(db: Kysely<Database>, unitPaths: string[], now: Date, options: { serviceId?: number } = {}) {
  if (unitPaths.length === 0) return [];
  let query = actionQuery(db).where((eb) => eb.or(unitPaths.map((path) => eb("units.path", "like", `${path}%`))));
  if (options.serviceId !== undefined) {
    const serviceId = options.serviceId;
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom("forum_services").select("forum_services.forum_id").whereRef("forum_services.forum_id", "=", "forum_actions.forum_id").where("forum_services.service_id", "=", serviceId),
      ),
    );
  }
  const rows = await query
    .where((eb) =>
      eb.exists(
        eb.selectFrom("forum_records").select("forum_records.id").whereRef("forum_records.forum_id", "=", "forum_actions.forum_id").where("forum_records.status", "=", "published"),
      ),
    )
    .orderBy("forum_actions.due_on")
    .execute();
  return rows
    .map((row) => ({ ...row, late: isActionLate({ status: row.status, dueOn: row.dueOn }, localDateOf(now, row.timeZone)) }))
    .sort((a, b) => Number(b.late) - Number(a.late) || a.dueOn.localeCompare(b.dueOn));
}

/**
 * For the unit's indicator page: follow-up actions of published forums linked to an SKM element that the unit is
 * responsible for, with status and whether they are late. `element` is "U1".."U9".
 */
export async function forumActionsForElement(db: Kysely<Database>, unitId: number, element: string, now: Date = new Date()) {
  const rows = await actionQuery(db)
    .where("forum_actions.responsible_unit_id", "=", unitId)
    .where("forum_actions.element", "=", element)
    .where((eb) =>
      eb.exists(
        eb.selectFrom("forum_records").select("forum_records.id").whereRef("forum_records.forum_id", "=", "forum_actions.forum_id").where("forum_records.status", "=", "published"),
      ),
    )
    .orderBy("forum_actions.due_on")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    forumId: row.forumId,
    forumTitle: row.forumTitle,
    description: row.description,
    status: row.status,
    dueOn: row.dueOn,
    late: isActionLate({ status: row.status, dueOn: row.dueOn }, localDateOf(now, row.timeZone)),
    lastNote: row.lastNote,
    publicUrl: `/forum/${row.forumId}`,
  }));
}
