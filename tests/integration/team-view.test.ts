import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { closeEventHub } from "~/platform/pg-events.server";
import { addResult, createPlan, decidePlan, submitPlan } from "~/data/skp/commands.server";
import { addAchievement, addFeedback } from "~/data/skp/period.server";
import { announceAchievementChange, hasDirectReports, teamWeek } from "~/data/skp/team.server";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";
import { formPost, staffCookie } from "./staff-request";

// The direct supervisor's team view and its live events, on a real PostgreSQL (LISTEN/NOTIFY).
describe("the supervisor's team view", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(async () => {
    await closeEventHub();
    await closeDatabase();
  });
  const petugas = await demoStaff(db, "petugas");
  const rekan = await demoStaff(db, "rekan.petugas");
  const kabid = await demoStaff(db, "kabid.dukcapil");
  const head = await demoStaff(db, "supervisor");
  const sorong = await demoStaff(db, "supervisor.sorong");
  const at = (day: string) => new Date(`${day}T03:00:00Z`);
  const context = (day: string) => ({ now: at(day), timeZone: "Asia/Jakarta", evidenceDir: "" });

  // rekan.petugas: an approved monthly SKP for March 2021 with one quantity result and one portal result.
  const created = await createPlan(db, rekan, { kind: "monthly", start: "2021-03-01" });
  if (!created.ok) throw new Error(created.reason);
  const planId = created.planId;
  await addResult(db, rekan, planId, { description: "Perekaman KTP-el", indicator: "KTP-el direkam", target: 50, unitOfMeasure: "perekaman", portalIndicator: null });
  await addResult(db, rekan, planId, { description: "Kepuasan warga", indicator: "Skor layanan", target: 3.3, unitOfMeasure: "skor", portalIndicator: "officer_service_score" });
  await submitPlan(db, rekan, planId, at("2021-03-01"));
  await decidePlan(db, kabid, planId, { action: "approve" }, at("2021-03-01"));
  const [result] = await db.selectFrom("skp_results").select("id").where("plan_id", "=", planId).orderBy("position").execute();
  const log = (day: string, quantity: number, text = `Perekaman tanggal ${day}`) =>
    addAchievement(db, rekan, planId, { achievedOn: day, description: text, resultId: result!.id, quantity, file: null }, context(day));

  it("shows each direct report's week: entries per day, results to date, the latest entries, who logged nothing", async () => {
    expect((await log("2021-03-01", 12.5)).ok).toBe(true);
    expect((await log("2021-03-03", 10)).ok).toBe(true);
    expect((await log("2021-03-08", 7)).ok).toBe(true); // the next week
    const members = await teamWeek(db, kabid, "2021-03-01", "Asia/Jakarta");
    const names = members.map((member) => member.officerId);
    expect(names).toEqual(expect.arrayContaining([petugas.officerId, rekan.officerId]));
    const mine = members.find((member) => member.officerId === rekan.officerId)!;
    expect(mine.state).toBe("logged");
    expect(mine.week.perDay.map((day) => day.entries)).toEqual([1, 0, 1, 0, 0, 0, 0]);
    expect(mine.plans).toHaveLength(1);
    expect(mine.plans[0]!.results).toEqual([
      expect.objectContaining({ indicator: "KTP-el direkam", thisWeek: 22.5, realised: 22.5, share: 0.45 }),
    ]);
    expect(mine.latest.map((entry) => entry.achievedOn)).toEqual(["2021-03-03", "2021-03-01"]);
    // When each entry was written is the database's own time of the write, not the day it reports.
    expect(Date.now() - mine.latest[0]!.createdAt.getTime()).toBeLessThan(60_000);
    // petugas' demo plan is for another quarter: nothing to log against in March 2021.
    expect(members.find((member) => member.officerId === petugas.officerId)!.state).toBe("noPlan");

    const next = (await teamWeek(db, kabid, "2021-03-08", "Asia/Jakarta")).find((member) => member.officerId === rekan.officerId)!;
    expect(next.week.entries).toBe(1);
    expect(next.plans[0]!.results[0]).toMatchObject({ thisWeek: 7, realised: 29.5 });
    const quiet = (await teamWeek(db, kabid, "2021-03-15", "Asia/Jakarta")).find((member) => member.officerId === rekan.officerId)!;
    expect(quiet.state).toBe("nothingLogged");
  });

  it("holds the direct reports only: not the reports' reports, nothing for a colleague or another government", async () => {
    const headTeam = await teamWeek(db, head, "2021-03-01", "Asia/Jakarta");
    expect(headTeam.map((member) => member.officerId)).toContain(kabid.officerId);
    expect(headTeam.map((member) => member.officerId)).not.toContain(rekan.officerId);
    expect((await teamWeek(db, sorong, "2021-03-01", "Asia/Jakarta")).map((m) => m.officerId)).not.toContain(rekan.officerId);
    expect(await hasDirectReports(db, petugas)).toBe(false);
    expect(await teamWeek(db, petugas, "2021-03-01", "Asia/Jakarta")).toEqual([]);
  });

  it("streams a change to the direct supervisor's open view when a report logs an entry or gets feedback, and only then", async () => {
    const { loader } = await import("~/routes/staf.tim_.peristiwa");
    const cookie = await staffCookie(db, "kabid.dukcapil");
    const abort = new AbortController();
    const response = (await loader({
      request: new Request("http://portal.test/staf/tim/peristiwa", { headers: { Cookie: cookie, Accept: "text/event-stream" }, signal: abort.signal }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/event-stream");
    expect(response.headers.get("Cache-Control")).toContain("no-transform");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 10_000;
      while (!received.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no ${needle} in ${received}`);
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
        if (chunk === null || chunk.done) throw new Error(`stream ended without ${needle}: ${received}`);
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil(": open");
    // An event about kabid himself goes to his own supervisor, not to him; then rekan's entry does reach him.
    await announceAchievementChange(db, kabid.officerId!);
    expect((await log("2021-03-09", 3)).ok).toBe(true);
    await readUntil(`data: ${rekan.officerId}`);
    expect(received).not.toContain(`data: ${kabid.officerId}\n`);
    expect(received).toContain(`event: change\ndata: ${rekan.officerId}\n\n`);
    // A refused entry (too old) commits nothing, so sends nothing; feedback on petugas' plan does.
    expect(await log("2021-01-01", 1)).toEqual({ ok: false, reason: "outsidePeriod" });
    const petugasPlan = await db.selectFrom("skp_plans").select("id").where("officer_id", "=", petugas.officerId!).executeTakeFirstOrThrow();
    expect((await addFeedback(db, kabid, petugasPlan.id, { body: "Terima kasih atas laporannya.", achievementId: null }, at("2021-03-09"))).ok).toBe(true);
    await readUntil(`data: ${petugas.officerId}`);
    expect(received.match(/event: change/g)).toHaveLength(2);
    abort.abort();
    // What was queued before the browser left (a keep-alive line on a slow run) may still come; then the end.
    const ended = (async () => {
      for (let chunk = await reader.read(); ; chunk = await reader.read()) if (chunk.done) return true;
    })();
    expect(await Promise.race([ended, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))])).toBe(true);
  });

  it("answers a plain request with 406 and an officer without reports with 404", async () => {
    const { loader } = await import("~/routes/staf.tim_.peristiwa");
    const plain = (await loader({
      request: new Request("http://portal.test/staf/tim/peristiwa", { headers: { Cookie: await staffCookie(db, "kabid.dukcapil") } }),
      params: {},
      context: {},
    })) as Response;
    expect(plain.status).toBe(406);
    const refused = await loader({
      request: new Request("http://portal.test/staf/tim/peristiwa", { headers: { Cookie: await staffCookie(db, "petugas"), Accept: "text/event-stream" } }),
      params: {},
      context: {},
    }).catch((thrown: unknown) => thrown);
    expect((refused as Response).status).toBe(404);
  });

  it("takes feedback from the team view: an empty note is refused at its field, a note reaches the officer's plan", async () => {
    const { action, loader } = await import("~/routes/staf.tim");
    const cookie = await staffCookie(db, "kabid.dukcapil");
    const empty = await action({ request: formPost("/staf/tim", cookie, { planId: String(planId), body: "  " }), params: {}, context: {} });
    expect(empty).toMatchObject({ errors: { body: "form.required" } });
    const sent = (await action({
      request: formPost("/staf/tim", cookie, { planId: String(planId), body: "Bagus, pertahankan.", minggu: "2021-03-01" }),
      params: {},
      context: {},
    })) as Response;
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/staf/tim?terkirim=${planId}&minggu=2021-03-01#anggota-${rekan.officerId}`);
    const notes = await db.selectFrom("skp_feedback").select(["body", "author_user_id"]).where("plan_id", "=", planId).execute();
    expect(notes).toEqual([{ body: "Bagus, pertahankan.", author_user_id: kabid.id }]);
    // Someone outside the officer's chain posting to the plan gets 404, and nothing is stored.
    const outsider = await action({
      request: formPost("/staf/tim", await staffCookie(db, "supervisor.sorong"), { planId: String(planId), body: "Tidak boleh." }),
      params: {},
      context: {},
    }).catch((thrown: unknown) => thrown);
    expect((outsider as Response).status).toBe(404);
    expect(await db.selectFrom("skp_feedback").select("id").where("plan_id", "=", planId).execute()).toHaveLength(1);
    const page = (await loader({
      request: new Request("http://portal.test/staf/tim?minggu=2021-03-03", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    })) as { weekStart: string; members: { officerId: number; feedbackThisWeek: number }[] };
    expect(page.weekStart).toBe("2021-03-01");
  });
});
