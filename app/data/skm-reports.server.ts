import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { RoleGrant } from "~/domain/access/grants";
import { mayKeepSkmReport } from "~/domain/access/skm-reports";
import type { Period } from "~/domain/indicators/period";
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from "~/domain/ratings/options";
import { appendAudit } from "./audit.server";

/** What the supervisor typed for one unit and period of the SKM report. */
export interface SkmReportTexts {
  recommendations: string;
  previousFollowUp: string;
  updatedAt: Date | null;
}

const EMPTY_TEXTS: SkmReportTexts = { recommendations: "", previousFollowUp: "", updatedAt: null };

export async function skmReportTexts(db: Kysely<Database>, unitId: number, period: Pick<Period, "from" | "to">): Promise<SkmReportTexts> {
  const row = await db
    .selectFrom("skm_reports")
    .select(["recommendations", "previous_follow_up", "updated_at"])
    .where("unit_id", "=", unitId)
    .where("period_from", "=", period.from)
    .where("period_to", "=", period.to)
    .executeTakeFirst();
  return row ? { recommendations: row.recommendations, previousFollowUp: row.previous_follow_up, updatedAt: row.updated_at } : { ...EMPTY_TEXTS };
}

export interface SkmReportActor {
  userId: number;
  grants: readonly RoleGrant[];
}

export type SaveSkmReportResult = { ok: true } | { ok: false; reason: "not_found" };

/**
 * Saves the recommendations and the follow-up for a unit and period (one row per unit and period), audited in
 * the same transaction. A unit outside the actor's supervisor or admin scope is "not_found", like a missing one.
 */
export async function saveSkmReport(
  db: Kysely<Database>,
  actor: SkmReportActor,
  input: { unitId: number; period: Pick<Period, "from" | "to">; recommendations: string; previousFollowUp: string },
): Promise<SaveSkmReportResult> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom("units").select("path").where("id", "=", input.unitId).executeTakeFirst();
    if (!unit || !mayKeepSkmReport(actor.grants, unit.path)) return { ok: false, reason: "not_found" } as const;
    const before = await trx
      .selectFrom("skm_reports")
      .select(["id", "recommendations", "previous_follow_up"])
      .where("unit_id", "=", input.unitId)
      .where("period_from", "=", input.period.from)
      .where("period_to", "=", input.period.to)
      .forUpdate()
      .executeTakeFirst();
    const row = await trx
      .insertInto("skm_reports")
      .values({
        unit_id: input.unitId,
        period_from: input.period.from,
        period_to: input.period.to,
        recommendations: input.recommendations,
        previous_follow_up: input.previousFollowUp,
        updated_by: actor.userId,
      })
      .onConflict((oc) =>
        oc.columns(["unit_id", "period_from", "period_to"]).doUpdateSet({
          recommendations: input.recommendations,
          previous_follow_up: input.previousFollowUp,
          updated_by: actor.userId,
          updated_at: sql<Date>`now()`,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: "skm_report.save",
      subjectType: "skm_report",
      subjectId: row.id,
      before: before ? { recommendations: before.recommendations, previousFollowUp: before.previous_follow_up } : undefined,
      after: { unitId: input.unitId, periodFrom: input.period.from, periodTo: input.period.to, recommendations: input.recommendations, previousFollowUp: input.previousFollowUp },
    });
    return { ok: true } as const;
  });
}

export const PROFILE_DIMENSIONS = [
  { key: "sex", column: "sex", values: SEXES },
  { key: "ageBand", column: "age_band", values: AGE_BANDS },
  { key: "education", column: "education", values: EDUCATIONS },
  { key: "occupation", column: "occupation", values: OCCUPATIONS },
] as const;

export type ProfileDimension = (typeof PROFILE_DIMENSIONS)[number]["key"];

/** Counts per answer of one profile question; `null` counts the respondents who left it blank. */
export interface ProfileTable {
  dimension: ProfileDimension;
  rows: { value: string | null; count: number }[];
  total: number;
}

/**
 * The respondent profile of the SKM report: valid full surveys of the unit's subtree whose local day falls in the
 * period, counted by sex, age band, education and occupation. Every known answer gets a row (zero included), in
 * the order of the questionnaire; blanks come last.
 */
export async function respondentProfile(db: Kysely<Database>, unitId: number, period: Pick<Period, "from" | "to">): Promise<ProfileTable[]> {
  const result = await sql<{ dimension: ProfileDimension; value: string | null; n: number }>`
    with chosen as (
      select r.sex, r.age_band, r.education, r.occupation
      from ratings r join agencies a on a.id = r.agency_id
      where r.unit_id in (select id from units where path like (select path from units where id = ${unitId}) || '%')
        and r.status = 'valid' and r.kind = 'full'
        and (r.submitted_at at time zone a.time_zone)::date between ${period.from} and ${period.to}
    )
    select 'sex' as dimension, sex as value, count(*)::int as n from chosen group by sex
    union all select 'ageBand', age_band, count(*)::int from chosen group by age_band
    union all select 'education', education, count(*)::int from chosen group by education
    union all select 'occupation', occupation, count(*)::int from chosen group by occupation`.execute(db);
  return PROFILE_DIMENSIONS.map(({ key, values }) => {
    const counts = new Map(result.rows.filter((row) => row.dimension === key).map((row) => [row.value, row.n]));
    const known: (string | null)[] = [...values];
    const others = [...counts.keys()].filter((value) => value !== null && !known.includes(value));
    const rows = [...values, ...others].map((value) => ({ value, count: counts.get(value) ?? 0 }));
    const blank = counts.get(null) ?? 0;
    if (blank > 0) rows.push({ value: null, count: blank });
    return { dimension: key, rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
  });
}
