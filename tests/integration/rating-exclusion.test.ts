import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { excludedShare, exclusionsByPeriod } from "~/data/contests.server";
import { freshDemoDatabase } from "./database";
import { demoGrantUnit } from "./demo-staff";
import { formPost, staffCookie } from "./staff-request";

// Only flagged ratings leave the figures by a reviewer's decision; a valid one stays, whoever asks.
describe("excluding ratings from the figures", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const review = await import("~/routes/staf.tinjauan.$unitId");
  const cookie = await staffCookie(db, "supervisor");
  const unit = await demoGrantUnit(db, "supervisor", "supervisor");
  const ratingWith = (status: "valid" | "flagged") =>
    db.selectFrom("ratings").innerJoin("units", "units.id", "ratings.unit_id").select(["ratings.id"]).where("ratings.status", "=", status).where("units.path", "like", `${unit.path}%`).orderBy("ratings.id").executeTakeFirstOrThrow();
  const post = (ratingId: number, decision: string) =>
    review.action({ request: formPost(`/staf/tinjauan/${unit.id}`, cookie, { intent: "review", ratingId: String(ratingId), decision, reason: "Tidak wajar" }), params: { unitId: String(unit.id) }, context: {} });
  const statusOf = async (id: number) => (await db.selectFrom("ratings").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

  it("refuses to exclude a valid rating at the command, with a 400 and nothing written", async () => {
    const valid = await ratingWith("valid");
    const answer = (await post(valid.id, "exclude")) as { init: { status: number } | null; data: { errors: Record<string, string> } };
    expect(answer.init?.status).toBe(400);
    expect(answer.data.errors.reason).toBe("review.notFlagged");
    expect(await statusOf(valid.id)).toBe("valid");
    const audit = await db.selectFrom("audit_log").select("id").where("subject_type", "=", "rating").where("subject_id", "=", String(valid.id)).execute();
    expect(audit).toEqual([]);
  });

  it("excludes a flagged rating, and the review page counts it per month and by whom", async () => {
    let flagged = await db.selectFrom("ratings").innerJoin("units", "units.id", "ratings.unit_id").select(["ratings.id"]).where("ratings.status", "=", "flagged").where("units.path", "like", `${unit.path}%`).executeTakeFirst();
    if (!flagged) {
      flagged = await ratingWith("valid");
      await db.updateTable("ratings").set({ status: "flagged", flag_reasons: ["burst"] }).where("id", "=", flagged.id).execute();
    }
    const before = await exclusionsByPeriod(db, unit.path);
    expect(await post(flagged.id, "exclude")).toMatchObject({ status: 302 });
    expect(await statusOf(flagged.id)).toBe("excluded");
    const after = await exclusionsByPeriod(db, unit.path);
    const total = (rows: typeof after) => rows.reduce((sum, row) => sum + row.excluded, 0);
    expect(total(after)).toBe(total(before) + 1);
    const supervisorName = (await db.selectFrom("users").select("display_name").where("username", "=", "supervisor").executeTakeFirstOrThrow()).display_name;
    expect(after.some((row) => row.reviewer === supervisorName && row.excluded >= 1)).toBe(true);

    const share = await excludedShare(db, unit.id, { from: "2000-01-01", to: "2100-01-01" });
    expect(share.excluded).toBeGreaterThanOrEqual(1);
    expect(share.share).toBeCloseTo(share.excluded / share.total);
  });
});
