import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { BERAKHLAK_VALUES, type BerakhlakValue } from "~/domain/berakhlak";
import type { Rating } from "~/domain/predikat";
import { addCalendarDays } from "~/domain/working-days";
import { dataFolder, fileStore } from "~/platform/file-store.server";
import { CHAIN_DEPTH_LIMIT, officerAccess, planColumns, supervisorChain, type PlanRow, type Viewer } from "./access.server";

// What the SKP pages show: an officer's plans, a plan's results, achievements, feedback, peers and reviews,
// the supervisor's list, evidence files, peer review requests. Read only: no transaction.

export async function plansOfOfficer(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("skp_plans")
    .select(planColumns)
    .select((eb) => [
      eb
        .selectFrom("assessments")
        .select("assessments.predikat")
        .whereRef("assessments.plan_id", "=", "skp_plans.id")
        .orderBy("assessments.version", "desc")
        .limit(1)
        .as("predikat"),
    ])
    .where("skp_plans.officer_id", "=", officerId)
    .orderBy("skp_plans.period_start", "desc")
    .orderBy("skp_plans.period_kind")
    .execute();
}

export async function officerSummary(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .innerJoin("agencies", "agencies.id", "officers.agency_id")
    .leftJoin("officers as supervisor", "supervisor.id", "officers.supervisor_id")
    .select([
      "officers.id",
      "officers.name",
      "officers.nip",
      "officers.position",
      "officers.rank",
      "officers.unit_id as unitId",
      "units.name as unitName",
      "agencies.name as agencyName",
      "agencies.time_zone as timeZone",
      "supervisor.id as supervisorId",
      "supervisor.name as supervisorName",
    ])
    .where("officers.id", "=", officerId)
    .executeTakeFirstOrThrow();
}

/** A plan's work results in their order, without the removed ones. */
export function activeResults(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom("skp_results")
    .select([
      "id",
      "position",
      "description",
      "indicator",
      "target",
      "unit_of_measure as unitOfMeasure",
      "portal_indicator as portalIndicator",
    ])
    .where("plan_id", "=", planId)
    .where("removed_at", "is", null)
    .orderBy("position")
    .execute();
}

export async function planDetail(db: Kysely<Database>, planId: number) {
  const [results, behaviours, achievements, feedback, peers, reviews] = await Promise.all([
    activeResults(db, planId),
    db.selectFrom("skp_behaviours").select(["value", "expectation"]).where("plan_id", "=", planId).execute(),
    db
      .selectFrom("skp_achievements")
      .leftJoin("skp_results", "skp_results.id", "skp_achievements.result_id")
      .select([
        "skp_achievements.id",
        "skp_achievements.achieved_on as achievedOn",
        "skp_achievements.description",
        "skp_achievements.quantity",
        "skp_achievements.result_id as resultId",
        "skp_results.indicator as resultIndicator",
        "skp_achievements.evidence_name as evidenceName",
        "skp_achievements.evidence_mime as evidenceMime",
        "skp_achievements.created_at as createdAt",
      ])
      .where("skp_achievements.plan_id", "=", planId)
      .orderBy("skp_achievements.achieved_on", "desc")
      .orderBy("skp_achievements.id", "desc")
      .execute(),
    db
      .selectFrom("skp_feedback")
      .innerJoin("users", "users.id", "skp_feedback.author_user_id")
      .select([
        "skp_feedback.id",
        "skp_feedback.achievement_id as achievementId",
        "skp_feedback.body",
        "skp_feedback.created_at as createdAt",
        "users.display_name as author",
      ])
      .where("skp_feedback.plan_id", "=", planId)
      .orderBy("skp_feedback.id", "desc")
      .execute(),
    db
      .selectFrom("skp_peers")
      .innerJoin("officers", "officers.id", "skp_peers.peer_officer_id")
      .select(["officers.id", "officers.name", "officers.position"])
      .where("skp_peers.plan_id", "=", planId)
      .orderBy("officers.name")
      .execute(),
    db
      .selectFrom("skp_reviews")
      .leftJoin("officers", "officers.id", "skp_reviews.reviewer_officer_id")
      .leftJoin("skp_peer_links", "skp_peer_links.id", "skp_reviews.peer_link_id")
      .select((eb) => [
        // One key per reviewer: an officer, or a peer without an account through their link.
        eb
          .case()
          .when("skp_reviews.peer_link_id", "is not", null)
          .then(sql<string>`'link:' || skp_reviews.peer_link_id`)
          .else(sql<string>`'officer:' || skp_reviews.reviewer_officer_id`)
          .end()
          .as("reviewerKey"),
        "skp_reviews.reviewer_officer_id as reviewerId",
        eb.fn.coalesce("officers.name", "skp_peer_links.peer_name").as("reviewerName"),
        sql<boolean>`skp_reviews.peer_link_id is not null`.as("viaLink"),
        "skp_reviews.kind",
        "skp_reviews.value",
        "skp_reviews.rating",
        "skp_reviews.justification",
        "skp_reviews.created_at as createdAt",
      ])
      .where("skp_reviews.plan_id", "=", planId)
      .orderBy("skp_reviews.kind")
      .orderBy(sql`coalesce(officers.name, skp_peer_links.peer_name)`)
      .orderBy("skp_reviews.id")
      .execute(),
  ]);
  const byValue = new Map(behaviours.map((b) => [b.value, b.expectation]));
  return {
    results,
    behaviours: BERAKHLAK_VALUES.map((value) => ({ value, expectation: byValue.get(value) ?? "" })),
    achievements,
    feedback,
    peers,
    reviews: reviews as (Omit<(typeof reviews)[number], "value" | "rating"> & {
      value: BerakhlakValue;
      rating: Rating;
    })[],
  };
}

/** Officers a supervisor may choose as peers: active colleagues in the same unit, not the officer nor the assessor. */
export async function peerCandidates(db: Kysely<Database>, plan: PlanRow, assessorId: number | null) {
  return db
    .selectFrom("officers")
    .select(["id", "name", "position"])
    .where("unit_id", "=", plan.unitId)
    .where("active", "=", true)
    .where("id", "!=", plan.officerId)
    .$if(assessorId !== null, (qb) => qb.where("id", "!=", assessorId!))
    .orderBy("name")
    .execute();
}

/** Plans whose officer the viewer may see as a supervisor (chain or unit role), newest period first. */
export async function plansInSupervisorScope(db: Kysely<Database>, viewer: Viewer) {
  const supervisorPaths = viewer.grants.filter((grant) => grant.role === "supervisor").map((grant) => grant.unitPath);
  const below =
    viewer.officerId === null
      ? []
      : (
          await sql<{ id: number }>`
            with recursive below(id, depth) as (
              select id, 1 from officers where supervisor_id = ${viewer.officerId}
              union all
              select o.id, b.depth + 1 from officers o join below b on o.supervisor_id = b.id where b.depth < ${CHAIN_DEPTH_LIMIT}
            )
            select distinct id from below`.execute(db)
        ).rows.map((row) => row.id);
  if (below.length === 0 && supervisorPaths.length === 0) return [];
  const above = viewer.officerId === null ? [] : await supervisorChain(db, viewer.officerId);
  return db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .leftJoin("skp_plans", "skp_plans.officer_id", "officers.id")
    .select([
      "officers.id as officerId",
      "officers.name as officerName",
      "officers.position",
      "officers.supervisor_id as supervisorId",
      "units.id as unitId",
      "units.name as unitName",
      "skp_plans.id as planId",
      "skp_plans.period_kind as periodKind",
      "skp_plans.period_start as periodStart",
      "skp_plans.period_end as periodEnd",
      "skp_plans.status",
    ])
    .select((eb) => [
      eb
        .selectFrom("assessments")
        .select("assessments.predikat")
        .whereRef("assessments.plan_id", "=", "skp_plans.id")
        .orderBy("assessments.version", "desc")
        .limit(1)
        .as("predikat"),
      eb
        .selectFrom("assessment_responses")
        .innerJoin("assessments", "assessments.id", "assessment_responses.assessment_id")
        .leftJoin("objection_decisions", "objection_decisions.response_id", "assessment_responses.id")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("assessments.plan_id", "=", "skp_plans.id")
        .where("assessment_responses.kind", "=", "objected")
        .where("objection_decisions.id", "is", null)
        .as("openObjections"),
    ])
    .where("officers.active", "=", true)
    .where((eb) =>
      eb.or([
        ...(below.length > 0 ? [eb("officers.id", "in", below)] : []),
        ...supervisorPaths.map((unitPath) => eb("units.path", "like", `${unitPath}%`)),
      ]),
    )
    .where((eb) =>
      viewer.officerId === null ? eb.val(true) : eb("officers.id", "not in", [viewer.officerId, ...above]),
    )
    .orderBy("units.path")
    .orderBy("officers.name")
    .orderBy("skp_plans.period_start", "desc")
    .execute();
}

/** An evidence file, for the guarded download route: only the officer and the supervisors in their chain. */
export async function evidenceFileFor(
  db: Kysely<Database>,
  viewer: Viewer,
  achievementId: number,
  evidenceDir: string,
) {
  const row = await db
    .selectFrom("skp_achievements")
    .innerJoin("skp_plans", "skp_plans.id", "skp_achievements.plan_id")
    .select([
      "skp_plans.officer_id as officerId",
      "skp_achievements.evidence_file as file",
      "skp_achievements.evidence_name as name",
      "skp_achievements.evidence_mime as mime",
    ])
    .where("skp_achievements.id", "=", achievementId)
    .executeTakeFirst();
  if (!row?.file || !row.mime || !row.name) return undefined;
  const access = await officerAccess(db, viewer, row.officerId);
  if (!access || !(access.self || access.inChain)) return undefined;
  const absolute = fileStore(evidenceDir).pathOf(row.file);
  if (!absolute) return undefined;
  return { path: absolute, name: row.name, mime: row.mime };
}

/** The previous period's plan of the same kind, whose accepted training topics this plan carries. */
export async function developmentForPlan(db: Kysely<Database>, plan: PlanRow) {
  const dayBefore = addCalendarDays(plan.periodStart, -1);
  return db
    .selectFrom("development_items")
    .innerJoin("skp_plans", "skp_plans.id", "development_items.source_plan_id")
    .select(["development_items.id", "development_items.kind", "development_items.topic", "development_items.note"])
    .where("development_items.officer_id", "=", plan.officerId)
    .where("development_items.kind", "=", "training")
    .where("skp_plans.period_kind", "=", plan.periodKind)
    .where("skp_plans.period_end", "=", dayBefore)
    .orderBy("development_items.id")
    .execute();
}

/** What every page of a plan shows at the top. */
export async function planHeader(db: Kysely<Database>, plan: PlanRow) {
  const officer = await officerSummary(db, plan.officerId);
  return {
    id: plan.id,
    periodKind: plan.periodKind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status,
    officerName: officer.name,
    officerPosition: officer.position,
    unitName: officer.unitName,
    supervisorName: officer.supervisorName,
    timeZone: officer.timeZone,
  };
}

/** Where evidence files live: outside public/, under DATA_DIR. */
export function evidenceDir(): string {
  return dataFolder("evidence");
}

/** Plans on which the officer was chosen as a peer and has not reviewed yet. */
export async function peerReviewRequests(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("skp_peers")
    .innerJoin("skp_plans", "skp_plans.id", "skp_peers.plan_id")
    .innerJoin("officers", "officers.id", "skp_plans.officer_id")
    .select([
      "skp_plans.id as planId",
      "officers.name as officerName",
      "skp_plans.period_kind as periodKind",
      "skp_plans.period_start as periodStart",
    ])
    .where("skp_peers.peer_officer_id", "=", officerId)
    .where("skp_plans.status", "=", "approved")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("skp_reviews")
            .select("skp_reviews.id")
            .whereRef("skp_reviews.plan_id", "=", "skp_plans.id")
            .where("skp_reviews.reviewer_officer_id", "=", officerId),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("assessments").select("assessments.id").whereRef("assessments.plan_id", "=", "skp_plans.id"),
        ),
      ),
    )
    .orderBy("skp_plans.period_start")
    .execute();
}
