import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { reviewRating } from "~/data/contests.server";
import { officerCommentsForBatches } from "~/data/indicators.server";
import { batchComments, weekOf } from "~/domain/indicators/comment-batches";
import { freshDemoDatabase } from "./database";

// The attack from the outside test: six citizens rate one officer, who refreshes the own page after each. No
// comment may appear while its week is in progress, a batch holds five comments at least, and a released batch
// never takes a later comment (not even one sent late from a phone's offline queue, dated in a released week).
describe("an officer's comment batches", async () => {
  const { db } = await freshDemoDatabase();
  const officer = await db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .select(["officers.id", "officers.unit_id", "units.agency_id"])
    .where((eb) => eb.exists(eb.selectFrom("counters").select("counters.id").whereRef("counters.unit_id", "=", "officers.unit_id")))
    .orderBy("officers.id")
    .executeTakeFirstOrThrow();
  const counter = await db.selectFrom("counters").select("id").where("unit_id", "=", officer.unit_id).executeTakeFirstOrThrow();
  const service = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).executeTakeFirstOrThrow();
  await sql`delete from ratings where officer_id = ${officer.id}`.execute(db);

  const rate = (comment: string | null, receivedAt: string, submittedAt = receivedAt, status: "valid" | "flagged" = "valid") =>
    db
      .insertInto("ratings")
      .values({
        agency_id: officer.agency_id,
        unit_id: officer.unit_id,
        counter_id: counter.id,
        service_id: service.service_id,
        officer_id: officer.id,
        submitted_at: new Date(submittedAt),
        received_at: new Date(receivedAt),
        channel: "qr",
        kind: "quick",
        quick_score: 4,
        comment,
        idempotency_key: crypto.randomUUID(),
        content_hash: "t",
        status,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  // What the officer's page shows on a given local day.
  const page = async (today: string) => batchComments(await officerCommentsForBatches(db, officer.id), weekOf(today));

  it("shows none of six comments while their week is in progress, only the count waiting", async () => {
    const texts = ["antre rapi", "cepat sekali", "kurang senyum", "ramah", "tempat bersih", "terlalu lama"];
    for (const [i, text] of texts.entries()) {
      await rate(text, `2026-11-3${i % 2}T0${i + 1}:00:00+07:00`);
      // The refresh after each rating, on Monday 30 Nov and Tuesday 1 Dec.
      expect(await page("2026-12-01")).toEqual({ batches: [], waiting: i + 1 });
    }
    // Ratings without a comment fill no batch.
    await rate(null, "2026-12-01T09:00:00+07:00");
    expect((await page("2026-12-06")).waiting).toBe(6);
  });

  it("releases the six together once the week has ended, dated by week only", async () => {
    const next = await page("2026-12-07");
    expect(next.batches).toHaveLength(1);
    expect(next.batches[0]).toMatchObject({ fromWeek: "2026-11-30", toWeek: "2026-11-30" });
    expect(next.batches[0]!.comments).toHaveLength(6);
    expect(next.waiting).toBe(0);
  });

  it("never adds to the released batch: a later comment, even one visited in that week, waits for a new batch", async () => {
    const released = (await page("2026-12-07")).batches;
    // Queued offline on 2 December, received on 8 December.
    await rate("datang terlambat", "2026-12-08T10:00:00+07:00", "2026-12-02T10:00:00+07:00");
    const later = await page("2026-12-15");
    expect(later.batches).toEqual(released);
    expect(later.waiting).toBe(1);
  });

  it("never adds a held-back comment judged valid later to the batch of the week it arrived, which was released", async () => {
    const released = (await page("2026-12-15")).batches;
    // Received in the released week, held back by the abuse checks, kept by the supervisor two weeks later.
    const held = await rate("ditahan dulu", "2026-12-01T11:00:00+07:00", "2026-12-01T11:00:00+07:00", "flagged");
    expect(await page("2026-12-15")).toMatchObject({ batches: released, waiting: 1 });
    const supervisor = await db.selectFrom("users").select("id").where("username", "=", "supervisor").executeTakeFirstOrThrow();
    const unit = await db.selectFrom("units").select("path").where("id", "=", officer.unit_id).executeTakeFirstOrThrow();
    const kept = await reviewRating(db, { ratingId: held.id, decision: "keep", reason: "Wajar", userId: supervisor.id, unitPath: unit.path, now: new Date("2026-12-16T09:00:00+07:00") });
    expect(kept).toEqual({ ok: true });
    // The refresh right after, and the weeks after: the released batch is as it was; the comment waits in the new week.
    expect(await page("2026-12-16")).toEqual({ batches: released, waiting: 2 });
    expect((await page("2026-12-21")).batches.slice(0, released.length)).toEqual(released);
    expect((await page("2026-12-21")).batches.flatMap((batch) => batch.comments)).not.toContain("ditahan dulu");
  });

  it("keeps a released batch in place when a comment in it is removed by an upheld contest", async () => {
    const before = (await page("2026-12-21")).batches;
    await sql`update ratings set officer_attribution_removed = true where officer_id = ${officer.id} and comment = 'cepat sekali'`.execute(db);
    const after = (await page("2026-12-21")).batches;
    expect(after.map(({ fromWeek, toWeek }) => [fromWeek, toWeek])).toEqual(before.map(({ fromWeek, toWeek }) => [fromWeek, toWeek]));
    expect(after[0]!.comments).toEqual(before[0]!.comments.filter((text) => text !== "cepat sekali"));
  });

  it("leaves out excluded ratings and contested comments an officer won", async () => {
    await sql`update ratings set status = 'excluded' where officer_id = ${officer.id} and comment = 'ramah'`.execute(db);
    await sql`update ratings set officer_attribution_removed = true where officer_id = ${officer.id} and comment = 'terlalu lama'`.execute(db);
    const comments = (await page("2026-12-15")).batches.flatMap((batch) => batch.comments);
    expect(comments).not.toContain("ramah");
    expect(comments).not.toContain("terlalu lama");
  });
});
