import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { ratingsForReview } from "~/data/contests.server";
import { freshDemoDatabase } from "./database";
import { demoGrantUnit } from "./demo-staff";
import { staffCookie } from "./staff-request";

// A burst of suspicious ratings is judged at once: ticked ratings (or the whole page), one reason, asked
// first, all or nothing, every rating audited as a single decision is.
describe("bulk decisions in the review queue", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const review = await import("~/routes/staf.tinjauan.$unitId");
  const cookie = await staffCookie(db, "supervisor");
  const unit = await demoGrantUnit(db, "supervisor", "supervisor");
  const ours = await db
    .selectFrom("ratings")
    .innerJoin("units", "units.id", "ratings.unit_id")
    .select(["ratings.id"])
    .where("units.path", "like", `${unit.path}%`)
    .where("ratings.status", "=", "valid")
    .orderBy("ratings.id")
    .limit(12)
    .execute();
  const burst = ours.slice(0, 8).map((row) => row.id);
  const stillValid = ours[8]!.id;
  const marker = `lonjakan-uji-${Date.now()}`;
  await db.updateTable("ratings").set({ status: "flagged", flag_reasons: ["burst"] }).where("id", "in", burst).execute();
  await db.updateTable("ratings").set({ comment: `Pelayanan cepat ${marker}` }).where("id", "in", burst.slice(0, 3)).execute();
  const elsewhere = await db
    .selectFrom("ratings")
    .innerJoin("units", "units.id", "ratings.unit_id")
    .select("ratings.id")
    .where("units.path", "not like", `${unit.path}%`)
    .orderBy("ratings.id")
    .executeTakeFirstOrThrow();
  await db.updateTable("ratings").set({ status: "flagged", flag_reasons: ["burst"] }).where("id", "=", elsewhere.id).execute();

  const post = (fields: [string, string][]) =>
    review.action({
      request: new Request(`http://portal.test/staf/tinjauan/${unit.id}?status=flagged`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://portal.test" },
        body: new URLSearchParams(fields).toString(),
      }),
      params: { unitId: String(unit.id) },
      context: {},
    });
  const statuses = async (ids: number[]) =>
    (await db.selectFrom("ratings").select(["id", "status", "status_reason"]).where("id", "in", ids).orderBy("id").execute()).map((row) => [row.id, row.status, row.status_reason]);
  const auditOf = (ids: number[]) =>
    db
      .selectFrom("audit_log")
      .select(["subject_id", "action", "actor_user_id", "after"])
      .where("subject_type", "=", "rating")
      .where("subject_id", "in", ids.map(String))
      .orderBy("id")
      .execute();
  type Answer = { init: { status: number } | null; data: { errors: Record<string, string>; confirm?: { fields: [string, string][] }; selection?: { counterName: string; ratings: number }[] } };

  it("finds flagged ratings by words of the comment, the counter or the officer", async () => {
    const byComment = await ratingsForReview(db, unit.path, { status: "flagged", search: marker });
    expect(byComment.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(burst.slice(0, 3));
    expect(byComment.total).toBe(3);
    const first = (await ratingsForReview(db, unit.path, { status: "flagged" })).rows.find((row) => row.id === burst[0])!;
    const byCounter = await ratingsForReview(db, unit.path, { status: "flagged", search: first.counterName.toUpperCase() });
    expect(byCounter.rows.every((row) => row.counterName === first.counterName)).toBe(true);
    expect(byCounter.rows.map((row) => row.id)).toContain(first.id);
    if (first.officerName) {
      const byOfficer = await ratingsForReview(db, unit.path, { status: "flagged", search: first.officerName.split(" ")[0]! });
      expect(byOfficer.rows.map((row) => row.id)).toContain(first.id);
    }
    // LIKE's wildcards are taken as typed.
    expect((await ratingsForReview(db, unit.path, { status: "flagged", search: "%" })).total).toBe(0);
  });

  it("refuses a decision without a ticked rating or a reason, beside the fields", async () => {
    const none = (await post([["intent", "bulk"], ["decision", "keep"], ["reason", "Wajar semua"], ...burst.map((id): [string, string] => ["pageIds", String(id)])])) as Answer;
    expect(none.init?.status).toBe(400);
    expect(none.data.errors.ratingId).toBe("review.bulk.noneSelected");
    const short = (await post([["intent", "bulk"], ["decision", "exclude"], ["reason", "x"], ["ratingId", String(burst[0])]])) as Answer;
    expect(short.init?.status).toBe(400);
    expect(short.data.errors.reason).toBe("review.reasonRequired");
    expect((await statuses(burst)).every(([, status]) => status === "flagged")).toBe(true);
  });

  it("asks before excluding, writes nothing until confirmed, then excludes all ticked with one reason and audits each", async () => {
    const picked = burst.slice(0, 5);
    const fields: [string, string][] = [["intent", "bulk"], ["decision", "exclude"], ["reason", "Lonjakan dari satu perangkat"], ...picked.map((id): [string, string] => ["ratingId", String(id)])];
    const asked = (await post(fields)) as Answer;
    expect(asked.data.confirm?.fields.filter(([name]) => name === "ratingId")).toHaveLength(5);
    expect(asked.data.selection?.reduce((sum, row) => sum + row.ratings, 0)).toBe(5);
    expect((await statuses(picked)).every(([, status]) => status === "flagged")).toBe(true);
    expect(await auditOf(picked)).toEqual([]);

    const done = (await post([...asked.data.confirm!.fields, ["confirmed", "yes"]])) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/staf/tinjauan/${unit.id}?status=flagged&diputuskan=5&keputusan=exclude`);
    expect(await statuses(picked)).toEqual(picked.map((id) => [id, "excluded", "Lonjakan dari satu perangkat"]));
    const audit = await auditOf(picked);
    expect(audit.map((row) => [row.subject_id, row.action, row.actor_user_id])).toEqual(picked.map((id) => [String(id), "rating.exclude", unit.userId]));
    expect(audit[0]!.after).toMatchObject({ status: "excluded", reason: "Lonjakan dari satu perangkat", together: 5 });
  });

  it("is all or nothing: a rating that cannot be excluded refuses the whole decision with 409", async () => {
    const rest = burst.slice(5);
    const mixed = (await post([["intent", "bulk"], ["decision", "exclude"], ["reason", "Lonjakan"], ["confirmed", "yes"], ...[...rest, stillValid].map((id): [string, string] => ["ratingId", String(id)])])) as Answer;
    expect(mixed.init?.status).toBe(409);
    expect(mixed.data.errors.ratingId).toBe("review.bulk.notFlagged");
    expect((await statuses(rest)).every(([, status]) => status === "flagged")).toBe(true);
    expect(await auditOf([...rest, stillValid])).toEqual([]);
  });

  it("never reaches a rating outside the unit's subtree: 404, nothing written", async () => {
    const answer = await post([["intent", "bulk"], ["decision", "keep"], ["reason", "Wajar"], ["ratingId", String(burst[5])], ["ratingId", String(elsewhere.id)]]).catch((error: unknown) => error);
    expect((answer as Response).status).toBe(404);
    expect(await statuses([burst[5]!, elsewhere.id])).toEqual([
      [burst[5], "flagged", null],
      [elsewhere.id, "flagged", null],
    ].sort((a, b) => Number(a[0]) - Number(b[0])));
  });

  it("keeps the whole page at once after asking, from the page's own list when 'all on this page' is ticked", async () => {
    const page = await ratingsForReview(db, unit.path, { status: "flagged", search: "" });
    const onPage = page.rows.map((row) => row.id);
    expect(onPage).toEqual(expect.arrayContaining(burst.slice(5)));
    const fields: [string, string][] = [["intent", "bulk"], ["decision", "keep"], ["reason", "Kunjungan rombongan sekolah"], ["allOnPage", "yes"], ...onPage.map((id): [string, string] => ["pageIds", String(id)])];
    const asked = (await post(fields)) as Answer;
    expect(asked.data.selection?.reduce((sum, row) => sum + row.ratings, 0)).toBe(onPage.length);
    expect((await statuses(onPage)).every(([, status]) => status === "flagged")).toBe(true);
    const done = (await post([...fields, ["confirmed", "yes"]])) as Response;
    expect(done.status).toBe(302);
    expect((await statuses(onPage)).every(([, status, reason]) => status === "valid" && reason === "Kunjungan rombongan sekolah")).toBe(true);
    const kept = await db.selectFrom("ratings").select(sql<number>`count(*)::int`.as("n")).where("id", "in", onPage).where("kept_at", "is not", null).executeTakeFirstOrThrow();
    expect(kept.n).toBe(onPage.length);
    expect((await auditOf(onPage)).filter((row) => row.action === "rating.keep")).toHaveLength(onPage.length);
    expect((await ratingsForReview(db, unit.path, { status: "flagged" })).rows.map((row) => row.id)).not.toContain(burst[5]);
  });
});
