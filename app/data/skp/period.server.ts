import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { BERAKHLAK_VALUES } from "~/domain/berakhlak";
import { isWithinPeriod } from "~/domain/skp";
import { checkEvidenceFile, safeFileName } from "~/domain/skp-evidence";
import { checkAchievementDay } from "~/domain/record-timing";
import { localDateOf } from "~/domain/working-days";
import type { BehaviourReview } from "~/domain/peer-reviews";
import { fileStore, type StoredFile } from "~/platform/file-store.server";
import { hasFinalAssessment, lockedPlan, officerAccess, planById, reviewKindFor, type Viewer } from "./access.server";
import { planNoticeContext, sendRecordNotice, userDisplayName } from "../records-notices.server";
import { audit, type CommandResult } from "./commands.server";
import { announceAchievementChange } from "./team.server";
import { agencyRecordRules } from "./timing.server";

// During the period: achievements with evidence, continuous feedback, peers and 360 reviews. Each command
// opens one transaction (addAchievement after storing its file, addFeedback, changePeer, submitReview).

export interface AchievementInput {
  achievedOn: string;
  description: string;
  resultId: number | null;
  quantity: number | null;
  file: { name: string; content: Uint8Array } | null;
}

/**
 * The officer logs an achievement during the period of an approved plan, with an optional evidence file.
 * The file is stored outside public/ under `evidenceDir` and served only through the guarded route.
 */
export async function addAchievement(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: AchievementInput,
  context: { now: Date; timeZone: string; evidenceDir: string },
): Promise<CommandResult<{ achievementId: number }>> {
  const plan = await planById(db, planId);
  if (!plan) return { ok: false, reason: "notYours" };
  if (plan.officerId !== actor.officerId) return { ok: false, reason: "notYours" };
  if (plan.status !== "approved") return { ok: false, reason: "wrongStatus" };
  if (!isWithinPeriod({ start: plan.periodStart, end: plan.periodEnd }, input.achievedOn))
    return { ok: false, reason: "outsidePeriod" };
  const rules = await agencyRecordRules(db, plan.agencyId);
  const day = checkAchievementDay(input.achievedOn, localDateOf(context.now, context.timeZone), rules.backdateDays);
  if (!day.ok) return { ok: false, reason: day.reason };
  if (input.resultId !== null) {
    const result = await db
      .selectFrom("skp_results")
      .select("id")
      .where("id", "=", input.resultId)
      .where("plan_id", "=", planId)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    if (!result) return { ok: false, reason: "unknownResult" };
  }
  let stored: { file: string; name: string; mime: string; bytes: number; written: StoredFile } | null = null;
  if (input.file) {
    const check = checkEvidenceFile(input.file.content);
    if (!check.ok) {
      return {
        ok: false,
        reason:
          check.reason === "empty"
            ? "evidenceEmpty"
            : check.reason === "tooLarge"
              ? "evidenceTooLarge"
              : "evidenceWrongType",
      };
    }
    const written = await fileStore(context.evidenceDir).put(input.file.content, {
      folders: [String(plan.agencyId), String(planId)],
      extension: check.extension,
    });
    stored = {
      file: written.key,
      name: safeFileName(input.file.name, check.extension),
      mime: check.mime,
      bytes: written.bytes,
      written,
    };
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("skp_achievements")
        .values({
          agency_id: plan.agencyId,
          plan_id: planId,
          result_id: input.resultId,
          achieved_on: input.achievedOn,
          description: input.description,
          quantity: input.quantity,
          evidence_file: stored?.file ?? null,
          evidence_name: stored?.name ?? null,
          evidence_mime: stored?.mime ?? null,
          evidence_bytes: stored?.bytes ?? null,
          created_by_user_id: actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(trx, actor, planId, "skp.achievement.add", undefined, {
        id: row.id,
        achievedOn: input.achievedOn,
        description: input.description,
        resultId: input.resultId,
        quantity: input.quantity,
        evidence: stored ? { name: stored.name, mime: stored.mime, bytes: stored.bytes } : null,
      });
      await announceAchievementChange(trx, plan.officerId);
      return { ok: true as const, achievementId: row.id };
    });
  } catch (error) {
    if (stored) await fileStore(context.evidenceDir).remove([stored.written]);
    throw error;
  }
}

/** Continuous feedback: any supervisor in the officer's chain (the assessor first of all). */
export async function addFeedback(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: { body: string; achievementId: number | null },
  now: Date = new Date(),
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const access = await officerAccess(trx, actor, plan.officer_id);
    if (!access?.inChain) return { ok: false, reason: "notAssessor" };
    if (input.achievementId !== null) {
      const found = await trx
        .selectFrom("skp_achievements")
        .select("id")
        .where("id", "=", input.achievementId)
        .where("plan_id", "=", planId)
        .executeTakeFirst();
      if (!found) return { ok: false, reason: "unknownResult" };
    }
    const row = await trx
      .insertInto("skp_feedback")
      .values({ plan_id: planId, achievement_id: input.achievementId, author_user_id: actor.id, body: input.body, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, planId, "skp.feedback.add", undefined, {
      id: row.id,
      achievementId: input.achievementId,
      body: input.body,
    });
    const context = await planNoticeContext(trx, plan);
    await sendRecordNotice(trx, {
      kind: "skp_feedback",
      agencyId: plan.agency_id,
      planId,
      officerIds: [plan.officer_id],
      params: { author: await userDisplayName(trx, actor.id), period: context.period, body: input.body },
      at: now,
    });
    await announceAchievementChange(trx, plan.officer_id);
    return { ok: true };
  });
}

/** The assessor chooses (or drops, before they have reviewed) peer reviewers from the officer's unit. */
export async function changePeer(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  change: { action: "add" | "remove"; peerOfficerId: number },
  now: Date = new Date(),
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const access = await officerAccess(trx, actor, plan.officer_id);
    if (!access?.assessor) return { ok: false, reason: "notAssessor" };
    if (await hasFinalAssessment(trx, planId)) return { ok: false, reason: "alreadyFinal" };
    if (change.action === "add") {
      const candidate = await trx
        .selectFrom("officers")
        .select("id")
        .where("id", "=", change.peerOfficerId)
        .where("unit_id", "=", plan.unit_id)
        .where("active", "=", true)
        .where("id", "!=", plan.officer_id)
        .where("id", "!=", actor.officerId!)
        .executeTakeFirst();
      if (!candidate) return { ok: false, reason: "invalidPeer" };
      const added = await trx
        .insertInto("skp_peers")
        .values({ plan_id: planId, peer_officer_id: change.peerOfficerId, chosen_by_user_id: actor.id })
        .onConflict((oc) => oc.columns(["plan_id", "peer_officer_id"]).doNothing())
        .returning("plan_id")
        .executeTakeFirst();
      if (added) {
        const context = await planNoticeContext(trx, plan);
        await sendRecordNotice(trx, { kind: "skp_review_requested", agencyId: plan.agency_id, planId, officerIds: [change.peerOfficerId], params: { officer: context.officer, period: context.period }, at: now });
      }
    } else {
      const reviewed = await trx
        .selectFrom("skp_reviews")
        .select("id")
        .where("plan_id", "=", planId)
        .where("reviewer_officer_id", "=", change.peerOfficerId)
        .executeTakeFirst();
      if (reviewed) return { ok: false, reason: "peerReviewed" };
      await trx
        .deleteFrom("skp_peers")
        .where("plan_id", "=", planId)
        .where("peer_officer_id", "=", change.peerOfficerId)
        .execute();
    }
    await audit(trx, actor, planId, change.action === "add" ? "skp.peer.add" : "skp.peer.remove", undefined, {
      peerOfficerId: change.peerOfficerId,
    });
    return { ok: true };
  });
}

export type ReviewInput = BehaviourReview;

/**
 * A 360 review of the seven values: self (the officer), peer (chosen by the assessor) or supervisor (the
 * assessor). Once per reviewer and plan, on an approved plan not yet assessed.
 */
export async function submitReview(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: ReviewInput,
): Promise<CommandResult> {
  if (actor.officerId === null) return { ok: false, reason: "notPeer" };
  const reviewerId = actor.officerId;
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    if (plan.status !== "approved") return { ok: false, reason: "wrongStatus" };
    if (await hasFinalAssessment(trx, planId)) return { ok: false, reason: "alreadyFinal" };
    const kind = await reviewKindFor(trx, actor, plan);
    if (!kind) return { ok: false, reason: "notPeer" };
    const existing = await trx
      .selectFrom("skp_reviews")
      .select("id")
      .where("plan_id", "=", planId)
      .where("reviewer_officer_id", "=", reviewerId)
      .executeTakeFirst();
    if (existing) return { ok: false, reason: "alreadyReviewed" };
    const rows = BERAKHLAK_VALUES.map((value) => ({
      plan_id: planId,
      reviewer_officer_id: reviewerId,
      kind,
      value,
      rating: input[value].rating,
      justification: input[value].justification,
    }));
    await trx.insertInto("skp_reviews").values(rows).execute();
    await audit(trx, actor, planId, "skp.review.submit", undefined, {
      kind,
      reviewerOfficerId: reviewerId,
      ratings: rows.map((r) => [r.value, r.rating]),
    });
    return { ok: true };
  });
}
