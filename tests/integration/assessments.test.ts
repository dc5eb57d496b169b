import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { verifyAuditLog } from "~/data/audit.server";
import { addDevelopment, amendAssessment, decideObjection, finaliseAssessment, respondToAssessment } from "~/data/assessments/commands.server";
import { commendationsOf } from "~/data/assessments/development.server";
import { setUnitPattern, unitDistribution } from "~/data/assessments/distribution.server";
import { evidencePack } from "~/data/assessments/evidence.server";
import { assessmentVersions } from "~/data/assessments/versions.server";
import { officerAccess, planAccess } from "~/data/skp/access.server";
import { addResult, createPlan, decidePlan, saveBehaviours, submitPlan } from "~/data/skp/commands.server";
import { addAchievement, changePeer, submitReview, type ReviewInput } from "~/data/skp/period.server";
import { evidenceFileFor, plansInSupervisorScope } from "~/data/skp/queries.server";
import type { Rating } from "~/domain/predikat";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";

const JUSTIFIED = "Dibahas dalam dialog kinerja akhir periode bersama pegawai.";

function review(rating: Rating): ReviewInput {
  const one = { rating, justification: "Terlihat dalam pelayanan sehari-hari." };
  return {
    berorientasi_pelayanan: one,
    akuntabel: one,
    kompeten: one,
    harmonis: one,
    loyal: one,
    adaptif: one,
    kolaboratif: one,
  };
}

describe("SKP plans and assessments", async () => {
  const { db } = await freshDemoDatabase();
  const evidenceDir = mkdtempSync(path.join(tmpdir(), "suara-evidence-"));


  const petugas = await demoStaff(db, "petugas");
  const kabid = await demoStaff(db, "kabid.dukcapil");
  const head = await demoStaff(db, "supervisor");
  const sorong = await demoStaff(db, "supervisor.sorong");
  const rekan = await demoStaff(db, "rekan.petugas");
  const context = { now: new Date("2021-03-31T03:00:00Z"), timeZone: "Asia/Jakarta", evidenceDir };

  it("the demo gives petugas an approved plan for the previous quarter, made through audited steps", async () => {
    const plans = await db.selectFrom("skp_plans").select(["status", "officer_id"]).execute();
    expect(plans).toEqual([{ status: "approved", officer_id: petugas.officerId }]);
    const actions = await db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "skp_plan")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["skp.plan.create", "skp.plan.submit", "skp.plan.approve", "skp.achievement.add"]),
    );
  });

  let planId = 0;

  it("refuses a period that does not start on its first day and a second plan for the same period", async () => {
    expect(await createPlan(db, petugas, { kind: "quarterly", start: "2021-02-01" })).toEqual({
      ok: false,
      reason: "invalidPeriod",
    });
    const created = await createPlan(db, petugas, { kind: "quarterly", start: "2021-01-01" });
    expect(created.ok).toBe(true);
    if (created.ok) planId = created.planId;
    expect(await createPlan(db, petugas, { kind: "quarterly", start: "2021-01-01" })).toEqual({
      ok: false,
      reason: "duplicatePeriod",
    });
  });

  it("goes draft → submitted → returned → submitted → approved, only by the direct supervisor", async () => {
    expect(await submitPlan(db, petugas, planId, context.now)).toEqual({ ok: false, reason: "noResults" });
    await addResult(db, petugas, planId, {
      description: "Perekaman KTP-el",
      indicator: "Perekaman selesai",
      target: 100,
      unitOfMeasure: "perekaman",
      portalIndicator: null,
    });
    await addResult(db, petugas, planId, {
      description: "Skor layanan",
      indicator: "Skor warga",
      target: 3.2,
      unitOfMeasure: "skor",
      portalIndicator: "officer_service_score",
    });
    expect((await submitPlan(db, petugas, planId, context.now)).ok).toBe(true);
    // The head of the Dinas is not petugas's direct supervisor: refused, nothing changes.
    expect(await decidePlan(db, head, planId, { action: "approve" }, context.now)).toEqual({
      ok: false,
      reason: "notAssessor",
    });
    expect(await decidePlan(db, petugas, planId, { action: "approve" }, context.now)).toEqual({
      ok: false,
      reason: "notAssessor",
    });
    expect(
      (await db.selectFrom("skp_plans").select("status").where("id", "=", planId).executeTakeFirstOrThrow()).status,
    ).toBe("submitted");
    expect(
      (await decidePlan(db, kabid, planId, { action: "return", comment: "Tambahkan harapan perilaku." }, context.now))
        .ok,
    ).toBe(true);
    expect(
      (
        await saveBehaviours(db, kabid, planId, {
          ...Object.fromEntries(Object.keys(review("sesuai")).map((k) => [k, ""])),
          berorientasi_pelayanan: "Ramah.",
        } as never)
      ).ok,
    ).toBe(true);
    expect((await submitPlan(db, petugas, planId, context.now)).ok).toBe(true);
    expect((await decidePlan(db, kabid, planId, { action: "approve" }, context.now)).ok).toBe(true);
    expect(
      await addResult(db, petugas, planId, {
        description: "x",
        indicator: "x",
        target: 1,
        unitOfMeasure: "x",
        portalIndicator: null,
      }),
    ).toEqual({ ok: false, reason: "wrongStatus" });
  });

  it("logs achievements in the period with evidence checked by its bytes, served only to the officer and the chain", async () => {
    const [result] = await db
      .selectFrom("skp_results")
      .select("id")
      .where("plan_id", "=", planId)
      .orderBy("position")
      .execute();
    const pdf = new Uint8Array(Buffer.from("%PDF-1.4\n% test\n"));
    const added = await addAchievement(
      db,
      petugas,
      planId,
      {
        achievedOn: "2021-03-26",
        description: "Perekaman di sekolah",
        resultId: result!.id,
        quantity: 112,
        file: { name: "laporan.pdf", content: pdf },
      },
      context,
    );
    expect(added.ok).toBe(true);
    const fake = new Uint8Array(Buffer.from("<html></html>"));
    expect(
      await addAchievement(
        db,
        petugas,
        planId,
        {
          achievedOn: "2021-03-27",
          description: "x",
          resultId: null,
          quantity: null,
          file: { name: "x.pdf", content: fake },
        },
        context,
      ),
    ).toEqual({ ok: false, reason: "evidenceWrongType" });
    expect(
      await addAchievement(
        db,
        petugas,
        planId,
        { achievedOn: "2021-04-02", description: "x", resultId: null, quantity: null, file: null },
        context,
      ),
    ).toEqual({ ok: false, reason: "outsidePeriod" });
    // Back-dated beyond the agency's window (7 days by default): refused; a future day too.
    expect(
      await addAchievement(db, petugas, planId, { achievedOn: "2021-03-23", description: "x", resultId: null, quantity: null, file: null }, context),
    ).toEqual({ ok: false, reason: "tooOld" });
    expect(
      await addAchievement(db, petugas, planId, { achievedOn: "2021-03-24", description: "x", resultId: null, quantity: null, file: null }, { ...context, now: new Date("2021-03-23T03:00:00Z") }),
    ).toEqual({ ok: false, reason: "futureDate" });
    expect(
      await addAchievement(
        db,
        kabid,
        planId,
        { achievedOn: "2021-03-27", description: "x", resultId: null, quantity: null, file: null },
        context,
      ),
    ).toEqual({ ok: false, reason: "notYours" });
    if (!added.ok) return;
    const forOfficer = await evidenceFileFor(db, petugas, added.achievementId, evidenceDir);
    expect(readFileSync(forOfficer!.path, "utf8")).toContain("%PDF");
    expect(await evidenceFileFor(db, head, added.achievementId, evidenceDir)).toBeDefined();
    expect(await evidenceFileFor(db, rekan, added.achievementId, evidenceDir)).toBeUndefined();
    expect(await evidenceFileFor(db, sorong, added.achievementId, evidenceDir)).toBeUndefined();
  });

  it("keeps other units and colleagues out of the plan", async () => {
    expect(await planAccess(db, sorong, planId)).toBeUndefined();
    expect(await planAccess(db, rekan, planId)).toBeUndefined();
    expect(await planAccess(db, head, planId)).toBeDefined();
    const sorongScope = await plansInSupervisorScope(db, sorong);
    expect(sorongScope.some((row) => row.planId === planId)).toBe(false);
    const kabidScope = await plansInSupervisorScope(db, kabid);
    expect(kabidScope.some((row) => row.planId === planId)).toBe(true);
    // The supervisor role on the unit never opens the records of one's own supervisors.
    expect(kabidScope.some((row) => row.officerId === head.officerId)).toBe(false);
    expect((await officerAccess(db, kabid, head.officerId!))?.canView).toBe(false);
    expect((await officerAccess(db, head, kabid.officerId!))?.canView).toBe(true);
  });

  it("takes 360 reviews from the officer, chosen peers and the assessor, once each", async () => {
    expect(await submitReview(db, rekan, planId, review("sesuai"))).toEqual({ ok: false, reason: "notPeer" });
    expect((await changePeer(db, kabid, planId, { action: "add", peerOfficerId: rekan.officerId! })).ok).toBe(true);
    expect(await changePeer(db, head, planId, { action: "add", peerOfficerId: rekan.officerId! })).toEqual({
      ok: false,
      reason: "notAssessor",
    });
    expect((await planAccess(db, rekan, planId, { allowPeers: true }))?.peer).toBe(true);
    expect((await submitReview(db, rekan, planId, review("sesuai"))).ok).toBe(true);
    expect(await submitReview(db, rekan, planId, review("di_atas"))).toEqual({ ok: false, reason: "alreadyReviewed" });
    expect((await submitReview(db, petugas, planId, review("di_atas"))).ok).toBe(true);
    expect((await submitReview(db, kabid, planId, review("sesuai"))).ok).toBe(true);
    const kinds = await db.selectFrom("skp_reviews").select("kind").distinct().where("plan_id", "=", planId).execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(["peer", "self", "supervisor"]);
  });

  it("refuses a departure from the evidence without a justification and changes nothing", async () => {
    const pack = await evidencePack(db, planId, context.now);
    // 112 of 100 → 112 %: di atas; the portal indicator is unknown until the ratings feature provides it.
    expect(pack.suggestions.hasilKerja).toMatchObject({ kind: "suggested", rating: "di_atas" });
    expect(pack.suggestions.perilaku).toMatchObject({ kind: "suggested", rating: "sesuai" });
    expect(pack.service).toMatchObject({ available: true, value: { score: { kind: "insufficient" } } });
    // Not before the period's last day (31 March), in the agency's time zone.
    expect(
      await finaliseAssessment(
        db,
        kabid,
        planId,
        { ratingHasilKerja: "di_atas", ratingPerilaku: "sesuai", justificationHasilKerja: "", justificationPerilaku: "" },
        new Date("2021-03-30T16:59:00Z"),
      ),
    ).toEqual({ ok: false, reason: "periodNotOver" });
    const refused = await finaliseAssessment(
      db,
      kabid,
      planId,
      { ratingHasilKerja: "sesuai", ratingPerilaku: "sesuai", justificationHasilKerja: "", justificationPerilaku: "" },
      context.now,
    );
    expect(refused).toEqual({
      ok: false,
      reason: "invalid",
      errors: { justificationHasilKerja: "assessments.errors.justificationRequired" },
    });
    expect(
      await finaliseAssessment(
        db,
        head,
        planId,
        {
          ratingHasilKerja: "di_atas",
          ratingPerilaku: "sesuai",
          justificationHasilKerja: "",
          justificationPerilaku: "",
        },
        context.now,
      ),
    ).toEqual({ ok: false, reason: "notAssessor" });
    expect(await db.selectFrom("assessments").select("id").where("plan_id", "=", planId).execute()).toEqual([]);
  });

  it("finalises with a frozen snapshot; an amendment is version 2 and version 1 stays as it was", async () => {
    const finalised = await finaliseAssessment(
      db,
      kabid,
      planId,
      { ratingHasilKerja: "di_atas", ratingPerilaku: "sesuai", justificationHasilKerja: "", justificationPerilaku: "" },
      context.now,
    );
    expect(finalised).toMatchObject({ ok: true, predikat: "baik" });
    const before = await db
      .selectFrom("assessments")
      .selectAll()
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow();
    // Later evidence does not change the frozen record.
    await addAchievement(
      db,
      petugas,
      planId,
      { achievedOn: "2021-03-30", description: "Tambahan", resultId: null, quantity: null, file: null },
      context,
    );
    await expect(sql`update assessments set predikat = 'sangat_baik'`.execute(db)).rejects.toThrow(/frozen/);
    const amended = await amendAssessment(
      db,
      kabid,
      planId,
      {
        ratingHasilKerja: "di_atas",
        ratingPerilaku: "di_atas",
        justificationHasilKerja: "",
        justificationPerilaku: JUSTIFIED,
        reason: "Ulasan rekan kerja belum dibaca.",
      },
      context.now,
    );
    expect(amended).toMatchObject({ ok: true, version: 2 });
    const versions = await assessmentVersions(db, planId);
    expect(versions.map((v) => [v.version, v.predikat])).toEqual([
      [2, "sangat_baik"],
      [1, "baik"],
    ]);
    const v1 = await db.selectFrom("assessments").selectAll().where("id", "=", before.id).executeTakeFirstOrThrow();
    expect(v1).toEqual(before);
    expect((v1.evidence as { achievements: { count: number } }).achievements.count).toBe(1);
    expect(versions[0]!.evidence.achievements.count).toBe(2);
  });

  it("lets the officer object within 14 days; only the assessor's supervisor decides, and that is final", async () => {
    const received = (await assessmentVersions(db, planId))[0]!.finalisedAt;
    const day15 = new Date(received.getTime() + 16 * 86_400_000);
    expect(
      await respondToAssessment(db, petugas, planId, { kind: "objected", reason: "Ulasan rekan tidak sesuai." }, day15),
    ).toEqual({ ok: false, reason: "windowClosed" });
    expect(await respondToAssessment(db, kabid, planId, { kind: "objected", reason: "x" }, context.now)).toEqual({
      ok: false,
      reason: "notYours",
    });
    expect(
      (
        await respondToAssessment(
          db,
          petugas,
          planId,
          { kind: "objected", reason: "Target perekaman terlampaui jauh." },
          context.now,
        )
      ).ok,
    ).toBe(true);
    expect(
      await amendAssessment(
        db,
        kabid,
        planId,
        {
          ratingHasilKerja: "sesuai",
          ratingPerilaku: "sesuai",
          justificationHasilKerja: JUSTIFIED,
          justificationPerilaku: JUSTIFIED,
          reason: "x",
        },
        context.now,
      ),
    ).toEqual({ ok: false, reason: "objectionPending" });
    expect(await decideObjection(db, kabid, planId, { outcome: "rejected", reason: "Tidak." }, context.now)).toEqual({
      ok: false,
      reason: "notDecider",
    });
    expect(await decideObjection(db, sorong, planId, { outcome: "rejected", reason: "Tidak." }, context.now)).toEqual({
      ok: false,
      reason: "notDecider",
    });
    const decided = await decideObjection(
      db,
      head,
      planId,
      {
        outcome: "upheld",
        reason: "Capaian kerja memang di atas target.",
        ratingHasilKerja: "di_atas",
        ratingPerilaku: "di_atas",
      },
      context.now,
    );
    expect(decided.ok).toBe(true);
    expect(await decideObjection(db, head, planId, { outcome: "rejected", reason: "x" }, context.now)).toEqual({
      ok: false,
      reason: "notObjected",
    });
    expect(await respondToAssessment(db, petugas, planId, { kind: "objected", reason: "lagi" }, context.now)).toEqual({
      ok: false,
      reason: "decisionIsFinal",
    });
    const versions = await assessmentVersions(db, planId);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0]!.finalByDecision).toBe(true);
    expect(versions[1]!.decisionOutcome).toBe("upheld");
  });

  it("accepts training into the next period and commends, by the assessor only", async () => {
    expect((await addDevelopment(db, kabid, planId, { kind: "training", topic: "service_competence" }, new Date())).ok).toBe(true);
    expect(
      (
        await addDevelopment(db, kabid, planId, {
          kind: "commendation",
          note: "Jemput bola di sekolah patut dicontoh.",
        }, new Date())
      ).ok,
    ).toBe(true);
    expect(await addDevelopment(db, head, planId, { kind: "commendation", note: "x" }, new Date())).toEqual({
      ok: false,
      reason: "notAssessor",
    });
    const items = await commendationsOf(db, petugas.officerId!);
    expect(items.map((i) => i.kind).sort()).toEqual(["commendation", "training"]);
  });

  it("warns when a unit's finalised predicates break its pattern, and only its supervisors choose the pattern", async () => {
    const unitId = (
      await db.selectFrom("skp_plans").select("unit_id").where("id", "=", planId).executeTakeFirstOrThrow()
    ).unit_id;
    const distribution = await unitDistribution(db, unitId, { kind: "quarterly", start: "2021-01-01" });
    expect(distribution.predikats).toEqual(["sangat_baik"]);
    expect(distribution.pattern).toBe("baik");
    expect(distribution.warnings.map((w) => w.rule)).toEqual(["baik_needs_below_baik"]);
    expect(await setUnitPattern(db, sorong, unitId, "istimewa")).toEqual({ ok: false, reason: "notSupervisor" });
    expect(await setUnitPattern(db, head, unitId, "istimewa")).toEqual({ ok: true });
    expect(
      (await unitDistribution(db, unitId, { kind: "quarterly", start: "2021-01-01" })).warnings.map((w) => w.rule),
    ).toEqual(["istimewa_max_sangat_baik"]);
  });

  it("writes every step to the audit log, and the chain verifies", async () => {
    const actions = await db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "skp_plan")
      .where("subject_id", "=", String(planId))
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "skp.plan.create",
      "skp.result.add",
      "skp.result.add",
      "skp.plan.submit",
      "skp.plan.return",
      "skp.behaviours.save",
      "skp.plan.submit",
      "skp.plan.approve",
      "skp.achievement.add",
      "skp.peer.add",
      "skp.review.submit",
      "skp.review.submit",
      "skp.review.submit",
      "assessment.finalise",
      "skp.achievement.add",
      "assessment.amend",
      "assessment.object",
      "assessment.objection.decide",
      "development.training.accept",
      "development.commendation",
    ]);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});
