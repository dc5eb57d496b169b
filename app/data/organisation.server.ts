import { officeSearchTerms } from "~/domain/office-search";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { containing } from "./text-search.server";

/** Agencies with their units, optionally filtered by a citizen's search words (name, address or service). */
export async function findOffices(db: Kysely<Database>, query: string) {
  // Each word, or one of its spelled-out forms ("dukcapil" → "kependudukan"), must be found: in a name, the
  // address, a service's name or the other names the agency's administrators gave the unit.
  const terms = officeSearchTerms(query);
  let units = db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select([
      "units.id",
      "units.name",
      "units.slug",
      "units.kind",
      "units.address",
      "agencies.slug as agencySlug",
      "agencies.name as agencyName",
      "agencies.province",
    ])
    // The government's top unit is not an office citizens visit; a retired unit has left the public pages.
    .where("units.parent_id", "is not", null)
    .where("units.retired_at", "is", null);
  for (const forms of terms) {
    const patterns = forms.map(containing);
    units = units.where((eb) =>
      eb.or(
        patterns.flatMap((pattern) => [
          eb(sql`lower(units.name)`, "like", pattern),
          eb(sql`lower(agencies.name)`, "like", pattern),
          eb(sql`lower(coalesce(units.address, ''))`, "like", pattern),
          eb(sql`lower(units.search_names)`, "like", pattern),
          eb.exists(
            eb
              .selectFrom("services")
              .select("services.id")
              .whereRef("services.unit_id", "=", "units.id")
              .where(sql`lower(services.name)`, "like", pattern),
          ),
        ]),
      ),
    );
  }
  return units.orderBy("agencies.name").orderBy("units.path").limit(200).execute();
}

export async function unitBySlugs(db: Kysely<Database>, agencySlug: string, unitSlug: string) {
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select([
      "units.id",
      "units.name",
      "units.kind",
      "units.address",
      "units.path",
      "agencies.name as agencyName",
      "agencies.slug as agencySlug",
      "agencies.time_zone as timeZone",
    ])
    .where("agencies.slug", "=", agencySlug)
    .where("units.slug", "=", unitSlug)
    .where("units.retired_at", "is", null)
    .executeTakeFirst();
}

export async function servicesOfUnit(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("services")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("active", "=", true)
    .orderBy("name")
    .execute();
}

export async function countersOfUnit(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("counters")
    .select(["id", "name", "public_code as publicCode"])
    .where("unit_id", "=", unitId)
    .where("retired_at", "is", null)
    .orderBy("name")
    .execute();
}

/** The units a set of grants covers, for menus and filters. */
export async function unitsUnder(db: Kysely<Database>, unitPaths: string[]) {
  if (unitPaths.length === 0) return [];
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.name", "units.path", "units.kind", "agencies.name as agencyName"])
    .where((eb) => eb.or(unitPaths.map((path) => eb("units.path", "like", `${path}%`))))
    .orderBy("agencies.name")
    .orderBy("units.path")
    .execute();
}

/** Officers of a unit with their supervisor and today's counters, for the staff unit page. */
export async function officersOfUnit(db: Kysely<Database>, unitId: number, at: Date) {
  return db
    .selectFrom("officers")
    .leftJoin("officers as supervisor", "supervisor.id", "officers.supervisor_id")
    .select((eb) => [
      "officers.id",
      "officers.nip",
      "officers.name",
      "officers.position",
      "officers.rank",
      "officers.active",
      "supervisor.name as supervisorName",
      eb
        .selectFrom("duty_roster")
        .innerJoin("counters", "counters.id", "duty_roster.counter_id")
        .select(sql<string>`string_agg(counters.name, ', ' order by counters.name)`.as("counters"))
        .whereRef("duty_roster.officer_id", "=", "officers.id")
        .where("duty_roster.starts_at", "<=", at)
        .where("duty_roster.ends_at", ">", at)
        .as("onDutyAt"),
    ])
    .where("officers.unit_id", "=", unitId)
    .orderBy("officers.supervisor_id", "asc")
    .orderBy("officers.name")
    .execute();
}

export async function unitById(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.name", "units.path", "units.kind", "units.agency_id", "agencies.name as agencyName", "agencies.time_zone as timeZone", "agencies.officer_ranking_min as officerRankingMin"])
    .where("units.id", "=", unitId)
    .executeTakeFirst();
}

/** Active officers of the agency a unit belongs to, those of the unit first: who may be put on a roster. */
export async function activeOfficersOfAgency(db: Kysely<Database>, unitId: number) {
  const unit = await db.selectFrom("units").select("agency_id").where("id", "=", unitId).executeTakeFirst();
  if (!unit) return [];
  return db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .select(["officers.id", "officers.name", "officers.nip", "units.name as unitName", "officers.unit_id as unitId"])
    .where("officers.agency_id", "=", unit.agency_id)
    .where("officers.active", "=", true)
    .orderBy(sql`officers.unit_id = ${unitId}`, "desc")
    .orderBy("officers.name")
    .execute();
}

/** An agency's units in tree order, with what each holds, for the administrators' organisation page. */
export async function unitTree(db: Kysely<Database>, agencyId: number) {
  return db
    .selectFrom("units")
    .select((eb) => [
      "units.id",
      "units.code",
      "units.name",
      "units.kind",
      "units.path",
      "units.retired_at as retiredAt",
      eb.selectFrom("services").select(eb.fn.countAll<number>().as("n")).whereRef("services.unit_id", "=", "units.id").where("services.active", "=", true).as("services"),
      eb.selectFrom("counters").select(eb.fn.countAll<number>().as("n")).whereRef("counters.unit_id", "=", "units.id").where("counters.retired_at", "is", null).as("counters"),
      eb.selectFrom("officers").select(eb.fn.countAll<number>().as("n")).whereRef("officers.unit_id", "=", "units.id").where("officers.active", "=", true).as("officers"),
    ])
    .where("units.agency_id", "=", agencyId)
    .orderBy("units.path")
    .execute();
}

/** The agencies whose top unit a user administers. */
export async function administeredAgencies(db: Kysely<Database>, adminUnitPaths: string[]) {
  const tops = adminUnitPaths.filter((path) => path.split("/").length === 3);
  if (tops.length === 0) return [];
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id as unitId", "agencies.name", "agencies.slug"])
    .where("units.path", "in", tops)
    .orderBy("agencies.name")
    .execute();
}

/** The active services of the given units, by name (for pickers that group them per unit). */
export async function activeServicesOfUnits(db: Kysely<Database>, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom("services")
    .select(["id", "name", "unit_id as unitId"])
    .where("unit_id", "in", unitIds)
    .where("active", "=", true)
    .orderBy("name")
    .execute();
}

/** The names of the services a counter serves, by name. */
export async function serviceNamesOfCounter(db: Kysely<Database>, counterId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("counter_services")
    .innerJoin("services", "services.id", "counter_services.service_id")
    .select("services.name")
    .where("counter_services.counter_id", "=", counterId)
    .orderBy("services.name")
    .execute();
  return rows.map((row) => row.name);
}

/** The agencies the given units belong to. */
export async function agencyIdsOfUnits(db: Kysely<Database>, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.selectFrom("units").select("agency_id").where("id", "in", unitIds).execute();
  return rows.map((row) => row.agency_id);
}

/** The top unit (the government itself) of an agency. */
export async function rootUnitOfAgency(db: Kysely<Database>, agencyId: number): Promise<{ id: number }> {
  return db.selectFrom("units").select("id").where("agency_id", "=", agencyId).where("parent_id", "is", null).executeTakeFirstOrThrow();
}

/** An officer with their unit, the agency's time zone and its minimum of ratings for a ranking. */
export async function officerWithUnit(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["officers.id", "officers.name", "officers.unit_id as unitId", "units.name as unitName", "agencies.time_zone as timeZone", "agencies.officer_ranking_min as officerRankingMin"])
    .where("officers.id", "=", officerId)
    .executeTakeFirstOrThrow();
}
