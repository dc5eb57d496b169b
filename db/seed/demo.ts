import type { Kysely } from "kysely";
import { seedAssessments } from "./assessments";
import { seedComplaints } from "./complaints";
import { seedForums } from "./forums";
import type { Database, Role } from "../schema";
import { makeNip } from "../../app/domain/nip";
import { hashPassword } from "../../app/platform/password.server";
import { codeFrom, seededRandom, type Random } from "./random";
import { seedDemoRatings } from "./ratings";
import {
  AGENCY_SEEDS,
  LEAD_POSITIONS,
  NAME_POOLS,
  RANKS,
  SERVICE_COMPLAINT_CHANNEL,
  STAFF_POSITIONS,
  UNIT_SEEDS,
  type AgencySeed,
} from "./demo-catalogue";

export const DEMO_PASSWORD = "Suara-Demo-2026";
const ROSTER_FROM = new Date("2024-01-01T00:00:00Z");
const ROSTER_TO = new Date("2028-12-31T23:59:59Z");

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agencySlug: string;
  unitKey: "root" | "dukcapil";
  /** Links the account to an officer of that unit: its head, or its first counter officer. */
  officer?: "head" | "counter";
}

// The demo sign-ins printed in the README.
export const DEMO_USERS: DemoUser[] = [
  { username: "admin", displayName: "Admin Portal", role: "admin", agencySlug: "*", unitKey: "root" },
  { username: "supervisor", displayName: "", role: "supervisor", agencySlug: "kota-pariaman", unitKey: "dukcapil", officer: "head" },
  { username: "supervisor.sorong", displayName: "", role: "supervisor", agencySlug: "kota-sorong", unitKey: "dukcapil", officer: "head" },
  { username: "petugas", displayName: "", role: "officer", agencySlug: "kota-pariaman", unitKey: "dukcapil", officer: "counter" },
  { username: "moderator", displayName: "Moderator Forum Kota Pariaman", role: "moderator", agencySlug: "kota-pariaman", unitKey: "root" },
  { username: "pengaduan", displayName: "Pengelola Pengaduan Kota Pariaman", role: "complaint_handler", agencySlug: "kota-pariaman", unitKey: "root" },
];

interface AgencyIds {
  rootUnitId: number;
  unitIds: Map<string, number>;
  headOfficerIds: Map<string, number>;
  counterOfficerIds: Map<string, number[]>;
}

/**
 * Writes the demo governments. Idempotent: an agency that exists already is left alone, and demo users
 * that exist already are not touched. Returns whether anything was written.
 */
export async function seedDemo(db: Kysely<Database>, options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  if (options.onlyIfEmpty) {
    const any = await db.selectFrom("agencies").select("id").limit(1).executeTakeFirst();
    if (any) return false;
  }
  let wrote = false;
  const agencies = new Map<string, AgencyIds>();
  await db.transaction().execute(async (trx) => {
    for (const [index, seed] of AGENCY_SEEDS.entries()) {
      const existing = await trx.selectFrom("agencies").select("id").where("slug", "=", seed.slug).executeTakeFirst();
      const agencyRandom = seededRandom(1_000 + index);
      if (existing) continue;
      agencies.set(seed.slug, await seedAgency(trx, seed, agencyRandom, index));
      wrote = true;
    }
    for (const demo of DEMO_USERS) {
      const exists = await trx.selectFrom("users").select("id").where("username", "=", demo.username).executeTakeFirst();
      if (exists) continue;
      const targets = demo.agencySlug === "*" ? [...agencies.values()] : [agencies.get(demo.agencySlug)].filter((a): a is AgencyIds => a !== undefined);
      if (targets.length === 0) continue;
      const first = targets[0]!;
      const officerId =
        demo.officer === "head"
          ? first.headOfficerIds.get(demo.unitKey)
          : demo.officer === "counter"
            ? first.counterOfficerIds.get(demo.unitKey)?.[0]
            : undefined;
      const officerName = officerId
        ? (await trx.selectFrom("officers").select("name").where("id", "=", officerId).executeTakeFirstOrThrow()).name
        : undefined;
      const user = await trx
        .insertInto("users")
        .values({
          username: demo.username,
          officer_id: officerId ?? null,
          display_name: officerName ?? demo.displayName,
          password_hash: await hashPassword(DEMO_PASSWORD),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const target of targets) {
        const unitId = demo.unitKey === "root" ? target.rootUnitId : target.unitIds.get(demo.unitKey)!;
        await trx.insertInto("user_roles").values({ user_id: user.id, role: demo.role, unit_id: unitId }).execute();
      }
      if (demo.officer === "head") {
        // A unit head also sees their own record as an officer.
        const unitId = first.unitIds.get(demo.unitKey)!;
        await trx.insertInto("user_roles").values({ user_id: user.id, role: "officer", unit_id: unitId }).execute();
      }
      wrote = true;
    }
  });
  // Later features add their demo records (ratings, complaints, forums) on top of the organisation.
  if (wrote) for (const seedFeature of FEATURE_SEEDS) await seedFeature(db);
  return wrote;
}

type FeatureSeed = (db: Kysely<Database>) => Promise<void>;
const FEATURE_SEEDS: FeatureSeed[] = [seedDemoRatings, seedAssessments, seedComplaints, seedForums];

async function insertUnit(
  trx: Kysely<Database>,
  values: { agencyId: number; parentId: number | null; parentPath: string; kind: Database["units"]["kind"]; name: string; address: string },
): Promise<{ id: number; path: string }> {
  const row = await trx
    .insertInto("units")
    .values({
      agency_id: values.agencyId,
      parent_id: values.parentId,
      kind: values.kind,
      name: values.name,
      slug: slugify(values.name),
      address: values.address,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const path = `${values.parentPath}${row.id}/`;
  await trx.updateTable("units").set({ path }).where("id", "=", row.id).execute();
  return { id: row.id, path };
}

async function seedAgency(trx: Kysely<Database>, seed: AgencySeed, random: Random, agencyIndex: number): Promise<AgencyIds> {
  const agency = await trx
    .insertInto("agencies")
    .values({ slug: seed.slug, name: seed.name, province: seed.province, time_zone: seed.timeZone })
    .returning("id")
    .executeTakeFirstOrThrow();
  const city = seed.name.replace("Pemerintah ", "");
  const root = await insertUnit(trx, {
    agencyId: agency.id,
    parentId: null,
    parentPath: "/",
    kind: "pemda",
    name: seed.rootName,
    address: `Kantor ${seed.name.replace("Pemerintah ", "Wali Kota ").replace("Wali Kota Kabupaten", "Bupati")}, ${city}`,
  });
  const ids: AgencyIds = { rootUnitId: root.id, unitIds: new Map(), headOfficerIds: new Map(), counterOfficerIds: new Map() };
  let sequence = 1;
  const officer = async (unitId: number, position: string, rank: string, supervisorId: number | null, seniority: "head" | "lead" | "staff") => {
    const sex = random.chance(0.5) ? "male" : "female";
    const pool = NAME_POOLS[seed.namePool];
    const name = `${random.pick(pool[sex])} ${random.pick(pool.last)}`;
    const birthYear = seniority === "head" ? random.int(1968, 1976) : seniority === "lead" ? random.int(1975, 1984) : random.int(1985, 1998);
    const birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const appointment = `${birthYear + random.int(22, 27)}-${pad(random.int(1, 12))}`;
    const nip = makeNip({ birthDate, appointment, sex, sequence: ((agencyIndex * 211 + sequence++) % 999) + 1 });
    const row = await trx
      .insertInto("officers")
      .values({ agency_id: agency.id, unit_id: unitId, nip, name, position, rank, supervisor_id: supervisorId })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const sekdaId = await officer(root.id, `Sekretaris Daerah ${city}`, RANKS.head[0], null, "head");
  const unitPaths = new Map<string, string>([["root", root.path]]);
  for (const unitSeed of UNIT_SEEDS) {
    const parentKey = unitSeed.parentKey ?? "root";
    const parentId = parentKey === "root" ? root.id : ids.unitIds.get(parentKey)!;
    const unitName = unitSeed.name(seed);
    const unit = await insertUnit(trx, {
      agencyId: agency.id,
      parentId,
      parentPath: unitPaths.get(parentKey)!,
      kind: unitSeed.kind,
      name: unitName,
      address: `Jl. ${random.pick(["Sudirman", "Diponegoro", "Ahmad Yani", "Imam Bonjol", "Gatot Subroto", "Pahlawan"])} No. ${random.int(1, 120)}, ${city}`,
    });
    ids.unitIds.set(unitSeed.key, unit.id);
    unitPaths.set(unitSeed.key, unit.path);

    const headSupervisor = unitSeed.parentKey ? ids.headOfficerIds.get(unitSeed.parentKey)! : sekdaId;
    const headId = await officer(unit.id, unitSeed.headPosition, random.pick(RANKS.head), headSupervisor, "head");
    ids.headOfficerIds.set(unitSeed.key, headId);
    const leadIds: number[] = [];
    for (const position of LEAD_POSITIONS) leadIds.push(await officer(unit.id, position, random.pick(RANKS.lead), headId, "lead"));
    const staffIds: number[] = [];
    for (let i = 0; i < unitSeed.staff; i++) {
      staffIds.push(await officer(unit.id, random.pick(STAFF_POSITIONS), random.pick(RANKS.staff), leadIds[i % leadIds.length]!, "staff"));
    }

    const serviceIds = new Map<string, number>();
    for (const service of unitSeed.services) {
      const row = await trx
        .insertInto("services")
        .values({
          unit_id: unit.id,
          name: service.name,
          requirements: service.requirements,
          procedure: service.procedure,
          completion_days: service.completionDays,
          fee_rupiah: service.feeRupiah,
          product: service.product,
          complaint_channel: SERVICE_COMPLAINT_CHANNEL,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      serviceIds.set(service.name, row.id);
    }
    const onDuty: number[] = [];
    for (const [counterIndex, counterSeed] of unitSeed.counters.entries()) {
      const counter = await trx
        .insertInto("counters")
        .values({ unit_id: unit.id, name: counterSeed.name, public_code: codeFrom(random, 8) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("counter_services")
        .values(counterSeed.services.map((name) => ({ counter_id: counter.id, service_id: serviceIds.get(name)! })))
        .execute();
      // Two or three staff take turns at each counter for the demo's whole span.
      const team = staffIds.slice(counterIndex * 3, counterIndex * 3 + 3);
      for (const officerId of team) {
        await trx
          .insertInto("duty_roster")
          .values({ officer_id: officerId, counter_id: counter.id, starts_at: ROSTER_FROM, ends_at: ROSTER_TO })
          .execute();
        onDuty.push(officerId);
      }
    }
    ids.counterOfficerIds.set(unitSeed.key, onDuty);
  }
  return ids;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
