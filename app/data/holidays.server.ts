import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../db/schema";
import type { HolidayKind } from "~/domain/complaint-options";
import { createHolidayCalendar, isIsoDate, type HolidayCalendar } from "~/domain/working-days";
import { appendAudit } from "./audit.server";


/**
 * The working-day calendar of an agency: national holidays and collective leave (agency_id null) plus the
 * agency's own regional days. Read on every use, so an administrator's change applies at once.
 */
export async function holidayCalendarFor(db: Kysely<Database>, agencyId: number | null): Promise<HolidayCalendar> {
  const rows = await db
    .selectFrom("holidays")
    .select("date")
    .where((eb) => (agencyId === null ? eb("agency_id", "is", null) : eb.or([eb("agency_id", "is", null), eb("agency_id", "=", agencyId)])))
    .execute();
  return createHolidayCalendar(rows.map((row) => row.date));
}

/** Calendars for several agencies at once, for lists that span agencies. */
export async function holidayCalendarsFor(db: Kysely<Database>, agencyIds: readonly number[]): Promise<Map<number, HolidayCalendar>> {
  const rows = await db
    .selectFrom("holidays")
    .select(["date", "agency_id"])
    .execute();
  const national = rows.filter((row) => row.agency_id === null).map((row) => row.date);
  const calendars = new Map<number, HolidayCalendar>();
  for (const agencyId of new Set(agencyIds)) {
    const own = rows.filter((row) => row.agency_id === agencyId).map((row) => row.date);
    calendars.set(agencyId, createHolidayCalendar([...national, ...own]));
  }
  return calendars;
}

export interface HolidayRow {
  id: number;
  date: string;
  name: string;
  kind: HolidayKind;
  agencyId: number | null;
  agencyName: string | null;
  estimated: boolean;
}

/** A year's holidays: national ones and those of the given agencies. */
export async function holidaysOfYear(db: Kysely<Database>, year: number, agencyIds: readonly number[]): Promise<HolidayRow[]> {
  return db
    .selectFrom("holidays")
    .leftJoin("agencies", "agencies.id", "holidays.agency_id")
    .select([
      "holidays.id",
      "holidays.date",
      "holidays.name",
      "holidays.kind",
      "holidays.agency_id as agencyId",
      "agencies.name as agencyName",
      "holidays.estimated",
    ])
    .where(sql<boolean>`extract(year from holidays.date) = ${year}`)
    .where((eb) =>
      agencyIds.length === 0
        ? eb("holidays.agency_id", "is", null)
        : eb.or([eb("holidays.agency_id", "is", null), eb("holidays.agency_id", "in", agencyIds)]),
    )
    .orderBy("holidays.date")
    .execute();
}

export type HolidayChange = { ok: true } | { ok: false; reason: "invalid_date" | "duplicate" | "not_found" };

export async function addHoliday(
  db: Kysely<Database>,
  actorUserId: number,
  holiday: { date: string; name: string; kind: HolidayKind; agencyId: number | null },
): Promise<HolidayChange> {
  if (!isIsoDate(holiday.date)) return { ok: false, reason: "invalid_date" };
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom("holidays")
      .select("id")
      .where("date", "=", holiday.date)
      .where((eb) => (holiday.agencyId === null ? eb("agency_id", "is", null) : eb("agency_id", "=", holiday.agencyId)))
      .executeTakeFirst();
    if (clash) return { ok: false, reason: "duplicate" } as const;
    const row = await trx
      .insertInto("holidays")
      .values({ date: holiday.date, name: holiday.name, kind: holiday.kind, agency_id: holiday.agencyId, estimated: false })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorUserId, action: "holiday.add", subjectType: "holiday", subjectId: row.id, after: holiday });
    return { ok: true } as const;
  });
}

/** Confirms an estimated entry (the SKB has been published). */
export async function confirmHoliday(db: Kysely<Database>, actorUserId: number, holidayId: number): Promise<HolidayChange> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable("holidays").set({ estimated: false }).where("id", "=", holidayId).returning("id").executeTakeFirst();
    if (!updated) return { ok: false, reason: "not_found" } as const;
    await appendAudit(trx, { actorUserId, action: "holiday.confirm", subjectType: "holiday", subjectId: holidayId });
    return { ok: true } as const;
  });
}

export async function removeHoliday(db: Kysely<Database>, actorUserId: number, holidayId: number): Promise<HolidayChange> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom("holidays")
      .where("id", "=", holidayId)
      .returning(["date", "name", "kind", "agency_id"])
      .executeTakeFirst();
    if (!before) return { ok: false, reason: "not_found" } as const;
    await appendAudit(trx, { actorUserId, action: "holiday.remove", subjectType: "holiday", subjectId: holidayId, before });
    return { ok: true } as const;
  });
}

/** Which agency a holiday belongs to (null: national), for the admin page's scope check. */
export async function holidayAgency(db: Kysely<Database>, holidayId: number): Promise<{ agencyId: number | null } | undefined> {
  return db.selectFrom("holidays").select("agency_id as agencyId").where("id", "=", holidayId).executeTakeFirst();
}

/** The agencies whose top units have these paths, for the regional choices of the holiday page. */
export async function agenciesByRootPaths(db: Kysely<Database>, rootPaths: readonly string[]): Promise<{ agencyId: number; name: string; rootPath: string }[]> {
  if (rootPaths.length === 0) return [];
  const rows = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["agencies.id as agencyId", "agencies.name", "units.path as rootPath"])
    .where("units.parent_id", "is", null)
    .where("units.path", "in", rootPaths)
    .orderBy("agencies.name")
    .execute();
  return rows.map((row) => ({ ...row, rootPath: row.rootPath ?? "" }));
}

/** The top unit's path of an agency, for the scope of its regional days; undefined for an unknown agency. */
export async function agencyRootPath(db: Kysely<Database>, agencyId: number): Promise<string | undefined> {
  const row = await db.selectFrom("units").select("path").where("agency_id", "=", agencyId).where("parent_id", "is", null).executeTakeFirst();
  return row?.path ?? undefined;
}

/** Whose calendar a holiday is on (national, or an agency's by its top unit's path); undefined when it is gone. */
export async function holidayScope(db: Kysely<Database>, holidayId: number): Promise<{ kind: "national" } | { kind: "regional"; agencyRootPath: string } | undefined> {
  const row = await db
    .selectFrom("holidays")
    .leftJoin("units", (join) => join.onRef("units.agency_id", "=", "holidays.agency_id").on("units.parent_id", "is", null))
    .select(["holidays.agency_id as agencyId", "units.path"])
    .where("holidays.id", "=", holidayId)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.agencyId === null ? { kind: "national" } : { kind: "regional", agencyRootPath: row.path ?? "" };
}
