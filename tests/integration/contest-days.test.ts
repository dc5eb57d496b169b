import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { contestableDays, contestRatingsOfDay } from "~/data/contest-days.server";
import { addCalendarDays } from "~/domain/working-days";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";
import { formPost, staffCookie } from "./staff-request";

// Ratings without a comment can be contested too: the officer contests a day at a counter.
describe("contesting a day's ratings at a counter", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const petugas = await demoStaff(db, "petugas");

  // The busiest day of petugas' demo ratings, and a "today" in the week after it, so its week has ended.
  const busiest = (
    await sql<{ day: string; counterId: number; n: number; uncommented: number }>`
      select to_char((r.submitted_at at time zone 'Asia/Jakarta')::date, 'YYYY-MM-DD') as day, r.counter_id as "counterId",
        count(*)::int as n, count(*) filter (where r.comment is null or btrim(r.comment) = '')::int as uncommented
      from ratings r where r.officer_id = ${petugas.officerId} and r.status = 'valid' and not r.officer_attribution_removed
      group by 1, 2 order by 3 desc, 1 desc limit 1`.execute(db)
  ).rows[0]!;
  const today = addCalendarDays(busiest.day, 7);

  it("lists the day and counter with its count of ratings, commented or not", async () => {
    expect(busiest.uncommented).toBeGreaterThan(0);
    const days = await contestableDays(db, petugas.officerId!, today);
    expect(days).toContainEqual(expect.objectContaining({ day: busiest.day, counterId: busiest.counterId, ratings: busiest.n, open: 0 }));
    // Nothing of the week still running.
    expect(days.every((slot) => slot.day < addCalendarDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7)))).toBe(true);
  });

  it("opens one audited contest per rating of that day and counter, once, and leaves other ratings alone", async () => {
    const others = await db.selectFrom("rating_contests").select("id").execute();
    const outcome = await contestRatingsOfDay(db, {
      officerId: petugas.officerId!,
      userId: petugas.id,
      day: busiest.day,
      counterId: busiest.counterId,
      reasonKind: "colleague",
      reasonText: "Hari itu saya bertugas di loket lain.",
      today,
    });
    expect(outcome).toEqual({ ok: true, contested: busiest.n });
    const contests = await db
      .selectFrom("rating_contests")
      .innerJoin("ratings", "ratings.id", "rating_contests.rating_id")
      .select(["ratings.comment", "ratings.counter_id as counterId", "rating_contests.status", "rating_contests.officer_id as officerId"])
      .where("rating_contests.id", "not in", others.length ? others.map((o) => o.id) : [0])
      .execute();
    expect(contests).toHaveLength(busiest.n);
    expect(contests.every((c) => c.counterId === busiest.counterId && c.status === "open" && c.officerId === petugas.officerId)).toBe(true);
    expect(contests.filter((c) => c.comment === null || c.comment.trim() === "").length).toBe(busiest.uncommented);
    const audited = await db.selectFrom("audit_log").select("id").where("action", "=", "contest.open").where("actor_user_id", "=", petugas.id).execute();
    expect(audited.length).toBeGreaterThanOrEqual(busiest.n);
    expect((await contestableDays(db, petugas.officerId!, today)).find((slot) => slot.day === busiest.day && slot.counterId === busiest.counterId)?.open).toBe(busiest.n);

    const again = await contestRatingsOfDay(db, { officerId: petugas.officerId!, userId: petugas.id, day: busiest.day, counterId: busiest.counterId, reasonKind: "colleague", reasonText: "Sekali lagi, hari yang sama.", today });
    expect(again).toEqual({ ok: false, reason: "nothingToContest" });
  });

  it("refuses a day of the running week and one beyond eight weeks, writing nothing", async () => {
    const before = await db.selectFrom("rating_contests").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    for (const [day, on] of [[busiest.day, busiest.day], [busiest.day, addCalendarDays(busiest.day, 70)]] as const)
      expect(await contestRatingsOfDay(db, { officerId: petugas.officerId!, userId: petugas.id, day, counterId: busiest.counterId, reasonKind: "never_happened", reasonText: "Tidak pernah ada kunjungan ini.", today: on })).toEqual({ ok: false, reason: "notContestable" });
    expect(await db.selectFrom("rating_contests").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("answers a form without a reason or a day at their fields, storing nothing", async () => {
    const { action } = await import("~/routes/staf.layanan-saya");
    const cookie = await staffCookie(db, "petugas");
    const result = await action({ request: formPost("/staf/layanan-saya", cookie, { intent: "day", slot: "", reasonKind: "", reasonText: "pendek" }), params: {}, context: {} });
    expect(result).toEqual({ intent: "day", errors: { slot: "myService.day.chooseSlot", reasonKind: "myService.day.chooseReason", reasonText: "myService.reasonTooShort" } });
  });
});
