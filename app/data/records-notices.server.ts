import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { formatDay, formatDayRange } from "~/i18n/format";
import { env } from "~/platform/env.server";
import { enqueueMail } from "./mail-outbox.server";
import { notify } from "./notifications.server";
import texts from "../../public/locales/id/records.json";

// What the people of a performance record are told, in the inbox and by e-mail: plan submitted, returned and
// approved, feedback, a peer review requested, an assessment finalised (with the last day to object) and an
// objection decided. Called inside the command's transaction, so the notice and the mail go with the event.
// The mail is in Indonesian (the staff's working language), from the same locale file the inbox shows.

export type RecordNoticeKind = keyof typeof texts.records.inbox;

export interface RecordNotice {
  kind: RecordNoticeKind;
  agencyId: number;
  planId: number;
  /** The officers told; each is reached through their active account (inbox) and its e-mail address. */
  officerIds: readonly number[];
  params: Record<string, string>;
  at: Date;
}

/** The page a notice opens: the assessment for assessment steps, the plan otherwise. */
export function recordNoticePath(kind: string, planId: number | string): string {
  if (kind === "skp_assessment_finalised" || kind === "skp_objection_decided") return `/staf/penilaian/${planId}`;
  if (kind === "skp_review_requested") return `/staf/skp/${planId}/ulasan`;
  return `/staf/skp/${planId}`;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? "");
}

export async function sendRecordNotice(db: Kysely<Database>, notice: RecordNotice): Promise<void> {
  if (notice.officerIds.length === 0) return;
  const people = await db
    .selectFrom("officers")
    .leftJoin("users", (join) => join.onRef("users.officer_id", "=", "officers.id").on("users.active", "=", true))
    .select(["officers.id as officerId", "users.id as userId", "users.email as userEmail", "officers.email as officerEmail"])
    .where("officers.id", "in", [...new Set(notice.officerIds)])
    .execute();
  const params = { ...notice.params, planId: String(notice.planId) };
  await notify(db, {
    userIds: people.flatMap((person) => (person.userId === null ? [] : [person.userId])),
    kind: notice.kind,
    agencyId: notice.agencyId,
    complaintId: null,
    params,
    at: notice.at,
  });
  const mail = texts.records.mail[notice.kind];
  const link = `${env().PUBLIC_BASE_URL ?? ""}${recordNoticePath(notice.kind, notice.planId)}`;
  const body = `${fill(mail.body, params)}\n\n${fill(texts.records.mail.open, { link })}`;
  await enqueueMail(
    db,
    people.flatMap((person) => {
      const to = person.userEmail ?? person.officerEmail;
      return to ? [{ agencyId: notice.agencyId, kind: notice.kind, to, subject: fill(mail.subject, params), text: body, at: notice.at }] : [];
    }),
  );
}

/** The words a notice uses for a plan: "1 Jul – 30 Sep 2026". */
export function periodWords(plan: { period_start: string; period_end: string }): string {
  return formatDayRange("id", plan.period_start, plan.period_end);
}

export function dayWords(day: Date | string, zone: string): string {
  return formatDay("id", day, zone);
}

export function predikatWords(predikat: string): string {
  return (texts.records.predikat as Record<string, string>)[predikat] ?? predikat;
}

export function outcomeWords(outcome: "upheld" | "rejected"): string {
  return texts.records.outcomes[outcome];
}

/** Who a plan's notices are about: the officer's name, the assessor, the period in words, the agency's zone. */
export async function planNoticeContext(db: Kysely<Database>, plan: { officer_id: number; agency_id: number; period_start: string; period_end: string }) {
  const row = await db
    .selectFrom("officers")
    .innerJoin("agencies", "agencies.id", "officers.agency_id")
    .select(["officers.name", "officers.supervisor_id as supervisorId", "agencies.time_zone as timeZone"])
    .where("officers.id", "=", plan.officer_id)
    .executeTakeFirstOrThrow();
  return { officer: row.name, supervisorId: row.supervisorId, timeZone: row.timeZone, period: periodWords(plan) };
}

export async function userDisplayName(db: Kysely<Database>, userId: number): Promise<string> {
  const row = await db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirst();
  return row?.display_name ?? "";
}

/** The officer is told that the assessment is final and until when they may object. */
export async function noticeAssessmentFinalised(
  db: Kysely<Database>,
  plan: { id: number; officer_id: number; agency_id: number; period_start: string; period_end: string },
  input: { predikat: string; assessorUserId: number; objectionClosesAt: Date; at: Date },
): Promise<void> {
  const context = await planNoticeContext(db, plan);
  await sendRecordNotice(db, {
    kind: "skp_assessment_finalised",
    agencyId: plan.agency_id,
    planId: plan.id,
    officerIds: [plan.officer_id],
    params: {
      period: context.period,
      predikat: predikatWords(input.predikat),
      assessor: await userDisplayName(db, input.assessorUserId),
      deadline: dayWords(input.objectionClosesAt, context.timeZone),
    },
    at: input.at,
  });
}

export async function noticeObjectionDecided(
  db: Kysely<Database>,
  plan: { id: number; officer_id: number; agency_id: number; period_start: string; period_end: string },
  input: { outcome: "upheld" | "rejected"; reason: string; at: Date },
): Promise<void> {
  const context = await planNoticeContext(db, plan);
  await sendRecordNotice(db, {
    kind: "skp_objection_decided",
    agencyId: plan.agency_id,
    planId: plan.id,
    officerIds: [plan.officer_id],
    params: { period: context.period, outcome: outcomeWords(input.outcome), reason: input.reason },
    at: input.at,
  });
}
