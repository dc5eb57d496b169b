import { type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import type { ItemSource, StakeholderGroup } from "../../../db/tables/forums";
import { MAX_PASTE_LINES } from "~/domain/forum-paste";
import { suggestElement } from "~/domain/themes/element-suggestion";
import { hitLimit, LIMITS } from "../rate-limits.server";

// The inputs of a forum (DOMAIN.md §4): typed or pasted by the moderator, or sent by citizens before the day and
// held for moderation. Edited, hidden with a reason or merged as duplicates; never deleted.

/** Public inputs one address may send per hour (all forums together). */
export const PUBLIC_INPUTS_PER_HOUR = LIMITS.forumInput.limit;

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
      "forum_items.not_reflected_reason as notReflectedReason",
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
