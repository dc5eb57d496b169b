import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { appendAudit } from "../audit.server";
import type { FieldOutcome } from "./outcome.server";

// A unit's services with their published standard (PermenPANRB 15/2014: requirements, procedure, completion time
// in working days, fee, product, complaint channel) and the expected service users per year, the population N of
// the Krejcie–Morgan sample size. Retiring a service keeps its ratings; it leaves the counters' choices.

type Db = Kysely<Database> | Transaction<Database>;

export interface ServiceInput {
  code: string;
  name: string;
  requirements: string;
  procedure: string;
  completionDays: number;
  feeRupiah: number;
  product: string;
  complaintChannel: string;
  usersPerYear: number | null;
}

/** A unit's services, retired ones last, with how many active counters offer each. */
export async function servicesOfUnitForAdmin(db: Db, unitId: number) {
  return db
    .selectFrom("services")
    .select((eb) => [
      "services.id",
      "services.code",
      "services.name",
      "services.completion_days as completionDays",
      "services.fee_rupiah as feeRupiah",
      "services.users_per_year as usersPerYear",
      "services.active",
      eb
        .selectFrom("counter_services")
        .innerJoin("counters", "counters.id", "counter_services.counter_id")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("counter_services.service_id", "=", "services.id")
        .where("counters.retired_at", "is", null)
        .as("counters"),
    ])
    .where("services.unit_id", "=", unitId)
    .orderBy("services.active", "desc")
    .orderBy("services.name")
    .execute();
}

/** One service of the agency with its unit's path, or undefined. */
export async function agencyService(db: Db, agencyId: number, serviceId: number) {
  return db
    .selectFrom("services")
    .innerJoin("units", "units.id", "services.unit_id")
    .select([
      "services.id",
      "services.unit_id as unitId",
      "units.name as unitName",
      "units.path as unitPath",
      "services.code",
      "services.name",
      "services.requirements",
      "services.procedure",
      "services.completion_days as completionDays",
      "services.fee_rupiah as feeRupiah",
      "services.product",
      "services.complaint_channel as complaintChannel",
      "services.users_per_year as usersPerYear",
      "services.active",
    ])
    .where("units.agency_id", "=", agencyId)
    .where("services.id", "=", serviceId)
    .executeTakeFirst();
}

async function clash(trx: Transaction<Database>, unitId: number, input: ServiceInput, exceptId: number | null): Promise<Record<string, string> | null> {
  let query = trx
    .selectFrom("services")
    .select(["id", "name", "code"])
    .where("unit_id", "=", unitId)
    .where((eb) => eb.or([eb("name", "=", input.name), eb(sql`lower(code)`, "=", input.code.toLowerCase())]));
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  const other = await query.executeTakeFirst();
  if (!other) return null;
  return other.name === input.name ? { name: "orgAdmin.errors.nameTaken" } : { code: "orgAdmin.errors.codeTaken" };
}

function columns(input: ServiceInput) {
  return {
    code: input.code,
    name: input.name,
    requirements: input.requirements,
    procedure: input.procedure,
    completion_days: input.completionDays,
    fee_rupiah: input.feeRupiah,
    product: input.product,
    complaint_channel: input.complaintChannel,
    users_per_year: input.usersPerYear,
  };
}

export async function addService(db: Kysely<Database>, actorUserId: number, unitId: number, input: ServiceInput): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    const unit = await trx.selectFrom("units").select("retired_at").where("id", "=", unitId).forUpdate().executeTakeFirstOrThrow();
    if (unit.retired_at !== null) return { ok: false, errors: { _form: "orgAdmin.errors.unitRetired" } };
    const taken = await clash(trx, unitId, input, null);
    if (taken) return { ok: false, errors: taken };
    const row = await trx.insertInto("services").values({ ...columns(input), unit_id: unitId }).returning("id").executeTakeFirstOrThrow();
    await appendAudit(trx, { actorUserId, action: "service.add", subjectType: "service", subjectId: row.id, after: { unitId, ...input } });
    return { ok: true, id: row.id };
  });
}

export async function updateService(db: Kysely<Database>, actorUserId: number, serviceId: number, input: ServiceInput): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    const before = await trx.selectFrom("services").selectAll().where("id", "=", serviceId).forUpdate().executeTakeFirstOrThrow();
    const taken = await clash(trx, before.unit_id, input, serviceId);
    if (taken) return { ok: false, errors: taken };
    await trx.updateTable("services").set(columns(input)).where("id", "=", serviceId).execute();
    const { id: _id, created_at: _created, ...shown } = before;
    await appendAudit(trx, { actorUserId, action: "service.edit", subjectType: "service", subjectId: serviceId, before: shown, after: input });
    return { ok: true, id: serviceId };
  });
}

/** Retires a service (citizens no longer choose it) or brings it back (not in a retired unit); ratings given for it stay. */
export async function setServiceActive(db: Kysely<Database>, actorUserId: number, serviceId: number, active: boolean): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    if (active) {
      const unit = await trx.selectFrom("services").innerJoin("units", "units.id", "services.unit_id").select("units.retired_at").where("services.id", "=", serviceId).forUpdate().executeTakeFirstOrThrow();
      if (unit.retired_at !== null) return { ok: false, errors: { _form: "orgAdmin.errors.unitRetired" } };
    }
    const row = await trx.updateTable("services").set({ active }).where("id", "=", serviceId).where("active", "=", !active).returning("id").executeTakeFirst();
    if (row) await appendAudit(trx, { actorUserId, action: active ? "service.reactivate" : "service.retire", subjectType: "service", subjectId: serviceId, before: { active: !active }, after: { active } });
    return { ok: true, id: serviceId };
  });
}
