import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { StakeholderGroup } from "../../../db/tables/forums";
import { localDateOf } from "~/domain/working-days";
import { appendAudit } from "../audit.server";

// Forums (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4): the forum and its attendance.
// The inputs live in items.server.ts, themes in themes.server.ts, the berita acara in records.server.ts and
// its follow-up actions in actions.server.ts.

export interface NewForum {
  actorUserId: number | null;
  unitId: number;
  title: string;
  heldOn: string;
  startTime: string | null;
  place: string;
  agenda: string;
  chairName: string;
  noteTakerName: string;
  serviceIds: number[];
}

/** Creates a forum with an empty draft berita acara (version 1). */
export async function createForum(db: Kysely<Database>, forum: NewForum): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom("units").select(["agency_id"]).where("id", "=", forum.unitId).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("forums")
      .values({
        agency_id: unit.agency_id,
        unit_id: forum.unitId,
        title: forum.title,
        held_on: forum.heldOn,
        start_time: forum.startTime,
        place: forum.place,
        agenda: forum.agenda,
        chair_name: forum.chairName,
        note_taker_name: forum.noteTakerName,
        created_by: forum.actorUserId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (forum.serviceIds.length > 0) {
      // Only the unit's own services can be named.
      const services = await trx
        .selectFrom("services")
        .select("id")
        .where("unit_id", "=", forum.unitId)
        .where("id", "in", forum.serviceIds)
        .execute();
      if (services.length > 0) {
        await trx.insertInto("forum_services").values(services.map((s) => ({ forum_id: row.id, service_id: s.id }))).execute();
      }
    }
    await trx
      .insertInto("forum_records")
      .values({ forum_id: row.id, agency_id: unit.agency_id, version: 1, status: "draft", created_by: forum.actorUserId })
      .execute();
    await appendAudit(trx, {
      actorUserId: forum.actorUserId,
      action: "forum.create",
      subjectType: "forum",
      subjectId: row.id,
      after: { title: forum.title, unitId: forum.unitId, heldOn: forum.heldOn },
    });
    return row.id;
  });
}

/** Changes the announced details (title, date, place, agenda, chair, note-taker) while the forum is being prepared. */
export async function updateForumDetails(db: Kysely<Database>, forumId: number, details: Omit<NewForum, "actorUserId" | "unitId" | "serviceIds">) {
  await db
    .updateTable("forums")
    .set({
      title: details.title,
      held_on: details.heldOn,
      start_time: details.startTime,
      place: details.place,
      agenda: details.agenda,
      chair_name: details.chairName,
      note_taker_name: details.noteTakerName,
    })
    .where("id", "=", forumId)
    .execute();
}

export async function setInputOpen(db: Kysely<Database>, forumId: number, open: boolean) {
  await db.updateTable("forums").set({ input_open: open }).where("id", "=", forumId).execute();
}

/** A forum with its unit, agency and services, or undefined. */
export async function forumById(db: Kysely<Database>, forumId: number) {
  const forum = await db
    .selectFrom("forums")
    .innerJoin("units", "units.id", "forums.unit_id")
    .innerJoin("agencies", "agencies.id", "forums.agency_id")
    .select([
      "forums.id",
      "forums.agency_id as agencyId",
      "forums.unit_id as unitId",
      "forums.title",
      "forums.held_on as heldOn",
      "forums.start_time as startTime",
      "forums.place",
      "forums.agenda",
      "forums.chair_name as chairName",
      "forums.note_taker_name as noteTakerName",
      "forums.input_open as inputOpen",
      "units.name as unitName",
      "units.path as unitPath",
      "agencies.name as agencyName",
      "agencies.slug as agencySlug",
      "agencies.time_zone as timeZone",
    ])
    .where("forums.id", "=", forumId)
    .executeTakeFirst();
  if (!forum) return undefined;
  const services = await db
    .selectFrom("forum_services")
    .innerJoin("services", "services.id", "forum_services.service_id")
    .select(["services.id", "services.name"])
    .where("forum_services.forum_id", "=", forumId)
    .orderBy("services.name")
    .execute();
  return { ...forum, services };
}

export type ForumDetails = NonNullable<Awaited<ReturnType<typeof forumById>>>;

/** Whether public input is still taken: the moderator left it open and the forum's day has not passed. */
export function acceptsPublicInput(forum: Pick<ForumDetails, "inputOpen" | "heldOn" | "timeZone">, now: Date): boolean {
  return forum.inputOpen && forum.heldOn >= localDateOf(now, forum.timeZone);
}

/** Forums in the given unit subtrees, newest first, with input and record counts, for the moderator's list. */
export async function forumsWithin(db: Kysely<Database>, unitPaths: string[]) {
  if (unitPaths.length === 0) return [];
  const rows = await db
    .selectFrom("forums")
    .innerJoin("units", "units.id", "forums.unit_id")
    .innerJoin("agencies", "agencies.id", "forums.agency_id")
    .select((eb) => [
      "forums.id",
      "forums.title",
      "forums.held_on as heldOn",
      "units.name as unitName",
      "agencies.name as agencyName",
      eb
        .selectFrom("forum_items")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("forum_items.forum_id", "=", "forums.id")
        .where("forum_items.moderation", "=", "pending")
        .as("pendingCount"),
      eb
        .selectFrom("forum_items")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("forum_items.forum_id", "=", "forums.id")
        .as("itemCount"),
      eb
        .selectFrom("forum_records")
        .select(sql<number>`max(version)`.as("v"))
        .whereRef("forum_records.forum_id", "=", "forums.id")
        .where("forum_records.status", "!=", "draft")
        .as("publishedVersion"),
    ])
    .where((eb) => eb.or(unitPaths.map((path) => eb("units.path", "like", `${path}%`))))
    .orderBy("forums.held_on", "desc")
    .orderBy("forums.id", "desc")
    .execute();
  return rows;
}

/** Every forum for the public list, per agency and unit, with whether a berita acara is published. */
export async function publicForumList(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("forums")
    .innerJoin("units", "units.id", "forums.unit_id")
    .innerJoin("agencies", "agencies.id", "forums.agency_id")
    .select((eb) => [
      "forums.id",
      "forums.title",
      "forums.held_on as heldOn",
      "forums.place",
      "units.name as unitName",
      "agencies.name as agencyName",
      "agencies.time_zone as timeZone",
      eb
        .exists(
          eb
            .selectFrom("forum_records")
            .select("forum_records.id")
            .whereRef("forum_records.forum_id", "=", "forums.id")
            .where("forum_records.status", "=", "published"),
        )
        .as("published"),
    ])
    .orderBy("agencies.name")
    .orderBy("forums.held_on", "desc")
    .execute();
  return rows;
}

// Attendance

export interface AttendanceRow {
  group: StakeholderGroup;
  count: number;
  names: string[];
}

export async function attendanceOf(db: Kysely<Database>, forumId: number): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom("forum_attendance")
    .select(["stakeholder_group", "head_count", "named_attendees"])
    .where("forum_id", "=", forumId)
    .execute();
  return rows.map((row) => ({
    group: row.stakeholder_group,
    count: row.head_count,
    names: row.named_attendees.split("\n").map((n) => n.trim()).filter(Boolean),
  }));
}

/** Replaces the attendance of every group given (count, and the names of those who agreed to be named). */
export async function saveAttendance(db: Kysely<Database>, forumId: number, rows: AttendanceRow[]) {
  await db.transaction().execute(async (trx) => {
    const forum = await trx.selectFrom("forums").select("agency_id").where("id", "=", forumId).executeTakeFirstOrThrow();
    for (const row of rows) {
      await trx
        .insertInto("forum_attendance")
        .values({
          forum_id: forumId,
          agency_id: forum.agency_id,
          stakeholder_group: row.group,
          head_count: row.count,
          named_attendees: row.names.join("\n"),
        })
        .onConflict((oc) =>
          oc.columns(["forum_id", "stakeholder_group"]).doUpdateSet({ head_count: row.count, named_attendees: row.names.join("\n") }),
        )
        .execute();
    }
  });
}

