import { randomBytes } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { parentsFirst, planImport, type EntityPlan, type ExistingOrganisation, type ImportPlan } from "~/domain/org-import/plan";
import type { ImportFiles, ImportProblem } from "~/domain/org-import/sheets";
import { localDateOf } from "~/domain/working-days";
import { appendAudit } from "./audit.server";
import { endPatterns, rebuildCounterShifts } from "./rosters.server";

// The organisation import: checks the files against the agency's current organisation and applies the plan in
// one transaction (all or nothing), under a lock on the agency so two imports never interleave.

export interface AgencyTarget {
  slug: string;
  /** Needed to create an agency that does not exist yet. */
  name?: string;
  zone?: string;
  province?: string;
}

export interface ImportRequest {
  agency: AgencyTarget;
  files: ImportFiles;
  retireMissing: boolean;
  dryRun: boolean;
  actorUserId: number | null;
  /** Shown in the import history: a file or folder name. */
  source: string;
  now: Date;
  /** Public codes for new counters; random unless given (the demo uses seeded ones). */
  publicCode?: () => string;
}

export type Counts = { added: number; updated: number; unchanged: number; retired: number };
export type ImportSummary = { units: Counts; services: Counts; counters: Counts; officers: Counts; patterns: Counts; accounts: number };

export type ImportOutcome =
  | { ok: false; problems: ImportProblem[] }
  | { ok: true; dryRun: boolean; changes: number; plan: ImportPlan; summary: ImportSummary; agencyId: number; importId: number | null };

export type AgencyProblem = "unknownAgency" | "badZone";

class DryRun extends Error {}

export async function importOrganisation(db: Kysely<Database>, request: ImportRequest): Promise<ImportOutcome | { ok: false; agencyProblem: AgencyProblem }> {
  let outcome: ImportOutcome | { ok: false; agencyProblem: AgencyProblem } | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      const agency = await lockAgency(trx, request.agency);
      if ("problem" in agency) {
        outcome = { ok: false, agencyProblem: agency.problem };
        return;
      }
      const existing = await loadExistingOrganisation(trx, agency.id);
      const check = planImport(request.files, existing, { retireMissing: request.retireMissing, today: request.now, zone: agency.zone });
      if (!check.ok) {
        outcome = { ok: false, problems: check.problems };
        throw new DryRun(); // nothing written, not even a new agency
      }
      const summary = summarise(check.plan);
      if (request.dryRun) {
        outcome = { ok: true, dryRun: true, changes: check.changes, plan: check.plan, summary, agencyId: agency.id, importId: null };
        throw new DryRun();
      }
      summary.accounts = await applyPlan(trx, agency.id, check.plan, request, localDateOf(request.now, agency.zone));
      let importId: number | null = null;
      if (check.changes > 0 || agency.created) {
        const row = await trx
          .insertInto("organisation_imports")
          .values({ agency_id: agency.id, actor_user_id: request.actorUserId, source: request.source.slice(0, 300), summary: JSON.stringify(summary) })
          .returning("id")
          .executeTakeFirstOrThrow();
        importId = row.id;
        await appendAudit(trx, { actorUserId: request.actorUserId, action: "organisation.import", subjectType: "agency", subjectId: agency.id, after: { source: request.source, retireMissing: request.retireMissing, summary } });
      }
      outcome = { ok: true, dryRun: false, changes: check.changes, plan: check.plan, summary, agencyId: agency.id, importId };
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return outcome!;
}

async function lockAgency(trx: Transaction<Database>, target: AgencyTarget): Promise<{ id: number; zone: string; created: boolean } | { problem: AgencyProblem }> {
  const found = await trx.selectFrom("agencies").select(["id", "time_zone"]).where("slug", "=", target.slug).forUpdate().executeTakeFirst();
  if (found) return { id: found.id, zone: found.time_zone, created: false };
  if (!target.name) return { problem: "unknownAgency" };
  const zone = target.zone ?? "Asia/Jakarta";
  if (!["Asia/Jakarta", "Asia/Makassar", "Asia/Pontianak", "Asia/Jayapura"].includes(zone)) return { problem: "badZone" };
  const row = await trx
    .insertInto("agencies")
    .values({ slug: target.slug, name: target.name, province: target.province ?? "", time_zone: zone })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, zone, created: true };
}

/** What the portal holds for an agency, in the shape the import's check compares against. */
export async function loadExistingOrganisation(db: Kysely<Database> | Transaction<Database>, agencyId: number): Promise<ExistingOrganisation> {
  const units = await db.selectFrom("units").select(["id", "code", "name", "kind", "parent_id", "address", "retired_at"]).where("agency_id", "=", agencyId).orderBy("id").execute();
  const unitIds = units.map((unit) => unit.id);
  const services = unitIds.length === 0 ? [] : await db.selectFrom("services").selectAll().where("unit_id", "in", unitIds).orderBy("id").execute();
  const counters =
    unitIds.length === 0
      ? []
      : await db
          .selectFrom("counters")
          .select((eb) => ["id", "code", "unit_id", "name", "retired_at", eb.fn.coalesce(sql<number[]>`(select array_agg(service_id order by service_id) from counter_services where counter_id = counters.id)`, sql<number[]>`'{}'::int[]`).as("serviceIds")])
          .where("unit_id", "in", unitIds)
          .orderBy("id")
          .execute();
  const officers = await db.selectFrom("officers").selectAll().where("agency_id", "=", agencyId).orderBy("id").execute();
  const counterIds = counters.map((counter) => counter.id);
  const patterns =
    counterIds.length === 0
      ? []
      : await db
          .selectFrom("duty_patterns")
          .select([
            "id",
            "counter_id",
            "officer_id",
            "weekdays",
            sql<string>`to_char(starts, 'HH24:MI')`.as("starts"),
            sql<string>`to_char(ends, 'HH24:MI')`.as("ends"),
            "valid_from as validFrom",
            "valid_to as validTo",
          ])
          .where("counter_id", "in", counterIds)
          .execute();
  const nips = await db.selectFrom("officers").select("nip").where("agency_id", "!=", agencyId).execute();
  return {
    units: units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parent_id, address: unit.address, retired: unit.retired_at !== null })),
    services: services.map((service) => ({
      id: service.id,
      code: service.code,
      unitId: service.unit_id,
      name: service.name,
      requirements: service.requirements,
      procedure: service.procedure,
      completionDays: service.completion_days,
      feeRupiah: Number(service.fee_rupiah),
      product: service.product,
      complaintChannel: service.complaint_channel,
      usersPerYear: service.users_per_year,
      retired: !service.active,
    })),
    counters: counters.map((counter) => ({ id: counter.id, code: counter.code, unitId: counter.unit_id, name: counter.name, serviceIds: counter.serviceIds.map(Number), retired: counter.retired_at !== null })),
    officers: officers.map((officer) => ({
      id: officer.id,
      nip: officer.nip,
      name: officer.name,
      position: officer.position,
      rank: officer.rank,
      unitId: officer.unit_id,
      supervisorId: officer.supervisor_id,
      email: officer.email,
      retired: !officer.active,
    })),
    patterns: patterns.map((pattern) => ({ id: pattern.id, counterId: pattern.counter_id, officerId: pattern.officer_id, weekdays: pattern.weekdays.map(Number), starts: pattern.starts, ends: pattern.ends, validFrom: pattern.validFrom, validTo: pattern.validTo })),
    foreignNips: new Set(nips.map((row) => row.nip)),
  };
}

function counts<Row>(entity: EntityPlan<Row>): Counts {
  return { added: entity.added.length, updated: entity.updated.length, unchanged: entity.unchanged, retired: entity.retired.length };
}

function summarise(plan: ImportPlan): ImportSummary {
  return { units: counts(plan.units), services: counts(plan.services), counters: counts(plan.counters), officers: counts(plan.officers), patterns: counts(plan.patterns), accounts: 0 };
}

/** Writes the plan; returns how many officer accounts (awaiting activation) were created. */
async function applyPlan(trx: Transaction<Database>, agencyId: number, plan: ImportPlan, request: ImportRequest, today: string): Promise<number> {
  const now = request.now;
  const rebuild = new Set<number>();

  // Units: fields first, parents once every code has an id, then every path from the top.
  for (const { id, row } of plan.units.updated) {
    await trx.updateTable("units").set({ code: row.code, name: row.name, kind: row.kind, address: row.address, retired_at: null }).where("id", "=", id).execute();
  }
  const slugs = new Set((await trx.selectFrom("units").select("slug").where("agency_id", "=", agencyId).execute()).map((unit) => unit.slug));
  for (const row of parentsFirst(plan.units.added)) {
    const base = slugify(row.name) || row.code.toLowerCase();
    let slug = slugs.has(base) ? `${base}-${slugify(row.code)}` : base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    await trx.insertInto("units").values({ agency_id: agencyId, parent_id: null, kind: row.kind, name: row.name, slug, address: row.address, code: row.code }).execute();
  }
  const unitIds = await codeMap(trx, "units", agencyId);
  for (const row of [...plan.units.added, ...plan.units.updated.filter((update) => update.fields.includes("parent")).map((update) => update.row)]) {
    const parentId = row.parentCode === null ? null : unitIds.get(row.parentCode)!;
    await trx.updateTable("units").set({ parent_id: parentId }).where("id", "=", unitIds.get(row.code)!).execute();
  }
  if (plan.units.retired.length > 0) await trx.updateTable("units").set({ retired_at: now }).where("id", "in", plan.units.retired.map((unit) => unit.id)).execute();
  await sql`
    with recursive tree as (
      select id, '/' || id || '/' as path from units where agency_id = ${agencyId} and parent_id is null
      union all
      select u.id, tree.path || u.id || '/' from units u join tree on u.parent_id = tree.id
    )
    update units set path = tree.path from tree where units.id = tree.id and units.path is distinct from tree.path`.execute(trx);

  // Services.
  for (const { id, row } of plan.services.updated) {
    await trx.updateTable("services").set({ ...serviceValues(row), unit_id: unitIds.get(row.unitCode)!, active: true }).where("id", "=", id).execute();
  }
  for (const row of plan.services.added) await trx.insertInto("services").values({ ...serviceValues(row), unit_id: unitIds.get(row.unitCode)! }).execute();
  if (plan.services.retired.length > 0) await trx.updateTable("services").set({ active: false }).where("id", "in", plan.services.retired.map((service) => service.id)).execute();
  const serviceIds = await serviceCodeMap(trx, agencyId);

  // Counters and the services each one offers.
  const newCode = request.publicCode ?? randomPublicCode;
  const setServices = async (counterId: number, codes: string[]) => {
    await trx.deleteFrom("counter_services").where("counter_id", "=", counterId).execute();
    if (codes.length > 0) await trx.insertInto("counter_services").values(codes.map((code) => ({ counter_id: counterId, service_id: serviceIds.get(code)! }))).execute();
  };
  for (const { id, row, fields } of plan.counters.updated) {
    await trx.updateTable("counters").set({ code: row.code, name: row.name, unit_id: unitIds.get(row.unitCode)!, retired_at: null }).where("id", "=", id).execute();
    if (fields.includes("services")) await setServices(id, row.serviceCodes);
  }
  for (const row of plan.counters.added) {
    const counter = await trx.insertInto("counters").values({ code: row.code, name: row.name, unit_id: unitIds.get(row.unitCode)!, public_code: newCode() }).returning("id").executeTakeFirstOrThrow();
    await setServices(counter.id, row.serviceCodes);
  }
  for (const counter of plan.counters.retired) {
    await trx.updateTable("counters").set({ retired_at: now }).where("id", "=", counter.id).execute();
    for (const id of await endPatterns(trx, { counterId: counter.id }, today)) rebuild.add(id);
  }

  // Officers: rows first, supervisors once every NIP has an id; each gets an account awaiting activation.
  for (const { id, row } of plan.officers.updated) {
    await trx.updateTable("officers").set({ ...officerValues(row), unit_id: unitIds.get(row.unitCode)!, active: true, retired_at: null }).where("id", "=", id).execute();
  }
  for (const row of plan.officers.added) {
    await trx.insertInto("officers").values({ ...officerValues(row), agency_id: agencyId, unit_id: unitIds.get(row.unitCode)! }).execute();
  }
  const officerIds = new Map((await trx.selectFrom("officers").select(["id", "nip"]).where("agency_id", "=", agencyId).execute()).map((officer) => [officer.nip, officer.id]));
  for (const row of [...plan.officers.added, ...plan.officers.updated.filter((update) => update.fields.includes("supervisor")).map((update) => update.row)]) {
    await trx.updateTable("officers").set({ supervisor_id: row.supervisorNip === null ? null : officerIds.get(row.supervisorNip)! }).where("id", "=", officerIds.get(row.nip)!).execute();
  }
  for (const officer of plan.officers.retired) {
    await trx.updateTable("officers").set({ active: false, retired_at: now }).where("id", "=", officer.id).execute();
    await trx.updateTable("users").set({ active: false }).where("officer_id", "=", officer.id).execute();
    for (const id of await endPatterns(trx, { officerId: officer.id }, today)) rebuild.add(id);
  }
  let accounts = 0;
  for (const row of [...plan.officers.added, ...plan.officers.updated.map((update) => update.row)]) {
    const officerId = officerIds.get(row.nip)!;
    const unitId = unitIds.get(row.unitCode)!;
    let user = await trx.selectFrom("users").select(["id"]).where("officer_id", "=", officerId).executeTakeFirst();
    if (!user) {
      const taken = await trx.selectFrom("users").select("id").where("username", "=", row.nip).executeTakeFirst();
      user = await trx
        .insertInto("users")
        .values({ username: taken ? null : row.nip, officer_id: officerId, display_name: row.name, password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      accounts++;
    } else {
      await trx.updateTable("users").set({ active: true }).where("id", "=", user.id).execute();
    }
    // The officer role follows the officer's unit; other roles are the administrators' to grant.
    await trx.deleteFrom("user_roles").where("user_id", "=", user.id).where("role", "=", "officer").where("unit_id", "!=", unitId).execute();
    await trx.insertInto("user_roles").values({ user_id: user.id, role: "officer", unit_id: unitId }).onConflict((oc) => oc.doNothing()).execute();
  }

  // Duty patterns, then the concrete shifts of every counter they touch.
  const counterIds = await codeMap(trx, "counters", agencyId);
  for (const row of plan.patterns.added) {
    const counterId = counterIds.get(row.counterCode)!;
    await trx
      .insertInto("duty_patterns")
      .values({ counter_id: counterId, officer_id: officerIds.get(row.nip)!, weekdays: row.weekdays, starts: row.starts, ends: row.ends, valid_from: row.validFrom, valid_to: row.validTo })
      .execute();
    rebuild.add(counterId);
  }
  for (const { id, row } of plan.patterns.updated) {
    await trx.updateTable("duty_patterns").set({ valid_to: row.validTo }).where("id", "=", id).execute();
    rebuild.add(counterIds.get(row.counterCode)!);
  }
  for (const id of await endPatterns(trx, { patternIds: plan.patterns.retired.map((pattern) => pattern.id) }, today)) rebuild.add(id);
  for (const counterId of rebuild) await rebuildCounterShifts(trx, counterId);
  return accounts;
}

function serviceValues(row: ImportPlan["services"]["added"][number]) {
  return {
    code: row.code,
    name: row.name,
    requirements: row.requirements,
    procedure: row.procedure,
    completion_days: row.completionDays,
    fee_rupiah: row.feeRupiah,
    product: row.product,
    complaint_channel: row.complaintChannel,
    users_per_year: row.usersPerYear,
  };
}

function officerValues(row: ImportPlan["officers"]["added"][number]) {
  return { nip: row.nip, name: row.name, position: row.position, rank: row.rank, email: row.email };
}

async function codeMap(trx: Transaction<Database>, table: "units" | "counters", agencyId: number): Promise<Map<string, number>> {
  const rows =
    table === "units"
      ? await trx.selectFrom("units").select(["id", "code"]).where("agency_id", "=", agencyId).where("code", "is not", null).execute()
      : await trx.selectFrom("counters").innerJoin("units", "units.id", "counters.unit_id").select(["counters.id", "counters.code"]).where("units.agency_id", "=", agencyId).where("counters.code", "is not", null).execute();
  return new Map(rows.map((row) => [row.code!.toUpperCase(), row.id]));
}

async function serviceCodeMap(trx: Transaction<Database>, agencyId: number): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom("services")
    .innerJoin("units", "units.id", "services.unit_id")
    .select(["services.id", "services.code"])
    .where("units.agency_id", "=", agencyId)
    .where("services.code", "is not", null)
    .execute();
  return new Map(rows.map((row) => [row.code!.toUpperCase(), row.id]));
}

const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A counter's public code: 10 characters without look-alikes, unguessable. */
export function randomPublicCode(): string {
  const bytes = randomBytes(10);
  let code = "";
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Keeps an uploaded import for its preview and confirmation. */
export async function saveImportUpload(db: Kysely<Database>, input: { agencyId: number; userId: number; source: string; files: ImportFiles; retireMissing: boolean }): Promise<number> {
  const row = await db
    .insertInto("organisation_import_uploads")
    .values({ agency_id: input.agencyId, created_by: input.userId, source: input.source.slice(0, 300), files: JSON.stringify(input.files), retire_missing: input.retireMissing })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function importUpload(db: Kysely<Database>, uploadId: number, agencyId: number) {
  const row = await db
    .selectFrom("organisation_import_uploads")
    .innerJoin("agencies", "agencies.id", "organisation_import_uploads.agency_id")
    .select(["organisation_import_uploads.id", "source", "files", "retire_missing as retireMissing", "applied_import_id as appliedImportId", "agencies.slug"])
    .where("organisation_import_uploads.id", "=", uploadId)
    .where("organisation_import_uploads.agency_id", "=", agencyId)
    .executeTakeFirst();
  return row ? { ...row, files: row.files as unknown as ImportFiles } : undefined;
}

/** Checks a kept upload against the organisation as it is now; `apply` writes it (all or nothing). */
export async function runImportUpload(db: Kysely<Database>, upload: NonNullable<Awaited<ReturnType<typeof importUpload>>>, userId: number, now: Date, apply: boolean) {
  const outcome = await importOrganisation(db, { agency: { slug: upload.slug }, files: upload.files, retireMissing: upload.retireMissing, dryRun: !apply, actorUserId: userId, source: upload.source, now });
  if (apply && outcome.ok && outcome.importId !== null) {
    await db.updateTable("organisation_import_uploads").set({ applied_import_id: outcome.importId }).where("id", "=", upload.id).execute();
  }
  return outcome;
}

export async function importHistory(db: Kysely<Database>, agencyId: number, limit = 20) {
  const rows = await db
    .selectFrom("organisation_imports")
    .leftJoin("users", "users.id", "organisation_imports.actor_user_id")
    .select(["organisation_imports.id", "organisation_imports.source", "organisation_imports.summary", "organisation_imports.created_at as at", "users.display_name as actor"])
    .where("organisation_imports.agency_id", "=", agencyId)
    .orderBy("organisation_imports.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, summary: row.summary as unknown as ImportSummary }));
}
