import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, UnitKind } from "../../../db/schema";
import { unitMoveRefusal, unitRetireRefusal, type UnitNode } from "~/domain/org-structure";
import { localDateOf } from "~/domain/working-days";
import { appendAudit } from "../audit.server";
import { slugify } from "../org-import.server";
import { forgetCounterCodes } from "../ratings.server";
import { endPatterns, rebuildCounterShifts } from "../rosters.server";
import type { FieldOutcome } from "./outcome.server";

// An agency's units by hand: add, edit (rename, re-code, move under another parent), retire. Every command opens
// its own transaction, locks the agency's row (so two moves never interleave into a loop) and writes the audit log.
// A renamed unit keeps its slug, so the public address on printed posters and links stays valid.

type Db = Kysely<Database> | Transaction<Database>;

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  address: string | null;
  /** Other names citizens search the unit by, joined by ", " ("" for none); left as they are when not given. */
  searchNames?: string;
  parentId: number;
}

/** Every unit of the agency in tree order, retired ones included (they keep their history). */
export async function agencyUnits(db: Db, agencyId: number) {
  return db
    .selectFrom("units")
    .select(["id", "code", "name", "kind", "address", "search_names as searchNames", "parent_id as parentId", "path", "slug", "retired_at as retiredAt"])
    .where("agency_id", "=", agencyId)
    .orderBy("path")
    .execute();
}

export type AgencyUnit = Awaited<ReturnType<typeof agencyUnits>>[number];

export function unitNodes(units: readonly AgencyUnit[]): UnitNode[] {
  return units.map((unit) => ({ id: unit.id, parentId: unit.parentId, retired: unit.retiredAt !== null }));
}

/** One unit of the agency, or undefined (another agency's unit is not found here). */
export async function agencyUnit(db: Db, agencyId: number, unitId: number) {
  return db
    .selectFrom("units")
    .select(["id", "code", "name", "kind", "address", "search_names as searchNames", "parent_id as parentId", "path", "slug", "retired_at as retiredAt"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", unitId)
    .executeTakeFirst();
}

async function lockAgency(trx: Transaction<Database>, agencyId: number) {
  await trx.selectFrom("agencies").select("id").where("id", "=", agencyId).forUpdate().executeTakeFirstOrThrow();
}

async function codeTaken(trx: Transaction<Database>, agencyId: number, code: string, exceptId: number | null) {
  let query = trx.selectFrom("units").select("id").where("agency_id", "=", agencyId).where(sql`lower(code)`, "=", code.toLowerCase());
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const MOVE_ERRORS = { topUnit: "orgAdmin.errors.topUnitStays", unknownParent: "form.notInList", retiredParent: "orgAdmin.errors.retiredParent", self: "orgAdmin.errors.parentCycle", cycle: "orgAdmin.errors.parentCycle" } as const;

export async function addUnit(db: Kysely<Database>, actorUserId: number, agencyId: number, input: UnitInput): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    await lockAgency(trx, agencyId);
    const units = await agencyUnits(trx, agencyId);
    const parent = units.find((unit) => unit.id === input.parentId);
    if (!parent) return { ok: false, errors: { parentId: "form.notInList" } };
    if (parent.retiredAt !== null) return { ok: false, errors: { parentId: "orgAdmin.errors.retiredParent" } };
    if (await codeTaken(trx, agencyId, input.code, null)) return { ok: false, errors: { code: "orgAdmin.errors.codeTaken" } };
    const slugs = new Set(units.map((unit) => unit.slug));
    const base = slugify(input.name) || slugify(input.code) || "unit";
    let slug = slugs.has(base) ? `${base}-${slugify(input.code)}` : base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    const row = await trx
      .insertInto("units")
      .values({ agency_id: agencyId, parent_id: parent.id, kind: input.kind, name: input.name, slug, address: input.address, search_names: input.searchNames ?? "", code: input.code })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("units").set({ path: `${parent.path}${row.id}/` }).where("id", "=", row.id).execute();
    await appendAudit(trx, { actorUserId, action: "unit.add", subjectType: "unit", subjectId: row.id, after: { ...input, slug } });
    return { ok: true, id: row.id };
  });
}

/** Renames, re-codes or moves a unit; a move carries its whole subtree (and so every grant on it) along. */
export async function updateUnit(db: Kysely<Database>, actorUserId: number, agencyId: number, unitId: number, input: UnitInput): Promise<FieldOutcome> {
  return db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    await lockAgency(trx, agencyId);
    const units = await agencyUnits(trx, agencyId);
    const unit = units.find((candidate) => candidate.id === unitId);
    if (!unit) return { ok: false, errors: { _form: "orgAdmin.errors.gone" } };
    const moving = unit.parentId !== null && unit.parentId !== input.parentId;
    if (moving) {
      const refusal = unitMoveRefusal(unitNodes(units), unitId, input.parentId);
      if (refusal) return { ok: false, errors: { parentId: MOVE_ERRORS[refusal] } };
    }
    if (await codeTaken(trx, agencyId, input.code, unitId)) return { ok: false, errors: { code: "orgAdmin.errors.codeTaken" } };
    await trx
      .updateTable("units")
      .set({ code: input.code, name: input.name, kind: unit.parentId === null ? unit.kind : input.kind, address: input.address, ...(input.searchNames !== undefined ? { search_names: input.searchNames } : {}), ...(moving ? { parent_id: input.parentId } : {}) })
      .where("id", "=", unitId)
      .execute();
    if (moving) {
      const parent = units.find((candidate) => candidate.id === input.parentId)!;
      const newPath = `${parent.path}${unitId}/`;
      await sql`update units set path = ${newPath} || substr(path, ${unit.path.length + 1}) where agency_id = ${agencyId} and path like ${`${unit.path}%`}`.execute(trx);
    }
    const before = { code: unit.code, name: unit.name, kind: unit.kind, address: unit.address, searchNames: unit.searchNames, parentId: unit.parentId };
    await appendAudit(trx, { actorUserId, action: moving ? "unit.move" : "unit.edit", subjectType: "unit", subjectId: unitId, before, after: { ...input, parentId: moving ? input.parentId : unit.parentId } });
    return { ok: true, id: unitId };
  });
}

/**
 * Retires a unit: it leaves the public pages, lists and open data; its counters retire with it (their duty ends
 * today, their QR codes say the counter closed); its ratings, complaints and reports stay as they were.
 */
export async function retireUnit(db: Kysely<Database>, actorUserId: number, agencyId: number, unitId: number, now: Date): Promise<FieldOutcome> {
  const codes = await db.selectFrom("counters").select("public_code").where("unit_id", "=", unitId).execute();
  const outcome = await db.transaction().execute(async (trx): Promise<FieldOutcome> => {
    await lockAgency(trx, agencyId);
    const units = await agencyUnits(trx, agencyId);
    const refusal = unitRetireRefusal(unitNodes(units), unitId);
    if (refusal) return { ok: false, errors: { _form: `orgAdmin.errors.retire_${refusal}` } };
    const agency = await trx.selectFrom("agencies").select("time_zone").where("id", "=", agencyId).executeTakeFirstOrThrow();
    await trx.updateTable("units").set({ retired_at: now }).where("id", "=", unitId).execute();
    const counters = await trx.updateTable("counters").set({ retired_at: now }).where("unit_id", "=", unitId).where("retired_at", "is", null).returning("id").execute();
    const today = localDateOf(now, agency.time_zone);
    for (const counter of counters) {
      for (const id of await endPatterns(trx, { counterId: counter.id }, today)) await rebuildCounterShifts(trx, id);
    }
    await appendAudit(trx, { actorUserId, action: "unit.retire", subjectType: "unit", subjectId: unitId, after: { retiredCounters: counters.map((counter) => counter.id) } });
    return { ok: true, id: unitId };
  });
  forgetCounterCodes(codes.map((row) => row.public_code));
  return outcome;
}
