import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { officerScores, officerServiceEvidence, rebuildRollups, rollupDifferences, scopeIndicators, scopeIndicatorsFromRaw } from "~/data/indicators.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { freshDemoDatabase } from "./database";

const PERIOD = { from: "2025-01-01", to: "2026-12-31" };

describe("service-quality indicators", async () => {
  const { db } = await freshDemoDatabase();
  const dukcapil = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select("units.id")
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirstOrThrow();

  it("keep the rollups equal to the raw ratings, also after a supervisor excludes some", async () => {
    expect(await rollupDifferences(db)).toEqual([]);
    await sql`update ratings set status = 'excluded', status_reason = 'test' where id % 17 = 0`.execute(db);
    await sql`update ratings set officer_attribution_removed = true where id % 23 = 0 and officer_id is not null`.execute(db);
    expect(await rollupDifferences(db)).toEqual([]);
    await rebuildRollups(db);
    expect(await rollupDifferences(db)).toEqual([]);
  });

  it("give the same IKM from the rollups as from a scan of the raw ratings", async () => {
    for (const scope of [{ kind: "unit", unitId: dukcapil.id }, { kind: "agency", agencyId: 1 }] as const) {
      const fast = await scopeIndicators(db, scope, PERIOD);
      const slow = await scopeIndicatorsFromRaw(db, scope, PERIOD);
      expect(fast).toEqual(slow);
      expect(fast.ikm.kind).toBe("computed");
    }
  });

  it("match the command-line tool on the same answers", async () => {
    const rows = await sql<Record<string, number | null>>`
      select u1, u2, u3, u4, u5, u6, u7, u8, u9 from ratings r join agencies a on a.id = r.agency_id
      where r.unit_id = ${dukcapil.id} and r.status = 'valid' and r.kind = 'full'
        and (r.submitted_at at time zone a.time_zone)::date between ${PERIOD.from} and ${PERIOD.to}`.execute(db);
    const csv = ["No,U1,U2,U3,U4,U5,U6,U7,U8,U9", ...rows.rows.map((row, i) => [i + 1, ...ELEMENT_CODES.map((c) => row[c.toLowerCase()] ?? "")].join(","))].join("\n");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "ikm-")), "answers.csv");
    writeFileSync(file, csv);
    const cli = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "db/cli/ikm.ts", file], { encoding: "utf8" }));
    const portal = await scopeIndicators(db, { kind: "unit", unitId: dukcapil.id }, PERIOD);
    if (portal.ikm.kind !== "computed") throw new Error("no IKM");
    expect(cli.ikmUnit).toBe(portal.ikm.ikmUnit);
    expect(cli.mutu).toBe(portal.ikm.mutu);
    expect(cli.lowest).toBe(portal.ikm.lowest);
    for (const code of ELEMENT_CODES) expect(cli.nrr[code]).toBe(portal.ikm.nrr[code]);
  });

  it("never rank an officer with three ratings", async () => {
    const officer = await db.selectFrom("officers").select("id").where("unit_id", "=", dukcapil.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    const counter = await db.selectFrom("counters").select(["id", "unit_id"]).where("unit_id", "=", dukcapil.id).executeTakeFirstOrThrow();
    const service = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).executeTakeFirstOrThrow();
    await sql`delete from ratings where officer_id = ${officer.id}`.execute(db);
    for (let i = 0; i < 3; i++) {
      await db
        .insertInto("ratings")
        .values({ agency_id: 1, unit_id: dukcapil.id, counter_id: counter.id, service_id: service.service_id, officer_id: officer.id, submitted_at: new Date("2026-06-0" + (i + 1) + "T03:00:00Z"), channel: "qr", kind: "quick", quick_score: 4, idempotency_key: crypto.randomUUID(), content_hash: "t" })
        .execute();
    }
    const { ranking } = await officerScores(db, { kind: "unit", unitId: dukcapil.id }, PERIOD);
    expect(ranking.unranked.map((o) => o.officerId)).toContain(String(officer.id));
    expect(ranking.ranked.map((o) => o.officerId)).not.toContain(String(officer.id));
    expect(ranking.ranked.length).toBeGreaterThan(2);
  });

  it("count an officer's ratings in an SKP period by the days of the officer's own time zone", async () => {
    // Sorong keeps WIT (UTC+9): the third quarter starts at 00:00 WIT on 1 July, which is still 30 June in Jakarta.
    const officer = await db
      .selectFrom("officers")
      .innerJoin("units", "units.id", "officers.unit_id")
      .innerJoin("agencies", "agencies.id", "units.agency_id")
      .select(["officers.id", "officers.unit_id", "units.agency_id"])
      .where("agencies.slug", "=", "kota-sorong")
      .orderBy("officers.id", "desc")
      .executeTakeFirstOrThrow();
    const counter = await db.selectFrom("counters").select("id").where("unit_id", "=", officer.unit_id).executeTakeFirstOrThrow();
    const service = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).executeTakeFirstOrThrow();
    await sql`delete from ratings where officer_id = ${officer.id}`.execute(db);
    const rate = (at: string) =>
      db
        .insertInto("ratings")
        .values({ agency_id: officer.agency_id, unit_id: officer.unit_id, counter_id: counter.id, service_id: service.service_id, officer_id: officer.id, submitted_at: new Date(at), channel: "qr", kind: "quick", quick_score: 4, idempotency_key: crypto.randomUUID(), content_hash: "t" })
        .execute();
    await rate("2026-06-30T20:00:00+09:00"); // the last evening of the second quarter in Sorong
    await rate("2026-07-01T08:00:00+09:00");
    await rate("2026-09-30T16:00:00+09:00");
    // The span an SKP plan for the third quarter gives: from 00:00 WIT on 1 July to the end of 30 September WIT.
    const evidence = await officerServiceEvidence(db, officer.id, { from: new Date("2026-06-30T15:00:00Z"), to: new Date("2026-09-30T14:59:59.999Z") });
    expect(evidence.ratingCount).toBe(2);
  });
});
