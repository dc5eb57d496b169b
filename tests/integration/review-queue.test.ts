import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { ratingsForReview, REVIEW_PAGE_SIZE } from "~/data/contests.server";
import { freshDemoDatabase } from "./database";

// A burst of suspicious ratings must not bury the review page: it shows what waits for a decision, a page at a time.
describe("the review queue", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await db.selectFrom("units").select(["id", "path"]).where(sql<boolean>`exists (select 1 from counters c where c.unit_id = units.id)`).orderBy("id").executeTakeFirstOrThrow();
  const counters = await db.selectFrom("counters").select("id").where("unit_id", "=", unit.id).orderBy("id").execute();
  const ratings = await db.selectFrom("ratings").select(["id", "counter_id"]).where("unit_id", "=", unit.id).where("status", "=", "valid").orderBy("id").limit(80).execute();
  const flagged = ratings.slice(0, 70).map((rating) => rating.id);
  const excluded = ratings.slice(70).map((rating) => rating.id);
  await db.updateTable("ratings").set({ status: "flagged", flag_reasons: ["burst"] }).where("id", "in", flagged).execute();
  await db.updateTable("ratings").set({ status: "excluded", status_reason: "uji" }).where("id", "in", excluded).execute();

  it("shows the ratings waiting for a decision by default, a page at a time, flagged only", async () => {
    expect(ratings).toHaveLength(80);
    const first = await ratingsForReview(db, unit.path);
    expect(first.total).toBeGreaterThanOrEqual(70);
    expect(first.rows).toHaveLength(REVIEW_PAGE_SIZE);
    expect(first.rows.every((row) => row.status === "flagged")).toBe(true);
    const last = await ratingsForReview(db, unit.path, { status: "flagged" }, 999);
    expect(last.page).toBe(first.pageCount);
    const seen = new Set<number>();
    for (let page = 1; page <= first.pageCount; page += 1) for (const row of (await ratingsForReview(db, unit.path, { status: "flagged" }, page)).rows) seen.add(row.id);
    expect(seen.size).toBe(first.total);
    for (const id of flagged) expect(seen.has(id)).toBe(true);
  });

  it("filters excluded ratings and one counter", async () => {
    const out = await ratingsForReview(db, unit.path, { status: "excluded" });
    expect(out.rows.map((row) => row.id)).toEqual(expect.arrayContaining(excluded));
    expect(out.rows.every((row) => row.status === "excluded")).toBe(true);
    const counterId = ratings[0]!.counter_id;
    const one = await ratingsForReview(db, unit.path, { status: "all", counterId });
    const expected = ratings.filter((rating) => rating.counter_id === counterId).length;
    expect(one.total).toBeGreaterThanOrEqual(expected);
    expect(one.counters.map((counter) => counter.id)).toContain(counterId);
    expect(counters.length).toBeGreaterThan(0);
  });
});
