import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { ItemSource, StakeholderGroup } from "../../db/tables/forums";
import { MAX_PASTE_LINES } from "~/domain/forum-paste";
import { localDay } from "~/domain/forum-record";
import { suggestElement } from "~/domain/themes/element-suggestion";
import { appendAudit } from "./audit.server";
import { hitLimit, LIMITS } from "./rate-limits.server";

// Forums (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4): the forum, its attendance and its inputs.
// Themes live in forum-themes.server.ts, the berita acara and its actions in forum-records.server.ts.

/** "YYYY-MM-DD" from a pg `date` (a Date at local midnight) or a string already in that form. */
export function dayString(value: Date | string): string {
  if (typeof value === "string") return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** Public inputs one address may send per hour (all forums together). */
export const PUBLIC_INPUTS_PER_HOUR = LIMITS.forumInput.limit;

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
      "forums.held_on as heldOnDate",
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
  const { heldOnDate, ...rest } = forum;
  return { ...rest, heldOn: dayString(heldOnDate), services };
}

export type ForumDetails = NonNullable<Awaited<ReturnType<typeof forumById>>>;

/** Whether public input is still taken: the moderator left it open and the forum's day has not passed. */
export function acceptsPublicInput(forum: Pick<ForumDetails, "inputOpen" | "heldOn" | "timeZone">, now: Date): boolean {
  return forum.inputOpen && forum.heldOn >= localDay(now, forum.timeZone);
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
      "forums.held_on as heldOnDate",
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
  return rows.map(({ heldOnDate, ...row }) => ({ ...row, heldOn: dayString(heldOnDate) }));
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
      "forums.held_on as heldOnDate",
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
  return rows.map(({ heldOnDate, ...row }) => ({ ...row, heldOn: dayString(heldOnDate) }));
}

// ---------------------------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------------------------
// Inputs

export interface NewItems {
  forumId: number;
  actorUserId: number | null;
  texts: string[];
  source: ItemSource;
  group: StakeholderGroup | null;
}

export type AddItemsResult = { ok: true; numbers: number[] } | { ok: false; reason: "tooMany" | "empty" };

/** Adds inputs typed or pasted by the moderator, all or none, numbered in order within the forum. */
export async function addItems(db: Kysely<Database>, input: NewItems): Promise<AddItemsResult> {
  if (input.texts.length === 0) return { ok: false, reason: "empty" };
  if (input.texts.length > MAX_PASTE_LINES) return { ok: false, reason: "tooMany" };
  const numbers = await db.transaction().execute((trx) =>
    insertItems(trx, input.forumId, input.texts.map((text) => ({ text, source: input.source, group: input.group, createdBy: input.actorUserId, moderation: "accepted" as const }))),
  );
  return { ok: true, numbers };
}

interface ItemValues {
  text: string;
  source: ItemSource;
  group: StakeholderGroup | null;
  createdBy: number | null;
  moderation: "pending" | "accepted";
  submitterName?: string | null;
  showName?: boolean;
}

async function insertItems(trx: Transaction<Database>, forumId: number, items: ItemValues[]): Promise<number[]> {
  // Reserving the numbers in one update keeps them gap-free and unique under concurrent pastes.
  const reserved = await trx
    .updateTable("forums")
    .set((eb) => ({ next_item_number: eb("next_item_number", "+", items.length) }))
    .where("id", "=", forumId)
    .returning(["next_item_number", "agency_id"])
    .executeTakeFirstOrThrow();
  const first = reserved.next_item_number - items.length;
  const rows = items.map((item, index) => {
    const suggestion = suggestElement(item.text);
    return {
      forum_id: forumId,
      agency_id: reserved.agency_id,
      number: first + index,
      body: item.text,
      source: item.source,
      stakeholder_group: item.group,
      submitter_name: item.submitterName ?? null,
      show_name: item.showName ?? false,
      moderation: item.moderation,
      suggested_element: suggestion.element,
      suggested_words: suggestion.matched.join(", "),
      created_by: item.createdBy,
    };
  });
  // Chunked so a 2,000-line paste stays under PostgreSQL's parameter limit.
  for (let start = 0; start < rows.length; start += 500) {
    await trx.insertInto("forum_items").values(rows.slice(start, start + 500)).execute();
  }
  return rows.map((row) => row.number);
}

export interface PublicInput {
  forumId: number;
  body: string;
  name: string | null;
  group: StakeholderGroup | null;
  showName: boolean;
  /** The client's address (the trusted-proxy rule); counted only as a keyed hash (UU 27/2022; DOMAIN.md §5). */
  clientAddress: string | null;
  now: Date;
}

export type PublicInputResult = { ok: true; number: number } | { ok: false; reason: "rateLimited" };

/**
 * A citizen's written input before the forum. It waits for moderation before it shows anywhere. Counted per salted
 * address hash in fixed one-hour windows; the count and the input commit together.
 */
export async function submitPublicInput(db: Kysely<Database>, input: PublicInput): Promise<PublicInputResult> {
  return db.transaction().execute(async (trx) => {
    const counted = await hitLimit(trx, LIMITS.forumInput, input.clientAddress, input.now);
    if (!counted.allowed) return { ok: false as const, reason: "rateLimited" as const };
    const [number] = await insertItems(trx, input.forumId, [
      {
        text: input.body,
        source: "online",
        group: input.group,
        createdBy: null,
        moderation: "pending",
        submitterName: input.name,
        showName: input.name !== null && input.showName,
      },
    ]);
    return { ok: true as const, number: number ?? 0 };
  });
}


/** All inputs of a forum, in number order, with what the moderator needs to see. */
export async function itemsOf(db: Kysely<Database>, forumId: number) {
  return db
    .selectFrom("forum_items")
    .leftJoin("forum_items as target", "target.id", "forum_items.merged_into_id")
    .select([
      "forum_items.id",
      "forum_items.number",
      "forum_items.body",
      "forum_items.source",
      "forum_items.stakeholder_group as group",
      "forum_items.submitter_name as submitterName",
      "forum_items.show_name as showName",
      "forum_items.moderation",
      "forum_items.hidden_reason as hiddenReason",
      "forum_items.merged_into_id as mergedIntoId",
      "target.number as mergedIntoNumber",
      "forum_items.theme_id as themeId",
      "forum_items.suggested_element as suggestedElement",
      "forum_items.suggested_words as suggestedWords",
    ])
    .where("forum_items.forum_id", "=", forumId)
    .orderBy("forum_items.number")
    .execute();
}

export type ForumItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

export { isActiveItem } from "~/domain/forum-record";

export async function itemInForum(db: Kysely<Database>, forumId: number, itemId: number) {
  return db
    .selectFrom("forum_items")
    .select(["id", "number", "theme_id", "moderation", "hidden_reason", "merged_into_id"])
    .where("forum_id", "=", forumId)
    .where("id", "=", itemId)
    .executeTakeFirst();
}

export async function acceptItem(db: Kysely<Database>, forumId: number, itemId: number) {
  await db
    .updateTable("forum_items")
    .set({ moderation: "accepted", updated_at: new Date() })
    .where("forum_id", "=", forumId)
    .where("id", "=", itemId)
    .execute();
}

/** Hides an input with a reason (kept, never shown publicly); it leaves its theme and any summary's citations. */
export async function hideItem(db: Kysely<Database>, forumId: number, itemId: number, reason: string, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("forum_items")
      .set({ hidden_reason: reason, hidden_at: now, theme_id: null, updated_at: now })
      .where("forum_id", "=", forumId)
      .where("id", "=", itemId)
      .execute();
    await trx.deleteFrom("forum_theme_citations").where("item_id", "=", itemId).execute();
  });
}

export async function unhideItem(db: Kysely<Database>, forumId: number, itemId: number) {
  await db
    .updateTable("forum_items")
    .set({ hidden_reason: null, hidden_at: null, moderation: "accepted", updated_at: new Date() })
    .where("forum_id", "=", forumId)
    .where("id", "=", itemId)
    .execute();
}

/** Corrects an input's text, source or group; its suggested element follows the new text. */
export async function editItem(
  db: Kysely<Database>,
  forumId: number,
  itemId: number,
  change: { body: string; source: ItemSource; group: StakeholderGroup | null },
) {
  const suggestion = suggestElement(change.body);
  await db
    .updateTable("forum_items")
    .set({
      body: change.body,
      source: change.source,
      stakeholder_group: change.group,
      suggested_element: suggestion.element,
      suggested_words: suggestion.matched.join(", "),
      updated_at: new Date(),
    })
    .where("forum_id", "=", forumId)
    .where("id", "=", itemId)
    .execute();
}

export type MergeResult = { ok: true } | { ok: false; reason: "unknownNumber" | "sameItem" | "targetInactive" };

/**
 * Merges duplicates into one input, by their numbers: the duplicates stay, linked to the kept input, and leave
 * their themes and citations. Inputs already merged into a duplicate follow it to the kept one.
 */
export async function mergeItems(db: Kysely<Database>, forumId: number, keepNumber: number, duplicateNumbers: number[]): Promise<MergeResult> {
  if (duplicateNumbers.includes(keepNumber)) return { ok: false, reason: "sameItem" };
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("forum_items")
      .select(["id", "number", "moderation", "hidden_reason", "merged_into_id"])
      .where("forum_id", "=", forumId)
      .where("number", "in", [keepNumber, ...duplicateNumbers])
      .execute();
    const keep = rows.find((row) => row.number === keepNumber);
    if (!keep || rows.length !== duplicateNumbers.length + 1) return { ok: false as const, reason: "unknownNumber" as const };
    if (keep.moderation !== "accepted" || keep.hidden_reason !== null || keep.merged_into_id !== null) {
      return { ok: false as const, reason: "targetInactive" as const };
    }
    const duplicateIds = rows.filter((row) => row.id !== keep.id).map((row) => row.id);
    const now = new Date();
    await trx
      .updateTable("forum_items")
      .set({ merged_into_id: keep.id, theme_id: null, moderation: "accepted", updated_at: now })
      .where("id", "in", duplicateIds)
      .execute();
    await trx.updateTable("forum_items").set({ merged_into_id: keep.id, updated_at: now }).where("merged_into_id", "in", duplicateIds).execute();
    await trx.deleteFrom("forum_theme_citations").where("item_id", "in", duplicateIds).execute();
    return { ok: true as const };
  });
}

/** Undoes a merge: the input stands on its own again (unthemed). */
export async function unmergeItem(db: Kysely<Database>, forumId: number, itemId: number) {
  await db
    .updateTable("forum_items")
    .set({ merged_into_id: null, updated_at: new Date() })
    .where("forum_id", "=", forumId)
    .where("id", "=", itemId)
    .execute();
}
