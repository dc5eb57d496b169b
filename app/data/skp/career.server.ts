import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { PeriodKind } from "~/domain/skp";
import type { Predikat, Rating } from "~/domain/predikat";
import { officerSummary } from "./queries.server";

// An officer's career record across periods, for promotion files: every finalised assessment (its latest version,
// how many versions, how an objection ended), the training accepted for them and the commendations they received.
// Read only.

export interface CareerPeriod {
  planId: number;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  version: number;
  predikat: Predikat;
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  finalisedAt: Date;
  assessorName: string;
  objection: "none" | "open" | "upheld" | "rejected";
}

export async function careerRecord(db: Kysely<Database>, officerId: number) {
  const [officer, periods, development] = await Promise.all([
    officerSummary(db, officerId),
    sql<CareerPeriod>`
      select p.id as "planId", p.period_kind as "periodKind", p.period_start as "periodStart",
        p.period_end as "periodEnd", a.version, a.predikat, a.rating_hasil_kerja as "ratingHasilKerja",
        a.rating_perilaku as "ratingPerilaku", a.finalised_at as "finalisedAt", o.name as "assessorName",
        coalesce((
          select case when d.id is null then 'open' else d.outcome end
          from assessments a1
          join assessment_responses r on r.assessment_id = a1.id and r.kind = 'objected'
          left join objection_decisions d on d.response_id = r.id
          where a1.plan_id = p.id order by r.id desc limit 1
        ), 'none') as objection
      from skp_plans p
      join lateral (select * from assessments x where x.plan_id = p.id order by x.version desc limit 1) a on true
      join officers o on o.id = a.assessor_officer_id
      where p.officer_id = ${officerId}
      order by p.period_start desc, p.period_kind`.execute(db),
    db
      .selectFrom("development_items")
      .leftJoin("skp_plans", "skp_plans.id", "development_items.source_plan_id")
      .select([
        "development_items.id",
        "development_items.kind",
        "development_items.topic",
        "development_items.note",
        "development_items.created_at as createdAt",
        "skp_plans.period_kind as periodKind",
        "skp_plans.period_start as periodStart",
      ])
      .where("development_items.officer_id", "=", officerId)
      .orderBy("development_items.created_at", "desc")
      .orderBy("development_items.id", "desc")
      .execute(),
  ]);
  return {
    officer,
    periods: periods.rows,
    trainings: development.filter((item) => item.kind === "training"),
    commendations: development.filter((item) => item.kind === "commendation"),
  };
}

export type CareerRecord = Awaited<ReturnType<typeof careerRecord>>;
