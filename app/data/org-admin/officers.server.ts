import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { officerRetireRefusal, supervisorRefusal, type OfficerNode } from "~/domain/org-structure";
import { localDateOf } from "~/domain/working-days";
import { appendAudit } from "../audit.server";
import { endPatterns, rebuildCounterShifts } from "../rosters.server";
import type { FieldOutcome } from "./outcome.server";
import { containing, searchWords } from "../text-search.server";
import { pageFromDatabase } from "~/domain/paging";

// Officers by hand: add (with an account awaiting activation, as the import does), edit, move to another unit (the
// officer role follows the unit), set the direct supervisor (same agency, never a loop), retire (the officer
// leaves rosters and choices; ratings, assessments and records stay, the account stops signing in).

type Db = Kysely<Database> | Transaction<Database>;

export interface OfficerInput {
  nip: string;
  name: string;
  position: string;
  rank: string;
  unitId: number;
  supervisorId: number | null;
  email: string | null;
}

export interface OfficerFilter {
  query: string;
  unitId: number | null;
  withRetired: boolean;
}

/** The agency's officers matching the filter (NIP, name, position or unit), active first. */
function officersMatching(db: Db, agencyId: number, filter: OfficerFilter) {
  let query = db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .leftJoin("officers as supervisor", "supervisor.id", "officers.supervisor_id")
    .where("officers.agency_id", "=", agencyId);
  if (!filter.withRetired) query = query.where("officers.active", "=", true);
  if (filter.unitId !== null) query = query.where("officers.unit_id", "=", filter.unitId);
  for (const word of searchWords(filter.query)) {
    const pattern = containing(word);
    const digits = word.replace(/[\s.]/g, "");
    query = query.where((eb) =>
      eb.or([eb(sql`lower(officers.name)`, "like", pattern), eb(sql`lower(officers.position)`, "like", pattern), eb(sql`lower(units.name)`, "like", pattern), ...(/^\d+$/.test(digits) ? [eb("officers.nip", "like", `%${digits}%`)] : [])]),
    );
  }
  return query
    .select(["officers.id", "officers.nip", "officers.name", "officers.position", "officers.rank", "officers.active", "units.id as unitId", "units.name as unitName", "supervisor.name as supervisorName"])
    .orderBy("officers.active", "desc")
    .orderBy("units.path")
    .orderBy("officers.name")
    .orderBy("officers.id");
}

/** One page of the agency's officers with unit and supervisor, counted and cut in the database. */
export async function agencyOfficersPage(db: Db, agencyId: number, filter: OfficerFilter, page: number, pageSize: number) {
  const matching = officersMatching(db, agencyId, filter);
  return pageFromDatabase(
    page,
    pageSize,
    async () => (await matching.clearSelect().clearOrderBy().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n,
    (limit, offset) => matching.limit(limit).offset(offset).execute(),
  );
}

/** The agency's officers as the supervisor rule sees them. */
export async function officerNodes(db: Db, agencyId: number): Promise<OfficerNode[]> {
  const rows = await db.selectFrom("officers").select(["id", "agency_id", "supervisor_id", "active"]).where("agency_id", "=", agencyId).execute();
  return rows.map((row) => ({ id: row.id, agencyId: row.agency_id, supervisorId: row.supervisor_id, retired: !row.active }));
}

/** Who may be picked as a supervisor: the agency's active officers, by unit and name. */
export async function supervisorChoices(db: Db, agencyId: number) {
  return db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .select(["officers.id", "officers.name", "officers.position", "units.name as unitName"])
    .where("officers.agency_id", "=", agencyId)
    .where("officers.active", "=", true)
    .orderBy("units.path")
    .orderBy("officers.name")
    .execute();
}

/** One officer of the agency, with unit path, account and subordinates, or undefined. */
export async function agencyOfficer(db: Db, agencyId: number, officerId: number) {
  const officer = await db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .leftJoin("users", "users.officer_id", "officers.id")
    .select([
      "officers.id",
      "officers.nip",
      "officers.name",
      "officers.position",
      "officers.rank",
      "officers.email",
      "officers.unit_id as unitId",
      "officers.supervisor_id as supervisorId",
      "officers.active",
      "officers.retired_at as retiredAt",
      "units.name as unitName",
      "units.path as unitPath",
      "users.id as userId",
    ])
    .where("officers.agency_id", "=", agencyId)
    .where("officers.id", "=", officerId)
    .executeTakeFirst();
  if (!officer) return undefined;
  const subordinates = await db.selectFrom("officers").select(["id", "name"]).where("supervisor_id", "=", officerId).where("active", "=", true).orderBy("name").execute();
  return { ...officer, subordinates };
}

const SUPERVISOR_ERRORS = {
  self: "orgAdmin.errors.supervisorSelf",
  unknownSupervisor: "form.notInList",
  otherAgency: "form.notInList",
  retiredSupervisor: "orgAdmin.errors.supervisorRetired",
  cycle: "orgAdmin.errors.supervisorCycle",
} as const;

async function lockAgency(trx: Transaction<Database>, agencyId: number) {
  await trx.selectFrom("agencies").select("id").where("id", "=", agencyId).forUpdate().executeTakeFirstOrThrow();
}

async function unitProblem(trx: Transaction<Database>, agencyId: number, unitId: number): Promise<string | null> {
  const unit = await trx.selectFrom("units").select("retired_at").where("id", "=", unitId).where("agency_id", "=", agencyId).executeTakeFirst();
  if (!unit) return "form.notInList";
  return unit.retired_at === null ? null : "orgAdmin.errors.unitRetired";
}

/** The officer role follows the officer's unit; other roles stay the administrators' to grant. */
async function officerRoleOn(trx: Transaction<Database>, userId: number, unitId: number) {
  await trx.deleteFrom("user_roles").where("user_id", "=", userId).where("role", "=", "officer").where("unit_id", "!=", unitId).execute();
  await trx.insertInto("user_roles").values({ user_id: userId, role: "officer", unit_id: unitId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function addOfficer(db: Kysely<Database>, actorUserId: number, agencyId: number, input: OfficerInput): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    await lockAgency(trx, agencyId);
    const unit = await unitProblem(trx, agencyId, input.unitId);
    if (unit) return { ok: false, errors: { unitId: unit } };
    if (await trx.selectFrom("officers").select("id").where("nip", "=", input.nip).executeTakeFirst()) return { ok: false, errors: { nip: "orgAdmin.errors.nipTaken" } };
    const refusal = supervisorRefusal(await officerNodes(trx, agencyId), null, agencyId, input.supervisorId);
    if (refusal) return { ok: false, errors: { supervisorId: SUPERVISOR_ERRORS[refusal] } };
    const officer = await trx
      .insertInto("officers")
      .values({ agency_id: agencyId, unit_id: input.unitId, nip: input.nip, name: input.name, position: input.position, rank: input.rank, supervisor_id: input.supervisorId, email: input.email })
      .returning("id")
      .executeTakeFirstOrThrow();
    const taken = await trx.selectFrom("users").select("id").where("username", "=", input.nip).executeTakeFirst();
    const user = await trx
      .insertInto("users")
      .values({ username: taken ? null : input.nip, officer_id: officer.id, display_name: input.name, email: input.email, password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await officerRoleOn(trx, user.id, input.unitId);
    await appendAudit(trx, { actorUserId, action: "officer.add", subjectType: "officer", subjectId: officer.id, after: { ...input, userId: user.id } });
    return { ok: true, id: officer.id };
  });
}

/** Edits an officer's facts, unit and supervisor; the NIP stays (it is the officer's identity in SIASN). */
export async function updateOfficer(db: Kysely<Database>, actorUserId: number, agencyId: number, officerId: number, input: Omit<OfficerInput, "nip">): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    await lockAgency(trx, agencyId);
    const before = await trx.selectFrom("officers").selectAll().where("id", "=", officerId).where("agency_id", "=", agencyId).executeTakeFirst();
    if (!before) return { ok: false, errors: { _form: "orgAdmin.errors.gone" } };
    if (!before.active) return { ok: false, errors: { _form: "orgAdmin.errors.officerRetired" } };
    if (input.unitId !== before.unit_id) {
      const unit = await unitProblem(trx, agencyId, input.unitId);
      if (unit) return { ok: false, errors: { unitId: unit } };
    }
    if (input.supervisorId !== before.supervisor_id) {
      const refusal = supervisorRefusal(await officerNodes(trx, agencyId), officerId, agencyId, input.supervisorId);
      if (refusal) return { ok: false, errors: { supervisorId: SUPERVISOR_ERRORS[refusal] } };
    }
    await trx
      .updateTable("officers")
      .set({ name: input.name, position: input.position, rank: input.rank, unit_id: input.unitId, supervisor_id: input.supervisorId, email: input.email })
      .where("id", "=", officerId)
      .execute();
    const user = await trx.selectFrom("users").select("id").where("officer_id", "=", officerId).executeTakeFirst();
    if (user && input.unitId !== before.unit_id) await officerRoleOn(trx, user.id, input.unitId);
    const shown = { name: before.name, position: before.position, rank: before.rank, unitId: before.unit_id, supervisorId: before.supervisor_id, email: before.email };
    const action = input.unitId !== before.unit_id ? "officer.move" : input.supervisorId !== before.supervisor_id ? "officer.supervisor" : "officer.edit";
    await appendAudit(trx, { actorUserId, action, subjectType: "officer", subjectId: officerId, before: shown, after: input });
    return { ok: true, id: officerId };
  });
}

/**
 * Retires an officer: off every roster from today, out of the counters' choices, their account stops signing in.
 * Refused while active officers report to them, and while their account administers an agency (the last
 * administrator must never be shut out by a side effect: the role is taken away on its own page first).
 */
export async function retireOfficer(db: Kysely<Database>, actorUserId: number, agencyId: number, officerId: number, now: Date): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    await lockAgency(trx, agencyId);
    const refusal = officerRetireRefusal(await officerNodes(trx, agencyId), officerId);
    if (refusal) return { ok: false, errors: { _form: `orgAdmin.errors.officer_${refusal}` } };
    const user = await trx.selectFrom("users").select("id").where("officer_id", "=", officerId).executeTakeFirst();
    if (user && (await trx.selectFrom("user_roles").select("id").where("user_id", "=", user.id).where("role", "=", "admin").executeTakeFirst())) {
      return { ok: false, errors: { _form: "orgAdmin.errors.officer_isAdministrator" } };
    }
    const agency = await trx.selectFrom("agencies").select("time_zone").where("id", "=", agencyId).executeTakeFirstOrThrow();
    await trx.updateTable("officers").set({ active: false, retired_at: now }).where("id", "=", officerId).execute();
    if (user) {
      await trx.updateTable("users").set({ active: false }).where("id", "=", user.id).execute();
      await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    }
    for (const id of await endPatterns(trx, { officerId }, localDateOf(now, agency.time_zone))) await rebuildCounterShifts(trx, id);
    await appendAudit(trx, { actorUserId, action: "officer.retire", subjectType: "officer", subjectId: officerId, after: { retiredAt: now.toISOString(), userId: user?.id ?? null } });
    return { ok: true, id: officerId };
  });
}
