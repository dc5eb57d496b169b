import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { completeQuickRating, counterByCode, issueVisitCodes, submitRating, type SubmissionContext } from "~/data/ratings.server";
import { ratingSubmissionSchema, type RatingSubmission } from "~/domain/ratings/submission";
import { freshDemoDatabase } from "./database";

const NOW = new Date("2026-11-23T03:00:00Z");

describe("submitting ratings", async () => {
  const { db } = await freshDemoDatabase();
  const loket = await db
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["counters.public_code"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("counters.name", "=", "Loket 1 KTP-el")
    .executeTakeFirstOrThrow();
  const counter = (await counterByCode(db, loket.public_code))!;
  const service = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).executeTakeFirstOrThrow();
  const onDuty = await db.selectFrom("duty_roster").select("officer_id").where("counter_id", "=", counter.id).orderBy("officer_id").execute();
  const otherOfficer = await db.selectFrom("officers").select("id").where("unit_id", "!=", counter.unitId).executeTakeFirstOrThrow();

  let deviceSeq = 0;
  const context = (overrides: Partial<SubmissionContext> = {}): SubmissionContext => ({
    counter,
    channel: "qr",
    now: NOW,
    deviceId: `device-${deviceSeq++}`,
    ip: `10.0.0.${deviceSeq}`,
    fromStaffSession: false,
    limits: { perDevice: 3, perIp: 40, kioskMinIntervalSeconds: 8 },
    ...overrides,
  });
  const quick = (score: number, extra: Record<string, string> = {}): RatingSubmission =>
    ratingSubmissionSchema.parse({
      idempotencyKey: randomUUID(),
      serviceId: String(service.service_id),
      officer: String(onDuty[0]!.officer_id),
      kind: "quick",
      quickScore: String(score),
      ...extra,
    });
  const rollupTotal = async () =>
    Number((await sql<{ n: number }>`select coalesce(sum(n), 0)::int as n from rating_daily where counter_id = ${counter.id}`.execute(db)).rows[0]!.n);

  it("stores a quick rating once, even when the citizen taps twice", async () => {
    const before = await rollupTotal();
    const submission = quick(4, { comment: "Cepat dan ramah" });
    const first = await submitRating(db, submission, context());
    const again = await submitRating(db, submission, context());
    expect(first).toMatchObject({ ok: true, duplicate: false, flagged: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    const rows = await db.selectFrom("ratings").selectAll().where("idempotency_key", "=", submission.idempotencyKey).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quick_score: 4, comment: "Cepat dan ramah", channel: "qr", status: "valid" });
    expect(rows[0]!.device_hash).not.toContain("device");
    expect(await rollupTotal()).toBe(before + 1);
  });

  it("refuses the same key with different answers and stores nothing new", async () => {
    const submission = quick(2);
    await submitRating(db, submission, context());
    const replay = await submitRating(db, { ...submission, quickScore: 4 }, context());
    expect(replay).toEqual({ ok: false, reason: "replayed_key" });
    const stored = await db.selectFrom("ratings").select("quick_score").where("idempotency_key", "=", submission.idempotencyKey).execute();
    expect(stored).toEqual([{ quick_score: 2 }]);
  });

  it("refuses an officer who is not on duty at this counter", async () => {
    const before = await rollupTotal();
    const outcome = await submitRating(db, { ...quick(1), officer: otherOfficer.id }, context());
    expect(outcome).toMatchObject({ ok: false, reason: "officer_not_on_duty" });
    expect(await rollupTotal()).toBe(before);
  });

  it("stops a device after its daily limit at one counter and counts the refusals", async () => {
    const device = context({ deviceId: "same-phone" });
    for (let i = 0; i < 3; i++) expect((await submitRating(db, quick(3), { ...device, ip: `10.1.0.${i}` })).ok).toBe(true);
    const fourth = await submitRating(db, quick(3), { ...device, ip: "10.1.0.9" });
    expect(fourth).toEqual({ ok: false, reason: "over_limit" });
    const refusals = await db.selectFrom("rating_refusals").select(["reason", "count"]).where("counter_id", "=", counter.id).execute();
    expect(refusals).toEqual([{ reason: "over_limit", count: 1 }]);
  });

  it("marks a rating verified with a valid visit code, once", async () => {
    await issueVisitCodes(db, counter.id, "2026-11-23", 1, 1, () => 0);
    const code = (await db.selectFrom("visit_codes").select("code").where("counter_id", "=", counter.id).executeTakeFirstOrThrow()).code;
    const first = await submitRating(db, quick(4, { visitCode: code }), context());
    const second = await submitRating(db, quick(4, { visitCode: code }), context());
    expect(first).toMatchObject({ ok: true, verified: true });
    expect(second).toMatchObject({ ok: true, verified: false });
  });

  it("flags, not refuses, a rating from a signed-in staff session", async () => {
    const outcome = await submitRating(db, quick(4), context({ fromStaffSession: true }));
    expect(outcome).toMatchObject({ ok: true, flagged: true });
    const row = await db.selectFrom("ratings").select(["status", "flag_reasons"]).where("id", "=", outcome.ok ? outcome.ratingId : 0).executeTakeFirstOrThrow();
    expect(row.status).toBe("flagged");
    expect(row.flag_reasons).toContain("staff_session");
  });

  it("flags the eighth rating for one officer within ten minutes as a burst", async () => {
    const recent = await db.selectFrom("ratings").select("flag_reasons").orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
    // Seven or more ratings above were all given to the same officer at the same moment.
    expect(recent.flag_reasons).toContain("burst");
  });

  it("adds the nine answers to a quick rating once, and the daily sums follow", async () => {
    const submission = quick(3);
    await submitRating(db, submission, context());
    const full = ratingSubmissionSchema.parse({ idempotencyKey: randomUUID(), serviceId: "1", officer: "unknown", kind: "full", u3: "2", u7: "4", sex: "female" });
    expect(await completeQuickRating(db, submission.idempotencyKey, full, NOW)).toEqual({ ok: true });
    expect(await completeQuickRating(db, submission.idempotencyKey, full, NOW)).toEqual({ ok: false, reason: "already_completed" });
    const raw = await sql<{ u3: number; u7: number }>`select sum(u3)::int as u3, sum(u7)::int as u7 from ratings where counter_id = ${counter.id}`.execute(db);
    const rolled = await sql<{ u3: number; u7: number }>`select sum(u3_sum)::int as u3, sum(u7_sum)::int as u7 from rating_daily where counter_id = ${counter.id}`.execute(db);
    expect(rolled.rows[0]).toEqual(raw.rows[0]);
  });

  it("counts submissions that arrive together, in one batch, exactly as if they came one by one", async () => {
    const before = await rollupTotal();
    const phone = context({ deviceId: "one-phone-at-once" });
    // Six taps from one phone at the same moment (limit 3 a day), a double tap, and ten other citizens.
    const samePhone = Array.from({ length: 6 }, (_, i) => submitRating(db, quick(2), { ...phone, ip: `10.2.0.${i}` }));
    const doubleTap = quick(1);
    const taps = [submitRating(db, doubleTap, context()), submitRating(db, doubleTap, context())];
    const others = Array.from({ length: 10 }, () => submitRating(db, quick(3), context()));
    const [phoneOutcomes, tapOutcomes, otherOutcomes] = await Promise.all([Promise.all(samePhone), Promise.all(taps), Promise.all(others)]);

    expect(phoneOutcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
    expect(phoneOutcomes.filter((outcome) => !outcome.ok && outcome.reason === "over_limit")).toHaveLength(3);
    expect(tapOutcomes.map((outcome) => outcome.ok && outcome.duplicate).sort()).toEqual([false, true]);
    expect(otherOutcomes.every((outcome) => outcome.ok && !outcome.duplicate)).toBe(true);
    const stored = await db.selectFrom("ratings").select("id").where("idempotency_key", "=", doubleTap.idempotencyKey).execute();
    expect(stored).toHaveLength(1);
    // 3 from the phone, 1 double tap, 10 others: every acknowledged rating is in the rollups, nothing else.
    expect(await rollupTotal()).toBe(before + 14);
  });
});
