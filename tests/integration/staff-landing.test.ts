import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { complaintQueue } from "~/data/complaints/queue.server";
import { roleGrantsOf } from "~/data/users.server";
import { notify } from "~/data/notifications.server";
import { now } from "~/platform/clock.server";
import { freshDemoDatabase } from "./database";
import { staffCookie } from "./staff-request";

// The landing page says what waits, counted by the rules of the pages it links to: flagged ratings of the units the
// user reviews, their complaint queue's late and due-today complaints, their unread notifications.
describe("the staff landing page's counts", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const landing = await import("~/routes/staf._index");
  type Waiting = { reviews: { unitId: number; flagged: number }[]; complaints: { late: number; dueToday: number } | null; unread: number };
  const waitingOf = async (username: string) => {
    const cookie = await staffCookie(db, username);
    const answer = (await landing.loader({ request: new Request("http://portal.test/staf", { headers: { Cookie: cookie } }), params: {}, context: {} })) as { waiting: Waiting };
    return answer.waiting;
  };
  const userId = async (username: string) => (await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;

  it("counts the flagged ratings of the supervisor's units, not of others", async () => {
    const supervisor = await userId("supervisor");
    const grant = (await roleGrantsOf(db, supervisor)).find((row) => row.role === "supervisor")!;
    const before = await waitingOf("supervisor");
    const mine = before.reviews.find((review) => review.unitId === grant.unitId)!;
    const inside = await db.selectFrom("ratings").innerJoin("units", "units.id", "ratings.unit_id").select("ratings.id").where("units.path", "like", `${grant.unitPath}%`).where("ratings.status", "=", "valid").orderBy("ratings.id").limit(4).execute();
    const outside = await db.selectFrom("ratings").innerJoin("units", "units.id", "ratings.unit_id").select("ratings.id").where("units.path", "not like", `${grant.unitPath}%`).where("ratings.status", "=", "valid").orderBy("ratings.id").limit(3).execute();
    await db.updateTable("ratings").set({ status: "flagged", flag_reasons: ["burst"] }).where("id", "in", [...inside, ...outside].map((row) => row.id)).execute();
    const after = await waitingOf("supervisor");
    expect(after.reviews.find((review) => review.unitId === grant.unitId)!.flagged).toBe(mine.flagged + 4);
    expect(after.reviews.reduce((sum, review) => sum + review.flagged, 0)).toBe(before.reviews.reduce((sum, review) => sum + review.flagged, 0) + 4);
    // An officer reviews nothing.
    expect((await waitingOf("petugas")).reviews).toEqual([]);
  });

  it("counts the complaint queue's late and due-today complaints as the queue does", async () => {
    const handler = await userId("pengaduan");
    const queue = await complaintQueue(db, { id: handler, officerId: null, grants: await roleGrantsOf(db, handler) }, { status: "open" }, now());
    const waiting = await waitingOf("pengaduan");
    expect(waiting.complaints).toEqual({ late: queue.filter((row) => row.dueStatus === "late").length, dueToday: queue.filter((row) => row.dueStatus === "due_today").length });
    expect(queue.length).toBeGreaterThan(0);
  });

  it("counts the user's own unread notifications", async () => {
    const supervisor = await userId("supervisor");
    const before = (await waitingOf("supervisor")).unread;
    await notify(db, { userIds: [supervisor], kind: "complaint_new", agencyId: null, complaintId: null, at: new Date() });
    expect((await waitingOf("supervisor")).unread).toBe(before + 1);
    await db.updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", supervisor).execute();
    expect((await waitingOf("supervisor")).unread).toBe(0);
  });
});
