import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { grantRole } from "~/data/users.server";
import { freshDemoDatabase } from "./database";
import { formPost, staffCookie } from "./staff-request";

// National holidays are one platform-wide list: only the platform administrator changes them. An agency's
// administrator keeps that agency's regional days and nobody else's.
describe("who keeps the holiday list", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const route = await import("~/routes/staf.admin.libur");

  const platformAdmin = await db.selectFrom("users").select(["id", "platform_admin"]).where("username", "=", "admin").executeTakeFirstOrThrow();
  const sorong = await db.selectFrom("agencies").innerJoin("units", "units.agency_id", "agencies.id").select(["agencies.id", "units.id as rootUnitId"]).where("agencies.slug", "=", "kota-sorong").where("units.parent_id", "is", null).executeTakeFirstOrThrow();
  const pariaman = await db.selectFrom("agencies").select("id").where("slug", "=", "kota-pariaman").executeTakeFirstOrThrow();
  // An administrator of Kota Sorong only, who holds no platform role.
  const agencyAdmin = await db.insertInto("users").values({ username: "admin.sorong", display_name: "Admin Kota Sorong", password_hash: null }).returning("id").executeTakeFirstOrThrow();
  await grantRole(db, { actorUserId: platformAdmin.id, userId: agencyAdmin.id, role: "admin", unitId: sorong.rootUnitId });
  const national = await db.selectFrom("holidays").select(["id", "date"]).where("agency_id", "is", null).orderBy("date", "desc").executeTakeFirstOrThrow();
  const holidayCount = async (id: number) => (await db.selectFrom("holidays").select("id").where("id", "=", id).execute()).length;

  async function post(username: string, fields: Record<string, string>) {
    const cookie = await staffCookie(db, username);
    return route.action({ request: formPost("/staf/admin/libur", cookie, fields), params: {}, context: {} }).catch((thrown: unknown) => thrown);
  }
  const status = (answer: unknown) => (answer instanceof Response ? answer.status : "data");

  it("the demo's administrator is the platform administrator", () => {
    expect(platformAdmin.platform_admin).toBe(true);
  });

  it("refuses an agency's administrator who removes, confirms or adds a national holiday, and keeps the day", async () => {
    expect(status(await post("admin.sorong", { intent: "remove", id: String(national.id), confirmed: "yes" }))).toBe(403);
    expect(status(await post("admin.sorong", { intent: "confirm", id: String(national.id) }))).toBe(403);
    expect(status(await post("admin.sorong", { intent: "add", date: "2031-05-05", name: "Libur buatan", kind: "libur_nasional", scope: "national" }))).toBe(403);
    expect(await holidayCount(national.id)).toBe(1);
    expect(await db.selectFrom("holidays").select("id").where("date", "=", "2031-05-05").execute()).toEqual([]);
  });

  it("lets that administrator keep its own agency's regional days, and not another agency's", async () => {
    expect(status(await post("admin.sorong", { intent: "add", date: "2031-05-05", name: "Hari Jadi Kota Sorong", kind: "libur_daerah", scope: String(sorong.id) }))).toBe(302);
    const own = await db.selectFrom("holidays").select(["id", "agency_id"]).where("date", "=", "2031-05-05").executeTakeFirstOrThrow();
    expect(own.agency_id).toBe(sorong.id);
    expect(status(await post("admin.sorong", { intent: "add", date: "2031-05-06", name: "Bukan urusannya", kind: "libur_daerah", scope: String(pariaman.id) }))).toBe(404);
    expect(status(await post("admin.sorong", { intent: "remove", id: String(own.id), confirmed: "yes" }))).toBe(302);
    expect(await holidayCount(own.id)).toBe(0);
  });

  it("answers a missing scope with 400 and the field's error", async () => {
    const answer = await post("admin.sorong", { intent: "add", date: "2031-05-07", name: "Tanpa cakupan", kind: "libur_daerah", scope: "" });
    expect(answer).toMatchObject({ init: { status: 400 }, data: { errors: { scope: "form.required" } } });
  });

  it("shows that administrator the national days without buttons, and offers no national choice", async () => {
    const cookie = await staffCookie(db, "admin.sorong");
    const page = (await route.loader({ request: new Request(`http://portal.test/staf/admin/libur?tahun=${national.date.slice(0, 4)}`, { headers: { Cookie: cookie } }), params: {}, context: {} })) as Awaited<ReturnType<typeof route.loader>>;
    expect(page.platformAdmin).toBe(false);
    expect(page.agencies).toEqual([{ agencyId: sorong.id, name: expect.any(String) }]);
    const row = page.holidays.find((holiday) => holiday.id === national.id);
    expect(row).toMatchObject({ agencyId: null, mayKeep: false });
  });

  it("lets the platform administrator remove a national holiday, audited", async () => {
    expect(status(await post("admin", { intent: "remove", id: String(national.id), confirmed: "yes" }))).toBe(302);
    expect(await holidayCount(national.id)).toBe(0);
    const audit = await db.selectFrom("audit_log").select(["actor_user_id"]).where("action", "=", "holiday.remove").where("subject_id", "=", String(national.id)).execute();
    expect(audit).toEqual([{ actor_user_id: platformAdmin.id }]);
  });
});
