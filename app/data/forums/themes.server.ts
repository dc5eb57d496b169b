import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { checkCitations, type CitationCheck } from "~/domain/forum-record";
import { combineElementSuggestions } from "~/domain/themes/element-suggestion";
import { proposeThemes } from "~/domain/themes/cluster";
import { isElementCode } from "~/domain/indicators/elements";

// Themes of a forum's inputs: proposed by app/domain/themes (a help), then renamed, split, merged, moved and
// accepted by the moderator. An input belongs to at most one theme (forum_items.theme_id); a theme's summary cites
// some of its inputs (forum_theme_citations).

/** Replaces the themes not yet accepted with a fresh proposal over the inputs that no accepted theme holds. */
export async function proposeForumThemes(db: Kysely<Database>, forumId: number): Promise<{ themes: number; unthemed: number }> {
  return db.transaction().execute(async (trx) => {
    const forum = await trx.selectFrom("forums").select("agency_id").where("id", "=", forumId).forUpdate().executeTakeFirstOrThrow();
    const open = await trx.selectFrom("forum_themes").select("id").where("forum_id", "=", forumId).where("accepted", "=", false).execute();
    if (open.length > 0) {
      const ids = open.map((theme) => theme.id);
      await trx.updateTable("forum_items").set({ theme_id: null, not_reflected_reason: null }).where("theme_id", "in", ids).execute();
      await trx.deleteFrom("forum_themes").where("id", "in", ids).execute();
    }
    const items = await trx
      .selectFrom("forum_items")
      .select(["id", "body"])
      .where("forum_id", "=", forumId)
      .where("moderation", "=", "accepted")
      .where("hidden_reason", "is", null)
      .where("merged_into_id", "is", null)
      .where("theme_id", "is", null)
      .orderBy("number")
      .execute();
    const proposal = proposeThemes(items.map((item) => ({ id: String(item.id), text: item.body })));
    const priorityBase = await trx
      .selectFrom("forum_themes")
      .select((eb) => eb.fn.coalesce(eb.fn.max("priority"), eb.lit(0)).as("max"))
      .where("forum_id", "=", forumId)
      .executeTakeFirstOrThrow();
    for (const [index, theme] of proposal.themes.entries()) {
      const row = await trx
        .insertInto("forum_themes")
        .values({
          forum_id: forumId,
          agency_id: forum.agency_id,
          label: theme.label || "Tema",
          top_terms: theme.topTerms.join(", "),
          suggested_element: theme.suggestedElement.element,
          suggested_words: theme.suggestedElement.matched.join(", "),
          priority: Number(priorityBase.max) + index + 1,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.updateTable("forum_items").set({ theme_id: row.id }).where("id", "in", theme.itemIds.map(Number)).execute();
    }
    return { themes: proposal.themes.length, unthemed: proposal.unthemed.length };
  });
}

/** Themes of a forum in priority order, with their inputs' ids and the numbers the summary cites. */
export async function themesOf(db: Kysely<Database>, forumId: number) {
  const themes = await db
    .selectFrom("forum_themes")
    .select([
      "id",
      "label",
      "top_terms as topTerms",
      "suggested_element as suggestedElement",
      "suggested_words as suggestedWords",
      "element",
      "priority",
      "accepted",
      "summary",
    ])
    .where("forum_id", "=", forumId)
    .orderBy("priority")
    .orderBy("id")
    .execute();
  const citations = await db
    .selectFrom("forum_theme_citations")
    .innerJoin("forum_themes", "forum_themes.id", "forum_theme_citations.theme_id")
    .innerJoin("forum_items", "forum_items.id", "forum_theme_citations.item_id")
    .select(["forum_theme_citations.theme_id as themeId", "forum_items.number"])
    .where("forum_themes.forum_id", "=", forumId)
    .orderBy("forum_items.number")
    .execute();
  return themes.map((theme) => ({
    ...theme,
    citedNumbers: citations.filter((c) => c.themeId === theme.id).map((c) => c.number),
  }));
}

export type ThemeRow = Awaited<ReturnType<typeof themesOf>>[number];

export async function themeInForum(db: Kysely<Database>, forumId: number, themeId: number) {
  return db.selectFrom("forum_themes").select(["id", "label"]).where("forum_id", "=", forumId).where("id", "=", themeId).executeTakeFirst();
}

/** Renames a theme, sets its priority and the SKM element the moderator chose ("" keeps the suggestion). */
export async function editTheme(db: Kysely<Database>, themeId: number, change: { label: string; priority: number; element: string | null }) {
  const element = change.element && (isElementCode(change.element) || change.element === "other") ? change.element : null;
  await db.updateTable("forum_themes").set({ label: change.label, priority: change.priority, element }).where("id", "=", themeId).execute();
}

export async function setThemeAccepted(db: Kysely<Database>, forumId: number, themeId: number | "all", accepted: boolean) {
  let query = db.updateTable("forum_themes").set({ accepted }).where("forum_id", "=", forumId);
  if (themeId !== "all") query = query.where("id", "=", themeId);
  await query.execute();
}

/** Moves every input of one theme into another and removes the emptied theme. */
export async function mergeThemes(db: Kysely<Database>, forumId: number, fromId: number, intoId: number) {
  if (fromId === intoId) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("forum_items").set({ theme_id: intoId }).where("forum_id", "=", forumId).where("theme_id", "=", fromId).execute();
    const summaries = await trx.selectFrom("forum_themes").select(["id", "summary"]).where("id", "in", [fromId, intoId]).execute();
    const from = summaries.find((s) => s.id === fromId);
    const into = summaries.find((s) => s.id === intoId);
    // Both summaries and their citations carry over, so nothing the moderator wrote is lost.
    const summary = [into?.summary, from?.summary].filter((s) => s && s.trim() !== "").join("\n\n");
    await trx.updateTable("forum_themes").set({ summary, accepted: false }).where("id", "=", intoId).execute();
    await trx
      .insertInto("forum_theme_citations")
      .columns(["theme_id", "item_id"])
      .expression((eb) => eb.selectFrom("forum_theme_citations").select([eb.lit(intoId).as("theme_id"), "item_id"]).where("theme_id", "=", fromId))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx.deleteFrom("forum_themes").where("id", "=", fromId).where("forum_id", "=", forumId).execute();
  });
}

/**
 * Makes a new theme of the chosen inputs (taken from whatever theme held them, or from the unthemed). Its element
 * suggestion is the majority of the inputs' own.
 */
export async function themeFromItems(db: Kysely<Database>, forumId: number, itemIds: number[], label: string): Promise<number | null> {
  if (itemIds.length === 0) return null;
  return db.transaction().execute(async (trx) => {
    const items = await trx
      .selectFrom("forum_items")
      .select(["id", "suggested_element", "suggested_words", "agency_id"])
      .where("forum_id", "=", forumId)
      .where("id", "in", itemIds)
      .where("moderation", "=", "accepted")
      .where("hidden_reason", "is", null)
      .where("merged_into_id", "is", null)
      .execute();
    if (items.length === 0) return null;
    const suggestion = combineElementSuggestions(
      items.map((item) => ({
        element: item.suggested_element as "other",
        matched: item.suggested_words ? item.suggested_words.split(", ") : [],
      })),
    );
    const max = await trx
      .selectFrom("forum_themes")
      .select((eb) => eb.fn.coalesce(eb.fn.max("priority"), eb.lit(0)).as("max"))
      .where("forum_id", "=", forumId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("forum_themes")
      .values({
        forum_id: forumId,
        agency_id: items[0]!.agency_id,
        label,
        suggested_element: suggestion.element,
        suggested_words: suggestion.matched.join(", "),
        priority: Number(max.max) + 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ids = items.map((item) => item.id);
    await trx.deleteFrom("forum_theme_citations").where("item_id", "in", ids).execute();
    await trx.updateTable("forum_items").set({ theme_id: row.id, not_reflected_reason: null }).where("id", "in", ids).execute();
    return row.id;
  });
}

/** Moves one input to another theme (or out of any theme); a summary that cited it (or left it out) no longer does. */
export async function moveItem(db: Kysely<Database>, forumId: number, itemId: number, themeId: number | null) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("forum_theme_citations").where("item_id", "=", itemId).execute();
    await trx.updateTable("forum_items").set({ theme_id: themeId, not_reflected_reason: null }).where("forum_id", "=", forumId).where("id", "=", itemId).execute();
  });
}

export type NotReflectedResult = { ok: true } | { ok: false; reason: "notInTheme" | "cited" };

/**
 * Marks an input of a theme as not reflected by the theme's summary, with the reason the public page shows (null
 * takes the mark back). An input the summary cites is reflected and cannot be marked.
 */
export async function markNotReflected(db: Kysely<Database>, forumId: number, themeId: number, itemNumber: number, reason: string | null): Promise<NotReflectedResult> {
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom("forum_items")
      .select("id")
      .where("forum_id", "=", forumId)
      .where("theme_id", "=", themeId)
      .where("number", "=", itemNumber)
      .where("moderation", "=", "accepted")
      .where("hidden_reason", "is", null)
      .where("merged_into_id", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!item) return { ok: false as const, reason: "notInTheme" as const };
    if (reason !== null) {
      const cited = await trx.selectFrom("forum_theme_citations").select("item_id").where("theme_id", "=", themeId).where("item_id", "=", item.id).executeTakeFirst();
      if (cited) return { ok: false as const, reason: "cited" as const };
    }
    await trx.updateTable("forum_items").set({ not_reflected_reason: reason, updated_at: new Date() }).where("id", "=", item.id).execute();
    return { ok: true as const };
  });
}

/**
 * Saves a theme's summary if every input it cites ("#12") belongs to the theme and is visible, it cites at least
 * one, and it cites every input of the theme not marked as not reflected; the citations are stored as links.
 * Otherwise nothing is saved and the problem is returned.
 */
export async function saveSummary(db: Kysely<Database>, forumId: number, themeId: number, summary: string): Promise<CitationCheck> {
  return db.transaction().execute(async (trx) => {
    const members = await trx
      .selectFrom("forum_items")
      .select(["id", "number", "not_reflected_reason"])
      .where("forum_id", "=", forumId)
      .where("theme_id", "=", themeId)
      .where("moderation", "=", "accepted")
      .where("hidden_reason", "is", null)
      .where("merged_into_id", "is", null)
      .execute();
    const check = checkCitations(
      summary,
      members.map((m) => m.number),
      members.filter((m) => m.not_reflected_reason !== null).map((m) => m.number),
    );
    if (check.kind !== "ok") return check;
    await trx.updateTable("forum_themes").set({ summary }).where("id", "=", themeId).execute();
    await trx.deleteFrom("forum_theme_citations").where("theme_id", "=", themeId).execute();
    const cited = members.filter((m) => check.numbers.includes(m.number));
    // An input the summary now cites is reflected after all.
    await trx.updateTable("forum_items").set({ not_reflected_reason: null }).where("id", "in", cited.map((m) => m.id)).execute();
    await trx.insertInto("forum_theme_citations").values(cited.map((m) => ({ theme_id: themeId, item_id: m.id }))).execute();
    return check;
  });
}
