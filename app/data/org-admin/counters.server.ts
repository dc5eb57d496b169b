import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { servicesOutsideUnit } from "~/domain/org-structure";
import { localDateOf } from "~/domain/working-days";
import { appendAudit } from "../audit.server";
import { randomPublicCode } from "../org-import.server";
import { forgetCounterCodes } from "../ratings.server";
import { endPatterns, rebuildCounterShifts } from "../rosters.server";
import type { FieldOutcome } from "./outcome.server";
import { containing, searchWords } from "../text-search.server";
import { pageFromDatabase } from "~/domain/paging";

// Counters by hand: add, rename, the services each offers (only its own unit's), a new public code, retirement.
// A replaced public code is kept in counter_old_codes, so a QR poster still on the wall opens a page that says the
// counter moved and where to go; a retired counter's own code says it closed. Ratings keep the counter they named.

type Db = Kysely<Database> | Transaction<Database>;

export interface CounterInput {
  code: string;
  name: string;
  serviceIds: number[];
}

export interface CounterFilter {
  query: string;
  unitId: number | null;
  withRetired: boolean;
}

/** The agency's counters matching the filter (name, code, unit or public code), before any columns are chosen. */
function countersMatching(db: Db, agencyId: number, filter: CounterFilter) {
  let query = db.selectFrom("counters").innerJoin("units", "units.id", "counters.unit_id").where("units.agency_id", "=", agencyId);
  if (!filter.withRetired) query = query.where("counters.retired_at", "is", null);
  if (filter.unitId !== null) query = query.where("units.id", "=", filter.unitId);
  for (const word of searchWords(filter.query)) {
    const pattern = containing(word);
    query = query.where((eb) =>
      eb.or([eb(sql`lower(counters.name)`, "like", pattern), eb(sql`lower(coalesce(counters.code, ''))`, "like", pattern), eb(sql`lower(units.name)`, "like", pattern), eb("counters.public_code", "like", pattern)]),
    );
  }
  return query
    .select((eb) => [
      "counters.id",
      "counters.code",
      "counters.name",
      "counters.public_code as publicCode",
      "counters.retired_at as retiredAt",
      "units.id as unitId",
      "units.name as unitName",
      eb.selectFrom("counter_services").select(eb.fn.countAll<number>().as("n")).whereRef("counter_services.counter_id", "=", "counters.id").as("services"),
    ])
    .orderBy(sql`counters.retired_at is not null`)
    .orderBy("units.path")
    .orderBy("counters.name")
    .orderBy("counters.id");
}

/** The agency's counters with their unit, filtered by name, code or unit; active first (one unit's, for its page). */
export async function agencyCounters(db: Db, agencyId: number, filter: CounterFilter) {
  return countersMatching(db, agencyId, filter).execute();
}

/** One page of the agency's counters, counted and cut in the database. */
export async function agencyCountersPage(db: Db, agencyId: number, filter: CounterFilter, page: number, pageSize: number) {
  const matching = countersMatching(db, agencyId, filter);
  return pageFromDatabase(
    page,
    pageSize,
    async () => (await matching.clearSelect().clearOrderBy().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n,
    (limit, offset) => matching.limit(limit).offset(offset).execute(),
  );
}

/** One counter of the agency with its unit and services, or undefined. */
export async function agencyCounter(db: Db, agencyId: number, counterId: number) {
  const counter = await db
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .select(["counters.id", "counters.code", "counters.name", "counters.public_code as publicCode", "counters.retired_at as retiredAt", "units.id as unitId", "units.name as unitName", "units.path as unitPath"])
    .where("units.agency_id", "=", agencyId)
    .where("counters.id", "=", counterId)
    .executeTakeFirst();
  if (!counter) return undefined;
  const services = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counterId).execute();
  const oldCodes = await db.selectFrom("counter_old_codes").select(["public_code as publicCode", "replaced_at as replacedAt"]).where("counter_id", "=", counterId).orderBy("replaced_at", "desc").execute();
  return { ...counter, serviceIds: services.map((row) => row.service_id), oldCodes };
}

async function checks(trx: Transaction<Database>, unitId: number, input: CounterInput, exceptId: number | null): Promise<Record<string, string> | null> {
  const own = await trx.selectFrom("services").select("id").where("unit_id", "=", unitId).where("active", "=", true).execute();
  if (servicesOutsideUnit(input.serviceIds, own.map((row) => row.id)).length > 0) return { serviceIds: "orgAdmin.errors.serviceOfOtherUnit" };
  let query = trx
    .selectFrom("counters")
    .select(["id", "name"])
    .where("unit_id", "=", unitId)
    .where((eb) => eb.or([eb("name", "=", input.name), eb(sql`lower(code)`, "=", input.code.toLowerCase())]));
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  const other = await query.executeTakeFirst();
  if (other) return other.name === input.name ? { name: "orgAdmin.errors.nameTaken" } : { code: "orgAdmin.errors.codeTaken" };
  return null;
}

async function setServices(trx: Transaction<Database>, counterId: number, serviceIds: readonly number[]) {
  await trx.deleteFrom("counter_services").where("counter_id", "=", counterId).execute();
  const ids = [...new Set(serviceIds)];
  if (ids.length > 0) await trx.insertInto("counter_services").values(ids.map((id) => ({ counter_id: counterId, service_id: id }))).execute();
}

export async function addCounter(db: Kysely<Database>, actorUserId: number, unitId: number, input: CounterInput, publicCode: () => string = randomPublicCode): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    const unit = await trx.selectFrom("units").select("retired_at").where("id", "=", unitId).forUpdate().executeTakeFirstOrThrow();
    if (unit.retired_at !== null) return { ok: false, errors: { _form: "orgAdmin.errors.unitRetired" } };
    const refused = await checks(trx, unitId, input, null);
    if (refused) return { ok: false, errors: refused };
    const code = publicCode();
    const row = await trx.insertInto("counters").values({ unit_id: unitId, code: input.code, name: input.name, public_code: code }).returning("id").executeTakeFirstOrThrow();
    await setServices(trx, row.id, input.serviceIds);
    await appendAudit(trx, { actorUserId, action: "counter.add", subjectType: "counter", subjectId: row.id, after: { unitId, ...input, publicCode: code } });
    return { ok: true, id: row.id };
  });
}

export async function updateCounter(db: Kysely<Database>, actorUserId: number, counterId: number, input: CounterInput): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    const before = await trx.selectFrom("counters").select(["unit_id", "code", "name", "retired_at"]).where("id", "=", counterId).forUpdate().executeTakeFirstOrThrow();
    if (before.retired_at !== null) return { ok: false, errors: { _form: "orgAdmin.errors.counterRetired" } };
    const refused = await checks(trx, before.unit_id, input, counterId);
    if (refused) return { ok: false, errors: refused };
    const services = await trx.selectFrom("counter_services").select("service_id").where("counter_id", "=", counterId).orderBy("service_id").execute();
    await trx.updateTable("counters").set({ code: input.code, name: input.name }).where("id", "=", counterId).execute();
    await setServices(trx, counterId, input.serviceIds);
    await appendAudit(trx, {
      actorUserId,
      action: "counter.edit",
      subjectType: "counter",
      subjectId: counterId,
      before: { code: before.code, name: before.name, serviceIds: services.map((row) => row.service_id) },
      after: { ...input, serviceIds: [...new Set(input.serviceIds)].sort((a, b) => a - b) },
    });
    return { ok: true, id: counterId };
  });
}

/** A new public code; the old one is kept so its QR code opens the "this counter moved" page. */
export async function regenerateCounterCode(db: Kysely<Database>, actorUserId: number, counterId: number, publicCode: () => string = randomPublicCode): Promise<FieldOutcome & { code?: string }> {
  const old = await db.selectFrom("counters").select("public_code").where("id", "=", counterId).executeTakeFirst();
  const outcome = await db.transaction().execute(async (trx): Promise<FieldOutcome & { code?: string }> => {
    const before = await trx.selectFrom("counters").select(["public_code", "retired_at"]).where("id", "=", counterId).forUpdate().executeTakeFirstOrThrow();
    if (before.retired_at !== null) return { ok: false, errors: { _form: "orgAdmin.errors.counterRetired" } };
    const code = publicCode();
    await trx.insertInto("counter_old_codes").values({ public_code: before.public_code, counter_id: counterId }).onConflict((oc) => oc.doNothing()).execute();
    await trx.updateTable("counters").set({ public_code: code }).where("id", "=", counterId).execute();
    await appendAudit(trx, { actorUserId, action: "counter.newCode", subjectType: "counter", subjectId: counterId, before: { publicCode: before.public_code }, after: { publicCode: code } });
    return { ok: true, id: counterId, code };
  });
  if (old) forgetCounterCodes([old.public_code]);
  return outcome;
}

/**
 * Reopens a retired counter with the public code it had, so its QR posters work again; refused while its unit is
 * retired. Its duty patterns ended at retirement and are set again on the roster page.
 */
export async function reopenCounter(db: Kysely<Database>, actorUserId: number, counterId: number): Promise<FieldOutcome> {
  const outcome = await db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    const counter = await trx
      .selectFrom("counters")
      .innerJoin("units", "units.id", "counters.unit_id")
      .select(["counters.retired_at", "counters.public_code", "units.retired_at as unitRetiredAt"])
      .where("counters.id", "=", counterId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (counter.retired_at === null) return { ok: true, id: counterId };
    if (counter.unitRetiredAt !== null) return { ok: false, errors: { _form: "orgAdmin.errors.unitRetired" } };
    await trx.updateTable("counters").set({ retired_at: null }).where("id", "=", counterId).execute();
    await appendAudit(trx, { actorUserId, action: "counter.reopen", subjectType: "counter", subjectId: counterId, before: { retiredAt: counter.retired_at.toISOString() }, after: { retiredAt: null, publicCode: counter.public_code } });
    return { ok: true, id: counterId };
  });
  const codes = await db.selectFrom("counters").select("public_code").where("id", "=", counterId).execute();
  forgetCounterCodes(codes.map((row) => row.public_code));
  return outcome;
}

/** Retires a counter: its duty ends today, citizens can no longer rate it, its ratings stay. */
export async function retireCounter(db: Kysely<Database>, actorUserId: number, counterId: number, now: Date): Promise<FieldOutcome> {
  const codes = await db.selectFrom("counters").select("public_code").where("id", "=", counterId).execute();
  const outcome = await db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    const counter = await trx
      .selectFrom("counters")
      .innerJoin("units", "units.id", "counters.unit_id")
      .innerJoin("agencies", "agencies.id", "units.agency_id")
      .select(["counters.retired_at", "agencies.time_zone"])
      .where("counters.id", "=", counterId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (counter.retired_at !== null) return { ok: true, id: counterId };
    await trx.updateTable("counters").set({ retired_at: now }).where("id", "=", counterId).execute();
    for (const id of await endPatterns(trx, { counterId }, localDateOf(now, counter.time_zone))) await rebuildCounterShifts(trx, id);
    await appendAudit(trx, { actorUserId, action: "counter.retire", subjectType: "counter", subjectId: counterId, after: { retiredAt: now.toISOString() } });
    return { ok: true, id: counterId };
  });
  forgetCounterCodes(codes.map((row) => row.public_code));
  return outcome;
}

/**
 * What a code that no longer opens a rating form stands for: a replaced code (the counter's current code, when
 * it still serves) or a retired counter's code; with its unit's public page while the unit serves. Undefined for a
 * code the portal never issued.
 */
export async function movedCounter(db: Db, code: string) {
  if (!/^[a-z0-9]{6,16}$/.test(code)) return undefined;
  const row = await db
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .leftJoin("counter_old_codes", "counter_old_codes.counter_id", "counters.id")
    .select([
      "counters.name as counterName",
      "counters.public_code as currentCode",
      "counters.retired_at as counterRetiredAt",
      "units.name as unitName",
      "units.slug as unitSlug",
      "units.retired_at as unitRetiredAt",
      "agencies.name as agencyName",
      "agencies.slug as agencySlug",
    ])
    .where((eb) => eb.or([eb("counter_old_codes.public_code", "=", code), eb.and([eb("counters.public_code", "=", code), eb("counters.retired_at", "is not", null)])]))
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const unitServes = row.unitRetiredAt === null;
  return {
    counterName: row.counterName,
    unitName: row.unitName,
    agencyName: row.agencyName,
    newCode: row.counterRetiredAt === null && unitServes ? row.currentCode : null,
    unitPage: unitServes ? `/kantor/${row.agencySlug}/${row.unitSlug}` : `/kantor/${row.agencySlug}`,
  };
}

/** The active counters among `counterIds` that belong to the agency, with what their posters print. */
export async function postersOf(db: Db, agencyId: number, counterIds: readonly number[]) {
  if (counterIds.length === 0) return [];
  const counters = await db
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select((eb) => [
      "counters.id",
      "counters.name as counterName",
      "counters.public_code as publicCode",
      "units.name as unitName",
      "agencies.name as agencyName",
      eb.fn
        .coalesce(
          eb
            .selectFrom("counter_services")
            .innerJoin("services", "services.id", "counter_services.service_id")
            .select(sql<string[]>`array_agg(services.name order by services.name)`.as("names"))
            .whereRef("counter_services.counter_id", "=", "counters.id")
            .where("services.active", "=", true),
          sql<string[]>`'{}'::text[]`,
        )
        .as("services"),
    ])
    .where("units.agency_id", "=", agencyId)
    .where("counters.id", "in", [...new Set(counterIds)])
    .where("counters.retired_at", "is", null)
    .orderBy("units.path")
    .orderBy("counters.name")
    .execute();
  return counters;
}
