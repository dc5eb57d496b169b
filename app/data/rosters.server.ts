import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { expandShifts, type DayException, type LocalTime, type WeeklyPattern } from "~/domain/roster";
import { addCalendarDays, type IsoDate } from "~/domain/working-days";
import { appendAudit } from "./audit.server";

// Duty rosters: weekly patterns and single-day exceptions per counter. duty_roster holds the concrete shifts
// generated from them (pattern_id / exception_id say from which), so the counter page, the rating checks and the
// staff pages keep asking one question: who has a shift at this counter now.

type Db = Kysely<Database> | Transaction<Database>;

/** Regenerates one counter's shifts from its patterns and exceptions (shifts entered directly stay). */
export async function rebuildCounterShifts(trx: Db, counterId: number): Promise<void> {
  const counter = await trx
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select("agencies.time_zone as zone")
    .where("counters.id", "=", counterId)
    .executeTakeFirst();
  if (!counter) return;
  const patterns = await patternsOf(trx, counterId);
  const exceptions = await exceptionsOf(trx, counterId);
  const shifts = expandShifts<number>(
    patterns.map((pattern) => ({ id: pattern.id, officer: pattern.officerId, weekdays: pattern.weekdays, starts: pattern.starts, ends: pattern.ends, validFrom: pattern.validFrom, validTo: pattern.validTo })),
    exceptions.map((exception) => ({
      id: exception.id,
      date: exception.date,
      absent: exception.absentOfficerId,
      replacement: exception.replacementOfficerId !== null && exception.starts && exception.ends ? { officer: exception.replacementOfficerId, starts: exception.starts, ends: exception.ends } : null,
    })),
    counter.zone,
  );
  await trx.deleteFrom("duty_roster").where("counter_id", "=", counterId).where((eb) => eb.or([eb("pattern_id", "is not", null), eb("exception_id", "is not", null)])).execute();
  for (let start = 0; start < shifts.length; start += 20_000) {
    const chunk = shifts.slice(start, start + 20_000);
    await sql`
      insert into duty_roster (counter_id, officer_id, starts_at, ends_at, pattern_id, exception_id)
      select ${counterId}, t.officer, t.starts_at, t.ends_at, t.pattern, t.exception
      from unnest(${chunk.map((shift) => shift.officer)}::int[], ${chunk.map((shift) => shift.startsAt.toISOString())}::timestamptz[],
        ${chunk.map((shift) => shift.endsAt.toISOString())}::timestamptz[], ${chunk.map((shift) => shift.patternId)}::int[],
        ${chunk.map((shift) => shift.exceptionId)}::int[]) as t(officer, starts_at, ends_at, pattern, exception)`.execute(trx);
  }
}

export interface PatternView {
  id: number;
  counterId: number;
  officerId: number;
  officerName: string;
  officerNip: string;
  weekdays: number[];
  starts: LocalTime;
  ends: LocalTime;
  validFrom: IsoDate;
  validTo: IsoDate;
}

/** A counter's weekly patterns, current and future first. */
export async function patternsOf(db: Db, counterId: number): Promise<PatternView[]> {
  const rows = await db
    .selectFrom("duty_patterns")
    .innerJoin("officers", "officers.id", "duty_patterns.officer_id")
    .select([
      "duty_patterns.id",
      "duty_patterns.counter_id as counterId",
      "duty_patterns.officer_id as officerId",
      "officers.name as officerName",
      "officers.nip as officerNip",
      "duty_patterns.weekdays",
      sql<string>`to_char(duty_patterns.starts, 'HH24:MI')`.as("starts"),
      sql<string>`to_char(duty_patterns.ends, 'HH24:MI')`.as("ends"),
      "duty_patterns.valid_from as validFrom",
      "duty_patterns.valid_to as validTo",
    ])
    .where("duty_patterns.counter_id", "=", counterId)
    .orderBy("duty_patterns.valid_to", "desc")
    .orderBy("duty_patterns.starts")
    .orderBy("officers.name")
    .execute();
  return rows.map((row) => ({ ...row, weekdays: row.weekdays.map(Number) }));
}

export interface ExceptionView {
  id: number;
  date: IsoDate;
  absentOfficerId: number | null;
  absentName: string | null;
  replacementOfficerId: number | null;
  replacementName: string | null;
  starts: LocalTime | null;
  ends: LocalTime | null;
  note: string;
}

export async function exceptionsOf(db: Db, counterId: number, from?: IsoDate): Promise<ExceptionView[]> {
  let query = db
    .selectFrom("duty_exceptions")
    .leftJoin("officers as absent", "absent.id", "duty_exceptions.absent_officer_id")
    .leftJoin("officers as replacement", "replacement.id", "duty_exceptions.replacement_officer_id")
    .select([
      "duty_exceptions.id",
      "duty_exceptions.on_date as date",
      "duty_exceptions.absent_officer_id as absentOfficerId",
      "absent.name as absentName",
      "duty_exceptions.replacement_officer_id as replacementOfficerId",
      "replacement.name as replacementName",
      sql<string | null>`to_char(duty_exceptions.starts, 'HH24:MI')`.as("starts"),
      sql<string | null>`to_char(duty_exceptions.ends, 'HH24:MI')`.as("ends"),
      "duty_exceptions.note",
    ])
    .where("duty_exceptions.counter_id", "=", counterId);
  if (from) query = query.where("duty_exceptions.on_date", ">=", from);
  return query.orderBy("duty_exceptions.on_date").orderBy("duty_exceptions.id").execute();
}

/** A counter's shifts between two instants, for the roster page's "this week" table. */
export async function shiftsBetween(db: Db, counterId: number, from: Date, to: Date) {
  return db
    .selectFrom("duty_roster")
    .innerJoin("officers", "officers.id", "duty_roster.officer_id")
    .select(["duty_roster.id", "duty_roster.starts_at as startsAt", "duty_roster.ends_at as endsAt", "officers.name as officerName", "duty_roster.exception_id as exceptionId"])
    .where("duty_roster.counter_id", "=", counterId)
    .where("duty_roster.ends_at", ">", from)
    .where("duty_roster.starts_at", "<", to)
    .orderBy("duty_roster.starts_at")
    .orderBy("officers.name")
    .execute();
}

/**
 * Ends patterns on the day before `today` (a pattern that had not started yet is removed), for a retired officer,
 * a retired counter or a pattern taken out of the roster. Returns the counters whose shifts must be rebuilt.
 */
export async function endPatterns(trx: Db, where: { officerId?: number; counterId?: number; patternIds?: number[] }, today: IsoDate): Promise<number[]> {
  const yesterday = addCalendarDays(today, -1);
  let query = trx.selectFrom("duty_patterns").select(["id", "counter_id"]).where("valid_to", ">=", today);
  if (where.officerId !== undefined) query = query.where("officer_id", "=", where.officerId);
  if (where.counterId !== undefined) query = query.where("counter_id", "=", where.counterId);
  if (where.patternIds !== undefined) {
    if (where.patternIds.length === 0) return [];
    query = query.where("id", "in", where.patternIds);
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  await trx.deleteFrom("duty_patterns").where("id", "in", ids).where("valid_from", ">", yesterday).execute();
  await trx.updateTable("duty_patterns").set({ valid_to: yesterday }).where("id", "in", ids).where("valid_from", "<=", yesterday).execute();
  return [...new Set(rows.map((row) => row.counter_id))];
}

export interface NewPattern {
  counterId: number;
  officerId: number;
  weekdays: number[];
  starts: LocalTime;
  ends: LocalTime;
  validFrom: IsoDate;
  validTo: IsoDate;
}

/** Other patterns of the same officer that would put them on duty twice at once. */
export async function officerPatterns(db: Db, officerId: number): Promise<(WeeklyPattern<number> & { counterName: string })[]> {
  const rows = await db
    .selectFrom("duty_patterns")
    .innerJoin("counters", "counters.id", "duty_patterns.counter_id")
    .select([
      "duty_patterns.id",
      "duty_patterns.officer_id as officer",
      "duty_patterns.weekdays",
      "counters.name as counterName",
      sql<string>`to_char(duty_patterns.starts, 'HH24:MI')`.as("starts"),
      sql<string>`to_char(duty_patterns.ends, 'HH24:MI')`.as("ends"),
      "duty_patterns.valid_from as validFrom",
      "duty_patterns.valid_to as validTo",
    ])
    .where("duty_patterns.officer_id", "=", officerId)
    .execute();
  return rows.map((row) => ({ ...row, weekdays: row.weekdays.map(Number) }));
}

export async function addPattern(db: Kysely<Database>, actorUserId: number, pattern: NewPattern): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("duty_patterns")
      .values({ counter_id: pattern.counterId, officer_id: pattern.officerId, weekdays: pattern.weekdays, starts: pattern.starts, ends: pattern.ends, valid_from: pattern.validFrom, valid_to: pattern.validTo })
      .returning("id")
      .executeTakeFirstOrThrow();
    await rebuildCounterShifts(trx, pattern.counterId);
    await appendAudit(trx, { actorUserId, action: "roster.pattern.add", subjectType: "counter", subjectId: pattern.counterId, after: { patternId: row.id, ...pattern } });
    return row.id;
  });
}

export async function removePattern(db: Kysely<Database>, actorUserId: number, counterId: number, patternId: number, today: IsoDate): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const counters = await endPatterns(trx, { counterId, patternIds: [patternId] }, today);
    if (counters.length === 0) return false;
    await rebuildCounterShifts(trx, counterId);
    await appendAudit(trx, { actorUserId, action: "roster.pattern.end", subjectType: "counter", subjectId: counterId, after: { patternId, from: today } });
    return true;
  });
}

export interface NewException {
  counterId: number;
  date: IsoDate;
  absentOfficerId: number | null;
  replacement: { officerId: number; starts: LocalTime; ends: LocalTime } | null;
  note: string;
}

export async function addException(db: Kysely<Database>, actorUserId: number, exception: NewException): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("duty_exceptions")
      .values({
        counter_id: exception.counterId,
        on_date: exception.date,
        absent_officer_id: exception.absentOfficerId,
        replacement_officer_id: exception.replacement?.officerId ?? null,
        starts: exception.replacement?.starts ?? null,
        ends: exception.replacement?.ends ?? null,
        note: exception.note,
        created_by: actorUserId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await rebuildCounterShifts(trx, exception.counterId);
    await appendAudit(trx, { actorUserId, action: "roster.exception.add", subjectType: "counter", subjectId: exception.counterId, after: { exceptionId: row.id, ...exception } });
    return row.id;
  });
}

export async function removeException(db: Kysely<Database>, actorUserId: number, counterId: number, exceptionId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("duty_exceptions").where("id", "=", exceptionId).where("counter_id", "=", counterId).returningAll().executeTakeFirst();
    if (!removed) return false;
    await rebuildCounterShifts(trx, counterId);
    await appendAudit(trx, { actorUserId, action: "roster.exception.remove", subjectType: "counter", subjectId: counterId, before: { exceptionId, date: removed.on_date } });
    return true;
  });
}

export type { DayException };
