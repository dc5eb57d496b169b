import type { OfficerNameDisplay } from "~/domain/unit-settings";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Channel } from "../../db/tables/ratings";
import { appendAudit } from "./audit.server";
import { keyedHash } from "~/platform/keyed-hash.server";
import { checkRating, writeRating, type NewRatingRow } from "./rating-batches.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { addCalendarDays, localDateOf } from "~/domain/working-days";
import type { AgencyLimits } from "~/domain/agency-settings";
import {
  abuseFlags,
  BURST_WINDOW_MINUTES,
  elementAnswers,
  extremeValue,
  submissionFingerprint,
  type RatingSubmission,
} from "~/domain/ratings/submission";

export interface CounterContext {
  id: number;
  name: string;
  publicCode: string;
  unitId: number;
  unitName: string;
  agencyId: number;
  agencyName: string;
  timeZone: string;
  /** The agency's own abuse limits (null: the portal's default); see effectiveLimits. */
  agencyLimits?: AgencyLimits;
  /** How the unit shows officers' names on its counter pages (formatOfficerName). */
  officerNameDisplay?: OfficerNameDisplay;
}

// Counters change rarely; each process remembers a code's counter together with the lookup version it was read at
// (cache_versions, moved by triggers in the same transaction as any change to counters, their old codes, units or
// agencies: migration 0022). Every lookup reads the version first (one primary-key row), so a code that another
// process changed or closed is never served from here, whichever process changed it.
const counterCache = new Map<string, { counter: CounterContext | undefined; version: number }>();

async function counterLookupVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("cache_versions").select("version").where("name", "=", "counter_lookup").executeTakeFirstOrThrow();
  return row.version;
}

/** The counter behind a QR code, or undefined when the code is unknown or the counter retired. */
export async function counterByCode(db: Kysely<Database>, code: string): Promise<CounterContext | undefined> {
  if (!/^[a-z0-9]{6,16}$/.test(code)) return undefined;
  const cached = counterCache.get(code);
  if (cached && cached.version === (await counterLookupVersion(db))) return cached.counter;
  // The counter and the version in one statement, so both come from the same snapshot.
  const { counter, version } = await findCounterByCode(db, code);
  if (counterCache.size > 10_000) counterCache.clear();
  counterCache.set(code, { counter, version });
  return counter;
}

/** Forgets cached codes at once in this process (the version check makes every other process re-read them too). */
export function forgetCounterCodes(codes: readonly string[]): void {
  for (const code of codes) counterCache.delete(code);
}

async function findCounterByCode(db: Kysely<Database>, code: string): Promise<{ counter: CounterContext | undefined; version: number }> {
  const row = await db
    .selectFrom("cache_versions")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("counters")
          .innerJoin("units", "units.id", "counters.unit_id")
          .innerJoin("agencies", "agencies.id", "units.agency_id")
          .select([
            "counters.id",
            "counters.name",
            "counters.public_code as publicCode",
            "units.id as unitId",
            "units.name as unitName",
            "agencies.id as agencyId",
            "agencies.name as agencyName",
            "agencies.time_zone as timeZone",
            "agencies.rating_limit_per_device as perDevice",
            "agencies.rating_limit_per_ip as perIp",
            "agencies.kiosk_min_interval_seconds as kioskMinIntervalSeconds",
            "units.officer_name_display as officerNameDisplay",
          ])
          .where("counters.public_code", "=", code)
          .where("counters.retired_at", "is", null)
          .as("c"),
      (join) => join.onTrue(),
    )
    .selectAll("c")
    .select("cache_versions.version")
    .where("cache_versions.name", "=", "counter_lookup")
    .executeTakeFirstOrThrow();
  const { version, perDevice, perIp, kioskMinIntervalSeconds, id, ...rest } = row;
  if (id === null) return { counter: undefined, version };
  const counter = { ...rest, id } as unknown as Omit<CounterContext, "agencyLimits">;
  return { counter: { ...counter, agencyLimits: { perDevice, perIp, kioskMinIntervalSeconds } as AgencyLimits }, version };
}

/** The services offered at a counter and the officers on duty there at `at`, for the rating form. */
export async function counterChoices(db: Kysely<Database>, counterId: number, at: Date) {
  const [services, officers] = await Promise.all([
    db
      .selectFrom("counter_services")
      .innerJoin("services", "services.id", "counter_services.service_id")
      .select(["services.id", "services.name"])
      .where("counter_services.counter_id", "=", counterId)
      .where("services.active", "=", true)
      .orderBy("services.name")
      .execute(),
    officersOnDuty(db, counterId, at),
  ]);
  return { services, officers };
}

export async function officersOnDuty(db: Kysely<Database>, counterId: number, at: Date) {
  return db
    .selectFrom("duty_roster")
    .innerJoin("officers", "officers.id", "duty_roster.officer_id")
    .select(["officers.id", "officers.name"])
    .distinct()
    .where("duty_roster.counter_id", "=", counterId)
    .where("duty_roster.starts_at", "<=", at)
    .where("duty_roster.ends_at", ">", at)
    .where("officers.active", "=", true)
    .orderBy("officers.name")
    .execute();
}

export interface SubmissionContext {
  counter: CounterContext;
  channel: Channel;
  /** When the server received the submission. */
  now: Date;
  /** When the visit happened (the citizen's tap, checked by visitTimeOf); the arrival when not given. */
  visitedAt?: Date;
  deviceId?: string | null;
  ip?: string | null;
  fromStaffSession: boolean;
  kioskToken?: string | null;
  limits: { perDevice: number; perIp: number; kioskMinIntervalSeconds: number };
}

export type SubmitOutcome =
  | { ok: true; ratingId: number; token: string; duplicate: boolean; flagged: boolean; verified: boolean }
  | { ok: false; reason: "unknown_service" | "officer_not_on_duty" | "replayed_key" | "over_limit" | "too_fast"; field?: string };


/**
 * Stores one rating. Answers "ok" only after the commit, so an acknowledged rating is never lost. A retry with
 * the same idempotency key returns the stored rating; the same key with other content is refused.
 */
export async function submitRating(db: Kysely<Database>, submission: RatingSubmission, context: SubmissionContext): Promise<SubmitOutcome> {
  const { counter, now } = context;
  // Everything about the visit (the officer's duty, bursts, the day of the limits and the figures) follows the
  // visit's time; only received_at records the arrival.
  const at = context.visitedAt ?? now;
  const officerId = submission.officer === "unknown" ? null : submission.officer;
  const row = await checkRating(db, {
    counterId: counter.id,
    serviceId: submission.serviceId,
    officerId,
    at,
    burstSince: new Date(at.getTime() - BURST_WINDOW_MINUTES * 60_000),
  });
  if (!row.serviceOk) return { ok: false, reason: "unknown_service", field: "serviceId" };
  if (!row.officerOk) return { ok: false, reason: "officer_not_on_duty", field: "officer" };

  const answers = elementAnswers(submission);
  const newExtreme = extremeValue([submission.quickScore, ...ELEMENT_CODES.map((code) => answers[code])]);
  const flags = abuseFlags({
    recentForOfficer: officerId === null ? 0 : row.burst,
    recentExtremesAtCounter: row.recent.map((scores) => extremeValue(scores)),
    newExtreme,
    fromStaffSession: context.fromStaffSession,
    honeypotFilled: Boolean(submission.website),
  });
  const contentHash = keyedHash("content", submissionFingerprint(submission, counter.id));
  const day = localDateOf(at, counter.timeZone);
  const deviceHash = context.deviceId ? keyedHash("device", context.deviceId) : null;
  const ipHash = context.ip ? keyedHash("ip", context.ip) : null;

  type TxOutcome = SubmitOutcome | { ok: false; reason: "duplicate_key" };
  const values = {
    agency_id: counter.agencyId,
    unit_id: counter.unitId,
    counter_id: counter.id,
    service_id: submission.serviceId,
    officer_id: officerId,
    submitted_at: at,
    received_at: now,
    channel: context.channel,
    kind: submission.kind,
    quick_score: submission.quickScore ?? null,
    u1: answers.U1, u2: answers.U2, u3: answers.U3, u4: answers.U4, u5: answers.U5,
    u6: answers.U6, u7: answers.U7, u8: answers.U8, u9: answers.U9,
    sex: submission.sex ?? null,
    age_band: submission.ageBand ?? null,
    education: submission.education ?? null,
    occupation: submission.occupation ?? null,
    comment: submission.comment ?? null,
    status: flags.length > 0 ? ("flagged" as const) : ("valid" as const),
    flag_reasons: flags,
    idempotency_key: submission.idempotencyKey,
    content_hash: contentHash,
    device_hash: deviceHash,
    ip_hash: ipHash,
  };
  const outcome: TxOutcome = !submission.visitCode && !context.kioskToken
    ? await writeBatched(db, values, day, [
        ...(deviceHash ? [{ key: `d:${deviceHash}`, cap: context.limits.perDevice }] : []),
        ...(ipHash ? [{ key: `i:${ipHash}`, cap: context.limits.perIp }] : []),
      ])
    : await db.transaction().execute(async (trx): Promise<TxOutcome> => {
    const overLimit = await countTowardsLimits(trx, counter.id, day, { deviceHash, ipHash, kioskToken: context.kioskToken ?? null }, context, at);
    if (overLimit) return { ok: false, reason: overLimit };

    let verified = false;
    if (submission.visitCode) {
      const claimed = await trx
        .updateTable("visit_codes")
        .set({ used_at: now })
        .where("counter_id", "=", counter.id)
        .where("day", "=", day)
        .where("code", "=", submission.visitCode)
        .where("used_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      verified = Boolean(claimed);
    }
    const inserted = await trx
      .insertInto("ratings")
      .values({ ...values, verified })
      .onConflict((oc) => oc.column("idempotency_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      // Undo this attempt's limit counts and visit-code claim: the rating is already stored (or the key is reused).
      throw new DuplicateKey();
    }
    if (verified && submission.visitCode) {
      await trx
        .updateTable("visit_codes")
        .set({ rating_id: inserted.id })
        .where("counter_id", "=", counter.id)
        .where("day", "=", day)
        .where("code", "=", submission.visitCode)
        .execute();
    }
    return { ok: true, ratingId: inserted.id, token: submission.idempotencyKey, duplicate: false, flagged: flags.length > 0, verified };
  }).catch((error: unknown) => {
    if (error instanceof DuplicateKey) return { ok: false as const, reason: "duplicate_key" as const };
    throw error;
  });

  if (outcome.ok) return outcome;
  if (outcome.reason === "duplicate_key") {
    const existing = await db
      .selectFrom("ratings")
      .select(["id", "content_hash", "status", "verified"])
      .where("idempotency_key", "=", submission.idempotencyKey)
      .executeTakeFirstOrThrow();
    if (existing.content_hash !== contentHash) return { ok: false, reason: "replayed_key" };
    return { ok: true, ratingId: existing.id, token: submission.idempotencyKey, duplicate: true, flagged: existing.status === "flagged", verified: existing.verified };
  }
  if (outcome.reason === "over_limit" || outcome.reason === "too_fast") {
    await db
      .insertInto("rating_refusals")
      .values({ counter_id: counter.id, day, reason: outcome.reason, count: 1 })
      .onConflict((oc) => oc.columns(["counter_id", "day", "reason"]).doUpdateSet({ count: sql`rating_refusals.count + 1` }))
      .execute();
  }
  return outcome;
}

class DuplicateKey extends Error {}

async function countTowardsLimits(
  trx: Kysely<Database>,
  counterId: number,
  day: string,
  keys: { deviceHash: string | null; ipHash: string | null; kioskToken: string | null },
  context: SubmissionContext,
  at: Date,
): Promise<"over_limit" | "too_fast" | null> {
  if (keys.kioskToken) {
    // A kiosk is one shared device: no daily cap, but a pause between two ratings.
    const key = `kiosk:${keys.kioskToken}`;
    const previous = await trx
      .selectFrom("rating_limits")
      .select("last_at")
      .where("counter_id", "=", counterId)
      .where("day", "=", day)
      .where("key_hash", "=", key)
      .forUpdate()
      .executeTakeFirst();
    // Visits closer together than the pause are too fast, in whichever order a queue delivers them.
    if (previous && Math.abs(at.getTime() - previous.last_at.getTime()) < context.limits.kioskMinIntervalSeconds * 1000) return "too_fast";
    await upsertLimit(trx, counterId, day, key, at);
    return null;
  }
  const rows: { key: string; limit: number }[] = [];
  if (keys.deviceHash) rows.push({ key: `d:${keys.deviceHash}`, limit: context.limits.perDevice });
  if (keys.ipHash) rows.push({ key: `i:${keys.ipHash}`, limit: context.limits.perIp });
  for (const { key, limit } of rows) {
    const count = await upsertLimit(trx, counterId, day, key, at);
    if (count > limit) return "over_limit";
  }
  return null;
}

async function upsertLimit(trx: Kysely<Database>, counterId: number, day: string, key: string, at: Date): Promise<number> {
  const result = await trx
    .insertInto("rating_limits")
    .values({ counter_id: counterId, day, key_hash: key, count: 1, last_at: at })
    .onConflict((oc) =>
      oc.columns(["counter_id", "day", "key_hash"]).doUpdateSet({ count: sql`rating_limits.count + 1`, last_at: sql`greatest(rating_limits.last_at, ${at})` }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return result.count;
}

/** The rating a thank-you page or full-survey follow-up refers to, by its unguessable token. */
export async function ratingByToken(db: Kysely<Database>, token: string) {
  if (!/^[0-9a-f-]{36}$/i.test(token)) return undefined;
  return db
    .selectFrom("ratings")
    .select(["id", "counter_id", "service_id", "officer_id", "kind", "submitted_at", "upgraded_at", "status", "verified", "channel"])
    .where("idempotency_key", "=", token)
    .executeTakeFirst();
}

/**
 * Adds the nine SKM answers and the profile to a quick rating (the thank-you page's offer), once and within
 * two hours, so the same visit is not counted twice.
 */
export async function completeQuickRating(
  db: Kysely<Database>,
  token: string,
  submission: RatingSubmission,
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "already_completed" | "too_late" }> {
  const rating = await ratingByToken(db, token);
  if (!rating) return { ok: false, reason: "not_found" };
  if (rating.kind === "full" || rating.upgraded_at) return { ok: false, reason: "already_completed" };
  if (now.getTime() - rating.submitted_at.getTime() > 2 * 3_600_000) return { ok: false, reason: "too_late" };
  const answers = elementAnswers(submission);
  await db
    .updateTable("ratings")
    .set({
      kind: "full",
      u1: answers.U1, u2: answers.U2, u3: answers.U3, u4: answers.U4, u5: answers.U5,
      u6: answers.U6, u7: answers.U7, u8: answers.U8, u9: answers.U9,
      sex: submission.sex ?? null,
      age_band: submission.ageBand ?? null,
      education: submission.education ?? null,
      occupation: submission.occupation ?? null,
      comment: sql`coalesce(${submission.comment ?? null}, comment)`,
      upgraded_at: now,
    })
    .where("id", "=", rating.id)
    .where("upgraded_at", "is", null)
    .execute();
  return { ok: true };
}

/** A kiosk for one counter, opened by a supervisor of its unit; the token lives in the tablet's cookie. */
export async function openKiosk(db: Kysely<Database>, counterId: number, userId: number, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("kiosk_sessions").values({ token, counter_id: counterId, opened_by: userId }).execute();
    await appendAudit(trx, { actorUserId: userId, action: "kiosk.open", subjectType: "counter", subjectId: counterId });
  });
}

export async function kioskIsOpen(db: Kysely<Database>, token: string | null, counterId: number): Promise<boolean> {
  if (!token) return false;
  const row = await db
    .selectFrom("kiosk_sessions")
    .select("token")
    .where("token", "=", token)
    .where("counter_id", "=", counterId)
    .where("closed_at", "is", null)
    .executeTakeFirst();
  return Boolean(row);
}

const VISIT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** Issues `count` one-time visit codes for a counter and day (printed on tickets or shown on a screen). */
export async function issueVisitCodes(db: Kysely<Database>, counterId: number, day: string, count: number, userId: number, randomInt: (max: number) => number) {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = "";
    for (let i = 0; i < 6; i++) code += VISIT_CODE_ALPHABET[randomInt(VISIT_CODE_ALPHABET.length)];
    codes.add(code);
  }
  await db
    .insertInto("visit_codes")
    .values([...codes].map((code) => ({ counter_id: counterId, day, code, created_by: userId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function visitCodesOf(db: Kysely<Database>, counterId: number, day: string) {
  return db
    .selectFrom("visit_codes")
    .select(["code", "used_at as usedAt"])
    .where("counter_id", "=", counterId)
    .where("day", "=", day)
    .orderBy("id")
    .execute();
}

export async function counterForStaff(db: Kysely<Database>, counterId: number) {
  return db
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select([
      "counters.id",
      "counters.name",
      "counters.public_code as publicCode",
      "counters.retired_at as retiredAt",
      "units.id as unitId",
      "units.name as unitName",
      "agencies.name as agencyName",
      "agencies.time_zone as timeZone",
    ])
    .where("counters.id", "=", counterId)
    .executeTakeFirst();
}

export async function refusalsOf(db: Kysely<Database>, counterId: number, day: string) {
  return db.selectFrom("rating_refusals").select(["reason", "count"]).where("counter_id", "=", counterId).where("day", "=", day).execute();
}

/** Per-device and per-IP counters only matter for their own day; yesterday's are deleted. */
export async function pruneRatingLimits(db: Kysely<Database>, at: Date): Promise<void> {
  const cutoff = addCalendarDays(localDateOf(at), -2);
  await db.deleteFrom("rating_limits").where("day", "<", cutoff).execute();
}


/**
 * The common case (no visit code, no kiosk): counted towards the daily limits and inserted in one statement,
 * batched with other submissions arriving at the same moment. A retry of a stored rating gives its counts back.
 */
async function writeBatched(
  db: Kysely<Database>,
  values: NewRatingRow,
  day: string,
  limits: { key: string; cap: number }[],
): Promise<SubmitOutcome | { ok: false; reason: "duplicate_key" | "over_limit" }> {
  const result = await writeRating(db, { row: values, day, limits });
  if (result.kind === "over_limit") return { ok: false, reason: "over_limit" };
  if (result.kind === "key_taken") {
    if (limits.length > 0) {
      await db
        .updateTable("rating_limits")
        .set({ count: sql`count - 1` })
        .where("counter_id", "=", values.counter_id)
        .where("day", "=", day)
        .where("key_hash", "in", limits.map((limit) => limit.key))
        .execute();
    }
    return { ok: false, reason: "duplicate_key" };
  }
  return { ok: true, ratingId: result.id, token: values.idempotency_key, duplicate: false, flagged: values.status === "flagged", verified: false };
}
