import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { isActionLate, type BeritaAcaraSnapshot } from "~/domain/forum-record";
import { localDateOf } from "~/domain/working-days";
import { actionsOf, actionUpdates } from "./forums/actions.server";
import { publishedSnapshot, withdrawnNumbers } from "./forums/records.server";

// Published berita acara as open data: the latest published version's frozen content, with inputs hidden or
// merged since left out, and each action's live progress. Attendance is given as counts per group and no person
// in charge of an action is named (no officer is named in open data). Read only: no transaction.

export interface PublicForumSummary {
  id: number;
  title: string;
  unit: string;
  agency: string;
  heldOn: string;
  place: string;
  version: number;
  publishedAt: Date;
}

/** Forums with a published berita acara, newest first, each with its latest published version. */
export async function publishedForums(db: Kysely<Database>): Promise<PublicForumSummary[]> {
  const rows = await db
    .selectFrom("forums")
    .innerJoin("units", "units.id", "forums.unit_id")
    .innerJoin("agencies", "agencies.id", "forums.agency_id")
    .innerJoin("forum_records", "forum_records.forum_id", "forums.id")
    .select([
      "forums.id",
      "forums.title",
      "units.name as unit",
      "agencies.name as agency",
      "forums.held_on as heldOn",
      "forums.place",
      "forum_records.version",
      "forum_records.published_at as publishedAt",
    ])
    .where("forum_records.status", "=", "published")
    .orderBy("forums.held_on", "desc")
    .orderBy("forums.id")
    .execute();
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}

export interface PublicForumRecord extends PublicForumSummary {
  snapshot: BeritaAcaraSnapshot;
  actions: {
    id: number;
    description: string;
    responsibleUnit: string;
    dueOn: string;
    element: string | null;
    theme: string | null;
    status: "planned" | "in_progress" | "done" | "dropped";
    late: boolean;
    updates: { at: Date; status: string; note: string }[];
  }[];
}

/** A forum's published record for open data, or undefined when it has none. */
export async function publishedForumRecord(
  db: Kysely<Database>,
  forumId: number,
  now: Date,
): Promise<PublicForumRecord | undefined> {
  const summary = (await publishedForums(db)).find((forum) => forum.id === forumId);
  if (!summary) return undefined;
  const snapshot = await publishedSnapshot(db, forumId);
  if (!snapshot) return undefined;
  const withdrawn = new Set(await withdrawnNumbers(db, forumId));
  const live = await actionsOf(db, forumId);
  const updates = await actionUpdates(db, live.map((action) => action.id));
  const today = localDateOf(now, live[0]?.timeZone ?? "Asia/Jakarta");
  return {
    ...summary,
    snapshot: {
      ...snapshot,
      themes: snapshot.themes.map((theme) => ({
        ...theme,
        items: theme.items.filter((item) => !withdrawn.has(item.number)),
      })),
    },
    actions: snapshot.actions.map((action) => {
      const current = live.find((row) => row.id === action.id);
      const status = current?.status ?? "planned";
      return {
        id: action.id,
        description: action.description,
        responsibleUnit: action.responsibleUnit,
        dueOn: action.dueOn,
        element: action.element,
        theme: action.theme,
        status,
        late: isActionLate({ status, dueOn: action.dueOn }, today),
        updates: updates
          .filter((update) => update.actionId === action.id)
          .map((update) => ({ at: update.at, status: update.status, note: update.note })),
      };
    }),
  };
}
