import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { contestableDayRange, isContestableDay, type DayContestReason } from "~/domain/ratings/contest-days";
import { appendAudit } from "./audit.server";

// Contesting the ratings of a day at a counter (app/domain/ratings/contest-days.ts), for ratings with or without a
// comment. contestRatingsOfDay opens one transaction; contestableDays reads only. The day is the visit's local day
// (submitted_at, in the agency's time zone), as the officer remembers where they served.

export interface ContestableDay {
  day: string;
  counterId: number;
  counterName: string;
  /** Ratings attributed to the officer that day at that counter and still counted. */
  ratings: number;
  /** Of those, how many already wait for a decision. */
  open: number;
}

export async function contestableDays(db: Kysely<Database>, officerId: number, today: string): Promise<ContestableDay[]> {
  const range = contestableDayRange(today);
  const rows = await sql<ContestableDay>`
    select (r.submitted_at at time zone a.time_zone)::date as day, c.id as "counterId",
      c.name as "counterName", count(*)::int as ratings,
      count(*) filter (where exists (select 1 from rating_contests rc where rc.rating_id = r.id and rc.status = 'open'))::int as open
    from ratings r
    join agencies a on a.id = r.agency_id
    join counters c on c.id = r.counter_id
    where r.officer_id = ${officerId} and not r.officer_attribution_removed and r.status = 'valid'
      and (r.submitted_at at time zone a.time_zone)::date between ${range.from}::date and ${range.through}::date
    group by 1, 2, 3
    order by 1 desc, 3`.execute(db);
  return rows.rows;
}

export type DayContestOutcome = { ok: true; contested: number } | { ok: false; reason: "notContestable" | "nothingToContest" };

/** Opens a contest on each rating of the officer's day at the counter that has none open; audited per rating. */
export async function contestRatingsOfDay(
  db: Kysely<Database>,
  input: { officerId: number; userId: number; day: string; counterId: number; reasonKind: DayContestReason; reasonText: string; today: string },
): Promise<DayContestOutcome> {
  if (!isContestableDay(input.day, input.today)) return { ok: false, reason: "notContestable" };
  return db.transaction().execute(async (trx) => {
    const ratings = await sql<{ id: number }>`
      select r.id from ratings r join agencies a on a.id = r.agency_id
      where r.officer_id = ${input.officerId} and r.counter_id = ${input.counterId}
        and not r.officer_attribution_removed and r.status = 'valid'
        and (r.submitted_at at time zone a.time_zone)::date = ${input.day}::date
        and not exists (select 1 from rating_contests rc where rc.rating_id = r.id and rc.status = 'open')
      order by r.id
      for update of r`.execute(trx);
    if (ratings.rows.length === 0) return { ok: false as const, reason: "nothingToContest" as const };
    const created = await trx
      .insertInto("rating_contests")
      .values(
        ratings.rows.map((rating) => ({
          rating_id: rating.id,
          officer_id: input.officerId,
          reason_kind: input.reasonKind,
          reason_text: input.reasonText,
          created_by: input.userId,
        })),
      )
      .returning(["id", "rating_id"])
      .execute();
    for (const contest of created)
      await appendAudit(trx, {
        actorUserId: input.userId,
        action: "contest.open",
        subjectType: "rating",
        subjectId: contest.rating_id,
        after: { contestId: contest.id, reasonKind: input.reasonKind, reasonText: input.reasonText, day: input.day, counterId: input.counterId },
      });
    return { ok: true as const, contested: created.length };
  });
}
