import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { grantRole, roleGrantsOf } from "~/data/users.server";
import { planAccess } from "~/data/skp/access.server";
import { freshDemoDatabase } from "./database";
import { staffCookie } from "./staff-request";

// An officer's SKP, achievements, 360 reviews and assessment follow the supervisor chain only.
describe("access to an officer's records", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);

  // A plan whose officer has a same-level colleague (same supervisor) with a sign-in account.
  const pair = await db
    .selectFrom("skp_plans")
    .innerJoin("officers as owner", "owner.id", "skp_plans.officer_id")
    .innerJoin("officers as colleague", (join) => join.onRef("colleague.supervisor_id", "=", "owner.supervisor_id").onRef("colleague.id", "<>", "owner.id"))
    .innerJoin("users", "users.officer_id", "colleague.id")
    .select(["skp_plans.id as planId", "owner.unit_id as unitId", "owner.supervisor_id as supervisorId", "users.id as colleagueUserId", "users.username"])
    .where("owner.supervisor_id", "is not", null)
    .orderBy("skp_plans.id")
    .executeTakeFirstOrThrow();
  const admin = await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
  await grantRole(db, { actorUserId: admin.id, userId: pair.colleagueUserId, role: "supervisor", unitId: pair.unitId });
  const colleague = await db.selectFrom("users").select(["id", "officer_id as officerId"]).where("id", "=", pair.colleagueUserId).executeTakeFirstOrThrow();
  const viewer = { ...colleague, grants: await roleGrantsOf(db, colleague.id) };

  it("refuses a same-level colleague holding the supervisor role on the unit, in the data layer", async () => {
    expect(viewer.grants.some((grant) => grant.role === "supervisor" && grant.unitId === pair.unitId)).toBe(true);
    expect(await planAccess(db, viewer, pair.planId)).toBeUndefined();
  });

  it("answers that colleague's requests for the plan, its achievements and assessment with 404, and shows no one else's reviews", async () => {
    const cookie = await staffCookie(db, pair.username!);
    const pages = [
      ["~/routes/staf.skp.$planId._index", `/staf/skp/${pair.planId}`],
      ["~/routes/staf.skp.$planId.capaian", `/staf/skp/${pair.planId}/capaian`],
      ["~/routes/staf.skp.$planId.ulasan", `/staf/skp/${pair.planId}/ulasan`],
      ["~/routes/staf.penilaian.$planId", `/staf/penilaian/${pair.planId}`],
    ] as const;
    for (const [module, path] of pages) {
      const route = (await import(/* @vite-ignore */ module)) as { loader: (args: unknown) => Promise<unknown> };
      const answer = await route.loader({ request: new Request(`http://portal.test${path}`, { headers: { Cookie: cookie } }), params: { planId: String(pair.planId) }, context: {} }).catch((thrown: unknown) => thrown);
      if (!(answer instanceof Response) && path.endsWith("/ulasan")) {
        // A colleague chosen as a peer reviewer sees their own 360 form, never the others' reviews.
        expect(answer).toMatchObject({ seesAll: false, reviews: [], peers: [] });
        continue;
      }
      expect([path, answer instanceof Response ? answer.status : "data"]).toEqual([path, 404]);
    }
  });

  it("still lets the direct supervisor and the officer in", async () => {
    const supervisorUser = await db.selectFrom("users").select(["id", "officer_id as officerId"]).where("officer_id", "=", pair.supervisorId).executeTakeFirst();
    if (supervisorUser) expect(await planAccess(db, { ...supervisorUser, grants: await roleGrantsOf(db, supervisorUser.id) }, pair.planId)).toMatchObject({ access: { assessor: true } });
    const owner = await db.selectFrom("skp_plans").select("officer_id").where("id", "=", pair.planId).executeTakeFirstOrThrow();
    expect(await planAccess(db, { id: 0, officerId: owner.officer_id, grants: [] }, pair.planId)).toMatchObject({ access: { self: true } });
  });
});
