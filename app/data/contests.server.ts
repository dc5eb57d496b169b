import { createHmac } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { reviewTransition, type ReviewDecision } from "~/domain/ratings/review";
import { now } from "~/platform/clock.server";
import { appendAudit } from "./audit.server";
import { containing, searchWords } from "./text-search.server";

export type ContestReason = "colleague" | "never_happened" | "abusive";

/**
 * An opaque handle for one of an officer's ratings: lets the officer contest it without learning its id
 * (ids are sequential and would reveal the order, and so the time, of visits).
 */
export function ratingHandle(secret: string, ratingId: number): string {
  return `${ratingId.toString(36)}.${createHmac("sha256", secret).update(`rating:${ratingId}`).digest("base64url").slice(0, 16)}`;
}

export function ratingIdFromHandle(secret: string, handle: string): number | null {
  const [idPart] = handle.split(".");
  const id = Number.parseInt(idPart ?? "", 36);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return ratingHandle(secret, id) === handle ? id : null;
}

export type ContestOutcome = { ok: true; contestId: number } | { ok: false; reason: "not_yours" | "already_open" };

/** An officer contests a rating attributed to them. Only their own, and one open contest per rating. */
export async function contestRating(
  db: Kysely<Database>,
  input: { officerId: number; userId: number; ratingId: number; reasonKind: ContestReason; reasonText: string },
): Promise<ContestOutcome> {
  return db.transaction().execute(async (trx) => {
    const rating = await trx.selectFrom("ratings").select(["officer_id"]).where("id", "=", input.ratingId).executeTakeFirst();
    if (!rating || rating.officer_id !== input.officerId) return { ok: false, reason: "not_yours" } as const;
    const open = await trx.selectFrom("rating_contests").select("id").where("rating_id", "=", input.ratingId).where("status", "=", "open").executeTakeFirst();
    if (open) return { ok: false, reason: "already_open" } as const;
    const row = await trx
      .insertInto("rating_contests")
      .values({ rating_id: input.ratingId, officer_id: input.officerId, reason_kind: input.reasonKind, reason_text: input.reasonText, created_by: input.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorUserId: input.userId, action: "contest.open", subjectType: "rating", subjectId: input.ratingId, after: { contestId: row.id, reasonKind: input.reasonKind, reasonText: input.reasonText } });
    return { ok: true, contestId: row.id } as const;
  });
}

/**
 * The supervisor's decision. Upheld takes the rating out of the officer's figures (never the unit's);
 * deciding again reverses it. Both steps are audited.
 */
export async function decideContest(db: Kysely<Database>, input: { contestId: number; decision: "upheld" | "dismissed"; note: string; userId: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const contest = await trx.selectFrom("rating_contests").selectAll().where("id", "=", input.contestId).forUpdate().executeTakeFirstOrThrow();
    await trx
      .updateTable("rating_contests")
      .set({ status: input.decision, decided_by: input.userId, decided_at: new Date(), decision_note: input.note })
      .where("id", "=", input.contestId)
      .execute();
    await trx.updateTable("ratings").set({ officer_attribution_removed: input.decision === "upheld" }).where("id", "=", contest.rating_id).execute();
    await appendAudit(trx, {
      actorUserId: input.userId,
      action: `contest.${input.decision}`,
      subjectType: "rating",
      subjectId: contest.rating_id,
      before: { status: contest.status },
      after: { status: input.decision, note: input.note },
    });
  });
}

export async function openContestsForOfficer(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("rating_contests")
    .select(["id", "rating_id as ratingId", "reason_text as reason", "created_at as createdAt"])
    .where("officer_id", "=", officerId)
    .where("status", "=", "open")
    .orderBy("id")
    .execute();
}

/** Contests on ratings of the given units (subtrees), newest first, with the rating's text for the supervisor. */
export async function contestsWithin(db: Kysely<Database>, unitPath: string) {
  return db
    .selectFrom("rating_contests")
    .innerJoin("ratings", "ratings.id", "rating_contests.rating_id")
    .innerJoin("units", "units.id", "ratings.unit_id")
    .innerJoin("officers", "officers.id", "rating_contests.officer_id")
    .select([
      "rating_contests.id",
      "rating_contests.status",
      "rating_contests.reason_kind as reasonKind",
      "rating_contests.reason_text as reasonText",
      "rating_contests.created_at as createdAt",
      "rating_contests.decision_note as decisionNote",
      "officers.name as officerName",
      "ratings.quick_score as quickScore",
      "ratings.u6",
      "ratings.u7",
      "ratings.comment",
      "ratings.submitted_at as submittedAt",
    ])
    .where("units.path", "like", `${unitPath}%`)
    .orderBy(sql`rating_contests.status = 'open'`, "desc")
    .orderBy("rating_contests.id", "desc")
    .limit(200)
    .execute();
}

export type ReviewStatusFilter = "flagged" | "excluded" | "all";
export interface ReviewFilter {
  status: ReviewStatusFilter;
  counterId?: number;
  /** Words of the comment, the counter's name or the officer's name; every word must match one of them. */
  search?: string;
}
export const REVIEW_PAGE_SIZE = 50;

/**
 * Ratings for the review queue of a unit's subtree, one page of them: by default those waiting for a keep-or-exclude
 * decision (flagged), or the excluded ones, or both; flagged first, newest first. The counters with any such rating
 * come along for the filter.
 */
export async function ratingsForReview(db: Kysely<Database>, unitPath: string, filter: ReviewFilter = { status: "flagged" }, requestedPage = 1) {
  const statuses = filter.status === "all" ? (["flagged", "excluded"] as const) : ([filter.status] as const);
  let base = db
    .selectFrom("ratings")
    .innerJoin("units", "units.id", "ratings.unit_id")
    .innerJoin("counters", "counters.id", "ratings.counter_id")
    .leftJoin("officers", "officers.id", "ratings.officer_id")
    .where("units.path", "like", `${unitPath}%`)
    .where("ratings.status", "in", [...statuses]);
  const counters = await base.select(["counters.id", "counters.name"]).distinct().orderBy("counters.name").execute();
  if (filter.counterId !== undefined) base = base.where("ratings.counter_id", "=", filter.counterId);
  for (const word of searchWords(filter.search ?? "")) {
    const pattern = containing(word);
    base = base.where((eb) => eb.or([eb("ratings.comment", "ilike", pattern), eb("counters.name", "ilike", pattern), eb("officers.name", "ilike", pattern)]));
  }
  const { total } = await base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage)), pageCount);
  const rows = await base
    .select([
      "ratings.id",
      "ratings.status",
      "ratings.flag_reasons as flagReasons",
      "ratings.status_reason as statusReason",
      "ratings.submitted_at as submittedAt",
      "ratings.quick_score as quickScore",
      "ratings.kind",
      "ratings.comment",
      "counters.name as counterName",
      "officers.name as officerName",
    ])
    .orderBy(sql`ratings.status = 'flagged'`, "desc")
    .orderBy("ratings.submitted_at", "desc")
    .orderBy("ratings.id", "desc")
    .limit(REVIEW_PAGE_SIZE)
    .offset((page - 1) * REVIEW_PAGE_SIZE)
    .execute();
  return { rows, total, page, pageCount, pageSize: REVIEW_PAGE_SIZE, counters };
}

/** At most this many ratings in one decision: a page of the review queue, with room to spare. */
export const MAX_BULK_REVIEW = 200;

export type BulkReviewOutcome = { ok: true; decided: number } | { ok: false; reason: "not_found" | "not_flagged"; ratingIds: number[] };

/**
 * Keep (valid) or exclude flagged ratings, with one reason for all of them (a burst is judged at once); the
 * indicators follow through the rollup trigger. All or nothing: a rating outside the unit's subtree is "not_found",
 * one whose status does not allow the decision (reviewTransition: a valid rating cannot be excluded, or another
 * reviewer decided it meanwhile) is "not_flagged", and then nothing is written. Each rating gets its own audit entry,
 * as a single decision does.
 */
export async function reviewRatings(
  db: Kysely<Database>,
  input: { ratingIds: readonly number[]; decision: ReviewDecision; reason: string; userId: number; unitPath: string; now?: Date },
): Promise<BulkReviewOutcome> {
  const ids = [...new Set(input.ratingIds)].sort((a, b) => a - b);
  if (ids.length === 0 || ids.length > MAX_BULK_REVIEW) return { ok: false, reason: "not_found", ratingIds: [] };
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("ratings")
      .innerJoin("units", "units.id", "ratings.unit_id")
      .select(["ratings.id", "ratings.status", "units.path"])
      .where("ratings.id", "in", ids)
      .orderBy("ratings.id")
      .forUpdate()
      .execute();
    const inScope = new Map(rows.filter((row) => row.path.startsWith(input.unitPath)).map((row) => [row.id, row.status]));
    const missing = ids.filter((id) => !inScope.has(id));
    if (missing.length > 0) return { ok: false as const, reason: "not_found" as const, ratingIds: missing };
    const refused = ids.filter((id) => !reviewTransition(inScope.get(id)!, input.decision).ok);
    if (refused.length > 0) return { ok: false as const, reason: "not_flagged" as const, ratingIds: refused };
    const keptAt = input.now ?? now();
    for (const id of ids) {
      const before = inScope.get(id)!;
      const outcome = reviewTransition(before, input.decision);
      if (!outcome.ok) throw new Error("unreachable: checked above");
      const status = outcome.status;
      await trx
        .updateTable("ratings")
        // A rating judged valid joins the officer's comments now, never in a comment batch already released.
        .set({ status, status_reason: input.reason, ...(status === "valid" ? { kept_at: keptAt } : {}) })
        .where("id", "=", id)
        .execute();
      await appendAudit(trx, {
        actorUserId: input.userId,
        action: `rating.${input.decision}`,
        subjectType: "rating",
        subjectId: id,
        before: { status: before },
        after: { status, reason: input.reason, ...(ids.length > 1 ? { together: ids.length } : {}) },
      });
    }
    return { ok: true as const, decided: ids.length };
  });
}

/** Keep (valid) or exclude one flagged rating, with a reason: reviewRatings for one. */
export async function reviewRating(
  db: Kysely<Database>,
  input: { ratingId: number; decision: ReviewDecision; reason: string; userId: number; unitPath: string; now?: Date },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "not_flagged" }> {
  const { ratingId, ...rest } = input;
  const outcome = await reviewRatings(db, { ...rest, ratingIds: [ratingId] });
  return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason };
}

/**
 * How many ratings were excluded from the figures, per month of the visit and by whom (from the audit log, which
 * names every exclusion's author), for a unit's subtree. Newest months first.
 */
export async function exclusionsByPeriod(db: Kysely<Database>, unitPath: string) {
  const rows = await sql<{ month: string; reviewer: string | null; excluded: number }>`
    select to_char(date_trunc('month', r.submitted_at at time zone a.time_zone), 'YYYY-MM') as month,
      coalesce(u.display_name, '') as reviewer, count(*)::int as excluded
    from ratings r
    join units un on un.id = r.unit_id
    join agencies a on a.id = r.agency_id
    left join lateral (
      select l.actor_user_id from audit_log l
      where l.subject_type = 'rating' and l.subject_id = r.id::text and l.action = 'rating.exclude'
      order by l.id desc limit 1
    ) last_exclusion on true
    left join users u on u.id = last_exclusion.actor_user_id
    where r.status = 'excluded' and un.path like ${`${unitPath}%`}
    group by 1, 2
    order by 1 desc, 3 desc`.execute(db);
  return rows.rows;
}

/**
 * The share of a unit's ratings (its subtree) in a period that were excluded from the figures, for its public page:
 * excluded / (valid + flagged + excluded), null without ratings.
 */
export async function excludedShare(db: Kysely<Database>, unitId: number, period: { from: string; to: string }): Promise<{ excluded: number; total: number; share: number | null }> {
  const row = await sql<{ excluded: number; total: number }>`
    select coalesce(sum(d.n) filter (where d.status = 'excluded'), 0)::int as excluded, coalesce(sum(d.n), 0)::int as total
    from rating_daily d
    where d.unit_id in (select id from units where path like (select path from units where id = ${unitId}) || '%')
      and d.day between ${period.from} and ${period.to}`.execute(db);
  const { excluded, total } = row.rows[0] ?? { excluded: 0, total: 0 };
  return { excluded, total, share: total > 0 ? excluded / total : null };
}

/** What a chosen set of ratings (within a unit's subtree) is, per counter, for the confirmation of a bulk decision. */
export async function reviewSelection(db: Kysely<Database>, unitPath: string, ratingIds: readonly number[]) {
  if (ratingIds.length === 0) return [];
  return db
    .selectFrom("ratings")
    .innerJoin("units", "units.id", "ratings.unit_id")
    .innerJoin("counters", "counters.id", "ratings.counter_id")
    .select(["counters.name as counterName", sql<number>`count(*)::int`.as("ratings")])
    .where("units.path", "like", `${unitPath}%`)
    .where("ratings.id", "in", [...ratingIds])
    .groupBy("counters.name")
    .orderBy("counters.name")
    .execute();
}

/** How many ratings wait for a keep-or-exclude decision in each of these units (with their subtrees). */
export async function flaggedWaiting(db: Kysely<Database>, units: readonly { id: number; path: string }[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (units.length === 0) return counts;
  const rows = await db
    .selectFrom("ratings")
    .innerJoin("units", "units.id", "ratings.unit_id")
    .select([sql<number>`count(*)::int`.as("n")])
    .select(sql<number>`case ${sql.join(units.map((unit) => sql`when units.path like ${`${unit.path}%`} then ${unit.id}::int`), sql` `)} end`.as("unitId"))
    .where("ratings.status", "=", "flagged")
    .where((eb) => eb.or(units.map((unit) => eb("units.path", "like", `${unit.path}%`))))
    .groupBy(sql`2`)
    .execute();
  for (const unit of units) counts.set(unit.id, 0);
  for (const row of rows) counts.set(row.unitId, row.n);
  return counts;
}
