import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { importOrganisation } from "../../app/data/org-import.server";
import { makeNip } from "../../app/domain/nip";
import { SHEET_COLUMNS, SHEET_NAMES, type ImportFiles, type SheetName } from "../../app/domain/org-import/sheets";
import { addCalendarDays, localDateOf } from "../../app/domain/working-days";
import { LEAD_POSITIONS, NAME_POOLS, RANKS, SERVICE_COMPLAINT_CHANNEL, STAFF_POSITIONS, UNIT_SEEDS, type AgencySeed } from "./demo-catalogue";
import { codeFrom, type Random } from "./random";

// A demo government is an imported one: its organisation is written as the five import sheets (in memory) and run
// through the same import an agency uses, so the demo shows what an import makes. Rosters are office shifts.

export interface AgencyIds {
  rootUnitId: number;
  unitIds: Map<string, number>;
  headOfficerIds: Map<string, number>;
  counterOfficerIds: Map<string, number[]>;
}

/** Office shifts of a counter's team: a morning and an afternoon officer, a third on a full day when there is one. */
function teamShifts(position: number, saturday: boolean): [days: string, from: string, to: string][] {
  if (position === 0) return [["Senin-Kamis", "07:30", "12:00"], ["Jumat", "07:30", "11:30"], ...(saturday ? ([["Sabtu", "08:00", "12:00"]] as [string, string, string][]) : [])];
  if (position === 1) return [["Senin-Kamis", "12:00", "16:00"], ["Jumat", "13:30", "16:30"]];
  return [["Senin-Jumat", "08:00", "15:00"]];
}

export function demoAgencySheets(seed: AgencySeed, random: Random, agencyIndex: number, now: Date) {
  const tables = Object.fromEntries(SHEET_NAMES.map((sheet) => [sheet, [[...SHEET_COLUMNS[sheet]]]])) as Record<SheetName, string[][]>;
  const city = seed.name.replace("Pemerintah ", "");
  const rootAddress = `Kantor ${seed.name.replace("Pemerintah ", "Wali Kota ").replace("Wali Kota Kabupaten", "Bupati")}, ${city}`;
  tables.unit.push(["SETDA", seed.rootName, "sekretariat", "", rootAddress]);
  let sequence = 1;
  const pad = (value: number) => String(value).padStart(2, "0");
  const officer = (unitCode: string, position: string, rank: string, supervisorNip: string, seniority: "head" | "lead" | "staff") => {
    const sex = random.chance(0.5) ? "male" : "female";
    const pool = NAME_POOLS[seed.namePool];
    const name = `${random.pick(pool[sex])} ${random.pick(pool.last)}`;
    const birthYear = seniority === "head" ? random.int(1968, 1976) : seniority === "lead" ? random.int(1975, 1984) : random.int(1985, 1998);
    const birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const appointment = `${birthYear + random.int(22, 27)}-${pad(random.int(1, 12))}`;
    const nip = makeNip({ birthDate, appointment, sex, sequence: ((agencyIndex * 211 + sequence++) % 999) + 1 });
    tables.pegawai.push([nip, name, position, rank, unitCode, supervisorNip, ""]);
    return nip;
  };
  const validFrom = localDateOf(new Date(now.getTime() - 730 * 86_400_000), seed.timeZone);
  const validTo = addCalendarDays(localDateOf(now, seed.timeZone), 365);
  const sekda = officer("SETDA", `Sekretaris Daerah ${city}`, RANKS.head[0], "", "head");
  const heads = new Map<string, string>();
  const teams = new Map<string, string[]>();
  for (const unitSeed of UNIT_SEEDS) {
    const code = unitSeed.key.toUpperCase();
    const parent = unitSeed.parentKey ? unitSeed.parentKey.toUpperCase() : "SETDA";
    const street = random.pick(["Sudirman", "Diponegoro", "Ahmad Yani", "Imam Bonjol", "Gatot Subroto", "Pahlawan"]);
    tables.unit.push([code, unitSeed.name(seed), unitSeed.kind, parent, `Jl. ${street} No. ${random.int(1, 120)}, ${city}`]);
    const head = officer(code, unitSeed.headPosition, random.pick(RANKS.head), unitSeed.parentKey ? heads.get(unitSeed.parentKey)! : sekda, "head");
    heads.set(unitSeed.key, head);
    const leads = LEAD_POSITIONS.map((position) => officer(code, position, random.pick(RANKS.lead), head, "lead"));
    const staff = Array.from({ length: unitSeed.staff }, (_, i) => officer(code, random.pick(STAFF_POSITIONS), random.pick(RANKS.staff), leads[i % leads.length]!, "staff"));
    const serviceCodes = new Map<string, string>();
    for (const [index, service] of unitSeed.services.entries()) {
      const serviceCode = `${code}-${index + 1}`;
      serviceCodes.set(service.name, serviceCode);
      tables.layanan.push([serviceCode, code, service.name, service.requirements, service.procedure, String(service.completionDays), String(service.feeRupiah), service.product, SERVICE_COMPLAINT_CHANNEL, String(random.int(8, 150) * 100)]);
    }
    const onDuty: string[] = [];
    for (const [index, counterSeed] of unitSeed.counters.entries()) {
      const counterCode = `${code}-L${index + 1}`;
      tables.loket.push([counterCode, code, counterSeed.name, counterSeed.services.map((name) => serviceCodes.get(name)!).join(";")]);
      const team = staff.slice(index * 3, index * 3 + 3);
      for (const [position, nip] of team.entries()) {
        for (const [days, from, to] of teamShifts(position, unitSeed.kind === "puskesmas")) tables.jadwal.push([counterCode, nip, days, from, to, validFrom, validTo]);
        onDuty.push(nip);
      }
    }
    teams.set(unitSeed.key, onDuty);
  }
  return { tables, heads, teams };
}

function asFiles(tables: Record<SheetName, string[][]>): ImportFiles {
  return Object.fromEntries(SHEET_NAMES.map((sheet) => [sheet, { file: `${sheet}.csv`, records: tables[sheet].map((fields, index) => ({ line: index + 1, fields })) }])) as ImportFiles;
}

/** Imports one demo government; throws if the demo's own sheets fail the import's checks (a bug in the demo). */
export async function seedAgencyThroughImport(db: Kysely<Database>, seed: AgencySeed, random: Random, agencyIndex: number, now: Date): Promise<AgencyIds> {
  const { tables, heads, teams } = demoAgencySheets(seed, random, agencyIndex, now);
  const outcome = await importOrganisation(db, {
    agency: { slug: seed.slug, name: seed.name, zone: seed.timeZone, province: seed.province },
    files: asFiles(tables),
    retireMissing: false,
    dryRun: false,
    actorUserId: null,
    source: "demo",
    now,
    publicCode: () => codeFrom(random, 8),
  });
  if (!outcome.ok) throw new Error(`The demo organisation of ${seed.slug} does not import: ${JSON.stringify("problems" in outcome ? outcome.problems.slice(0, 5) : outcome)}`);
  const units = await db.selectFrom("units").select(["id", "code"]).where("agency_id", "=", outcome.agencyId).execute();
  const officers = new Map((await db.selectFrom("officers").select(["id", "nip"]).where("agency_id", "=", outcome.agencyId).execute()).map((row) => [row.nip, row.id]));
  const unitIds = new Map(UNIT_SEEDS.map((unitSeed) => [unitSeed.key as string, units.find((unit) => unit.code === unitSeed.key.toUpperCase())!.id]));
  return {
    rootUnitId: units.find((unit) => unit.code === "SETDA")!.id,
    unitIds,
    headOfficerIds: new Map([...heads].map(([key, nip]) => [key, officers.get(nip)!])),
    counterOfficerIds: new Map([...teams].map(([key, nips]) => [key, nips.map((nip) => officers.get(nip)!)])),
  };
}

/**
 * A demo sign-in: an imported officer already has an account awaiting activation (username = NIP), which the
 * demo names and gives the demo password; an account without an officer is made anew.
 */
export async function demoAccount(db: Kysely<Database>, input: { username: string; officerId: number | null; displayName: string; passwordHash: string }): Promise<number> {
  if (input.officerId !== null) {
    const officer = await db.selectFrom("officers").select("name").where("id", "=", input.officerId).executeTakeFirstOrThrow();
    const claimed = await db
      .updateTable("users")
      .set({ username: input.username, display_name: officer.name, password_hash: input.passwordHash })
      .where("officer_id", "=", input.officerId)
      .returning("id")
      .executeTakeFirst();
    if (claimed) return claimed.id;
    const user = await db.insertInto("users").values({ username: input.username, officer_id: input.officerId, display_name: officer.name, password_hash: input.passwordHash }).returning("id").executeTakeFirstOrThrow();
    return user.id;
  }
  const user = await db.insertInto("users").values({ username: input.username, officer_id: null, display_name: input.displayName, password_hash: input.passwordHash }).returning("id").executeTakeFirstOrThrow();
  return user.id;
}

