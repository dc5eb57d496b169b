import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { monthlyTrend, scopeIndicators } from "~/data/indicators.server";
import { unitBreakdown } from "~/data/drilldown.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { grantRole } from "~/data/users.server";
import { counterPage } from "~/pages/counter-page.server";
import { freshDemoDatabase } from "./database";
import { formPost, staffCookie } from "./staff-request";

// A unit's own settings, kept by its agency's administrators: IKM weights that move the unit's IKM, the
// organisational predicate, and how officers' names show on its public counter pages.
describe("a unit's settings", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const route = await import("~/routes/staf.organisasi.$unitId.pengaturan_.$targetId");

  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.agency_id"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirstOrThrow();
  const root = await db.selectFrom("units").select("id").where("agency_id", "=", unit.agency_id).where("parent_id", "is", null).executeTakeFirstOrThrow();
  const sorongRoot = await db.selectFrom("units").innerJoin("agencies", "agencies.id", "units.agency_id").select("units.id").where("agencies.slug", "=", "kota-sorong").where("units.parent_id", "is", null).executeTakeFirstOrThrow();
  const admin = await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
  const sorongAdmin = await db.insertInto("users").values({ username: "admin.sorong", display_name: "Admin Kota Sorong", password_hash: null }).returning("id").executeTakeFirstOrThrow();
  await grantRole(db, { actorUserId: admin.id, userId: sorongAdmin.id, role: "admin", unitId: sorongRoot.id });
  const period = { from: "2025-01-01", to: "2026-12-31" };

  const weights = { wU1: "0,05", wU2: "0,05", wU3: "0,05", wU4: "0,05", wU5: "0,05", wU6: "0,3", wU7: "0,35", wU8: "0,05", wU9: "0,05" };
  const fields = (extra: Record<string, string>) => ({ weights: "custom", ...weights, pattern: "istimewa", nameDisplay: "initials", intent: "save", ...extra });
  async function post(username: string, rootId: number, body: Record<string, string>) {
    const cookie = await staffCookie(db, username);
    return route.action({ request: formPost(`/staf/organisasi/${rootId}/pengaturan/${unit.id}`, cookie, body), params: { unitId: String(rootId), targetId: String(unit.id) }, context: {} }).catch((thrown: unknown) => thrown);
  }
  const stored = async () => db.selectFrom("units").select(["ikm_weights", "officer_name_display"]).where("id", "=", unit.id).executeTakeFirstOrThrow();

  it("refuses weights that do not sum to exactly 1, next to the weights, and stores nothing", async () => {
    const answer = await post("admin", root.id, fields({ wU7: "0,3" }));
    expect(answer).toMatchObject({ init: { status: 400 }, data: { errors: { weightsSum: "unitSettings.errors.sumNotOne" } } });
    expect(await stored()).toEqual({ ikm_weights: null, officer_name_display: "full" });
  });

  it("previews the effect on the last twelve months' IKM without saving", async () => {
    const answer = (await post("admin", root.id, fields({ intent: "preview" }))) as { preview: { fullSurveys: number; current: { ikm: number }; proposed: { ikm: number } } };
    expect(answer.preview.fullSurveys).toBeGreaterThan(0);
    expect(answer.preview.proposed.ikm).not.toBe(answer.preview.current.ikm);
    expect(await stored()).toEqual({ ikm_weights: null, officer_name_display: "full" });
  });

  it("answers another agency's administrator with 404", async () => {
    const answer = await post("admin.sorong", sorongRoot.id, fields({}));
    expect(answer instanceof Response ? answer.status : "data").toBe(404);
    expect(await stored()).toEqual({ ikm_weights: null, officer_name_display: "full" });
  });

  it("saves the weights, which the unit's IKM then uses, with the predicate and the name display, audited", async () => {
    const before = await scopeIndicators(db, { kind: "unit", unitId: unit.id }, period);
    const answer = await post("admin", root.id, fields({}));
    expect(answer instanceof Response ? answer.status : "data").toBe(302);
    expect(await stored()).toEqual({ ikm_weights: { U1: "1/20", U2: "1/20", U3: "1/20", U4: "1/20", U5: "1/20", U6: "3/10", U7: "7/20", U8: "1/20", U9: "1/20" }, officer_name_display: "initials" });
    const after = await scopeIndicators(db, { kind: "unit", unitId: unit.id }, period);
    if (before.ikm.kind !== "computed" || after.ikm.kind !== "computed") throw new Error("IKM expected");
    const nrr = after.ikm.nrr;
    const expected = (["U1", "U2", "U3", "U4", "U5", "U8", "U9"] as const).reduce((sum, code) => sum + 0.05 * nrr[code]!, 0.3 * nrr.U6! + 0.35 * nrr.U7!) * 25;
    expect(after.ikm.ikmUnit).toBeCloseTo(expected, 9);
    expect(after.ikm.ikmUnit).not.toBeCloseTo(before.ikm.ikmUnit, 6);
    const pattern = await db.selectFrom("unit_assessment_settings").select("organisation_predikat").where("unit_id", "=", unit.id).executeTakeFirstOrThrow();
    expect(pattern.organisation_predikat).toBe("istimewa");
    const audit = await db.selectFrom("audit_log").select(["actor_user_id", "after"]).where("action", "=", "unit.settings").where("subject_id", "=", String(unit.id)).execute();
    expect(audit).toEqual([{ actor_user_id: admin.id, after: expect.objectContaining({ nameDisplay: "initials", pattern: "istimewa" }) }]);
    // The same form again changes nothing and writes no second entry.
    await post("admin", root.id, fields({}));
    expect(await db.selectFrom("audit_log").select("id").where("action", "=", "unit.settings").execute()).toHaveLength(1);
  });

  it("uses the unit's weights in every IKM shown: the trend, the list of counters and services, officers and the CSV tool", async () => {
    const weighted = (outcome: Awaited<ReturnType<typeof scopeIndicators>>["ikm"]) => {
      if (outcome.kind !== "computed") throw new Error("IKM expected");
      return outcome;
    };
    // The 12-month trend (pages, exports, the SKM report): each month as the figure of that month alone.
    const trend = await monthlyTrend(db, { kind: "unit", unitId: unit.id }, { from: "2026-01", to: "2026-06" });
    const rated = trend.filter((point) => point.ikmUnit !== null);
    expect(rated.length).toBeGreaterThan(2);
    for (const point of rated) {
      const last = new Date(Date.UTC(Number(point.month.slice(0, 4)), Number(point.month.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const month = await scopeIndicators(db, { kind: "unit", unitId: unit.id }, { from: `${point.month}-01`, to: last });
      expect(point.ikmUnit).toBeCloseTo(weighted(month.ikm).ikmUnit, 9);
    }
    // The unit page's list of counters and services, each as its own drill-down page shows it.
    const breakdown = await unitBreakdown(db, unit.id, period);
    const rows = [...breakdown.counters.map((row) => ({ row, scope: { kind: "counter" as const, counterId: row.id } })), ...breakdown.services.map((row) => ({ row, scope: { kind: "service" as const, serviceId: row.id } }))].filter(({ row }) => row.ikmUnit !== null);
    expect(rows.length).toBeGreaterThan(1);
    for (const { row, scope } of rows) expect(row.ikmUnit).toBe(weighted((await scopeIndicators(db, scope, period)).ikm).ikmUnitRounded);
    // An officer's IKM with the officer's unit's weights: U6 and U7 weigh 0.3 and 0.35.
    const officer = await db.selectFrom("ratings").select("officer_id").where("unit_id", "=", unit.id).where("kind", "=", "full").where("officer_id", "is not", null).executeTakeFirstOrThrow();
    const own = weighted((await scopeIndicators(db, { kind: "officer", officerId: officer.officer_id! }, period)).ikm);
    const expected = (["U1", "U2", "U3", "U4", "U5", "U8", "U9"] as const).reduce((sum, code) => sum + 0.05 * own.nrr[code]!, 0.3 * own.nrr.U6! + 0.35 * own.nrr.U7!) * 25;
    expect(own.ikmUnit).toBeCloseTo(expected, 9);
    // The command-line tool over a CSV of the same answers, given the unit's weights, prints the portal's figure.
    const answers = await sql<Record<string, number | null>>`
      select u1, u2, u3, u4, u5, u6, u7, u8, u9 from ratings r join agencies a on a.id = r.agency_id
      where r.unit_id in (select id from units where path like (select path from units where id = ${unit.id}) || '%') and r.status = 'valid' and r.kind = 'full'
        and (r.submitted_at at time zone a.time_zone)::date between ${period.from} and ${period.to}`.execute(db);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "ikm-")), "answers.csv");
    writeFileSync(file, ["U1,U2,U3,U4,U5,U6,U7,U8,U9", ...answers.rows.map((row) => ELEMENT_CODES.map((code) => row[code.toLowerCase()] ?? "").join(","))].join("\n"));
    const cli = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "db/cli/ikm.ts", file, "--weights", "U1=0,05;U2=0,05;U3=0,05;U4=0,05;U5=0,05;U6=0,3;U7=0,35;U8=0,05;U9=0,05"], { encoding: "utf8" }));
    const portal = weighted((await scopeIndicators(db, { kind: "unit", unitId: unit.id }, period)).ikm);
    expect(cli.ikmUnit).toBeCloseTo(portal.ikmUnit, 9);
  });

  it("shows the unit's officers on its counter page by their initials only", async () => {
    const counter = await db.selectFrom("counters").select(["id", "public_code"]).where("unit_id", "=", unit.id).orderBy("id").executeTakeFirstOrThrow();
    const onDuty = await db.selectFrom("duty_roster").select("starts_at").where("counter_id", "=", counter.id).orderBy("starts_at", "desc").executeTakeFirstOrThrow();
    // A moment when somebody is on duty there (only Date is faked, so the database's timers keep running).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(onDuty.starts_at.getTime() + 60_000));
    const page = await counterPage(counter.public_code, null).finally(() => vi.useRealTimers());
    expect(page?.officers.length).toBeGreaterThan(0);
    for (const officer of page!.officers) expect(officer.name).toMatch(/^(\p{Lu}\. )*\p{Lu}\.$/u);
  });
});
