import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { rebuildRollups } from "../../app/data/indicators.server";
import { seededRandom, type Random } from "./random";

export interface RatingSeedOptions {
  count: number;
  /** Inclusive span of submission times. */
  from: Date;
  to: Date;
  seed?: number;
  batchSize?: number;
  onProgress?: (written: number, total: number) => void;
}

interface CounterPlan {
  id: number;
  unitId: number;
  agencyId: number;
  services: number[];
  officers: number[];
  /** Each counter has its own general quality, so units differ. */
  base: number;
}

const COMMENTS = {
  good: ["Pelayanan cepat dan ramah.", "Petugas menjelaskan dengan jelas.", "Terima kasih, prosesnya mudah.", "Antrean tertib, tidak lama.", "Ruang tunggu bersih dan nyaman."],
  bad: ["Antrean terlalu lama.", "Petugas kurang ramah.", "Persyaratan tidak dijelaskan di awal.", "Sistem sering gangguan.", "Ruang tunggu panas, kipas tidak jalan."],
};

/**
 * Writes `count` believable ratings quickly: several years, busier in July and before Lebaran, some officers
 * consistently better or worse than their colleagues. Rollups are rebuilt once at the end.
 */
export async function seedRatings(db: Kysely<Database>, options: RatingSeedOptions): Promise<void> {
  const random = seededRandom(options.seed ?? 42);
  const plans = await counterPlans(db, random);
  if (plans.length === 0) return;
  const officerBias = new Map<number, number>();
  for (const plan of plans) {
    for (const officer of plan.officers) {
      // About one officer in eight stands out for the worse, one in six for the better.
      const roll = random.next();
      officerBias.set(officer, roll < 0.12 ? -0.9 : roll > 0.83 ? 0.45 : (random.next() - 0.5) * 0.3);
    }
  }
  const batchSize = options.batchSize ?? 20_000;
  const span = options.to.getTime() - options.from.getTime();
  await sql`alter table ratings disable trigger ratings_daily_rollup_insert`.execute(db);
  try {
    for (let written = 0; written < options.count; written += batchSize) {
      const size = Math.min(batchSize, options.count - written);
      const columns = makeColumns(size, plans, officerBias, random, options.from.getTime(), span);
      await insertColumns(db, columns);
      options.onProgress?.(written + size, options.count);
    }
  } finally {
    await sql`alter table ratings enable trigger ratings_daily_rollup_insert`.execute(db);
  }
  await rebuildRollups(db);
}

async function counterPlans(db: Kysely<Database>, random: Random): Promise<CounterPlan[]> {
  const rows = await sql<{ id: number; unit_id: number; agency_id: number; services: number[]; officers: number[] | null }>`
    select c.id, c.unit_id, u.agency_id,
      array(select service_id from counter_services cs where cs.counter_id = c.id order by service_id) as services,
      array(select distinct officer_id from duty_roster d where d.counter_id = c.id order by officer_id) as officers
    from counters c join units u on u.id = c.unit_id
    where c.retired_at is null order by c.id`.execute(db);
  return rows.rows
    .filter((row) => row.services.length > 0)
    .map((row) => ({ id: row.id, unitId: row.unit_id, agencyId: row.agency_id, services: row.services, officers: row.officers ?? [], base: 2.7 + random.next() * 0.9 }));
}

// Visits are not spread evenly: more in July (school enrolment) and in the weeks before Lebaran.
function seasonalTime(random: Random, from: number, span: number): number {
  for (;;) {
    const at = from + random.next() * span;
    const month = new Date(at).getUTCMonth();
    const weight = month === 6 ? 1.5 : month === 2 || month === 3 ? 1.25 : month === 11 ? 0.7 : 1;
    if (random.next() * 1.5 < weight) return at;
  }
}

function score(random: Random, mean: number): number {
  const noisy = mean + (random.next() + random.next() + random.next() - 1.5) * 1.1;
  return Math.min(4, Math.max(1, Math.round(noisy)));
}

function makeColumns(size: number, plans: CounterPlan[], officerBias: Map<number, number>, random: Random, from: number, span: number) {
  const cols = {
    agency: [] as number[], unit: [] as number[], counter: [] as number[], service: [] as number[], officer: [] as (number | null)[],
    at: [] as string[], channel: [] as string[], kind: [] as string[], quick: [] as (number | null)[],
    u: Array.from({ length: 9 }, () => [] as (number | null)[]), comment: [] as (string | null)[], verified: [] as boolean[],
    sex: [] as (string | null)[], age: [] as (string | null)[], education: [] as (string | null)[], occupation: [] as (string | null)[],
  };
  for (let i = 0; i < size; i++) {
    const plan = plans[Math.floor(random.next() * plans.length)]!;
    const officer = plan.officers.length > 0 && random.chance(0.62) ? plan.officers[Math.floor(random.next() * plan.officers.length)]! : null;
    const mean = plan.base + (officer !== null ? (officerBias.get(officer) ?? 0) : 0);
    const full = random.chance(0.35);
    cols.agency.push(plan.agencyId);
    cols.unit.push(plan.unitId);
    cols.counter.push(plan.id);
    cols.service.push(plan.services[Math.floor(random.next() * plan.services.length)]!);
    cols.officer.push(officer);
    cols.at.push(new Date(seasonalTime(random, from, span)).toISOString());
    cols.channel.push(random.chance(0.08) ? "kiosk" : random.chance(0.05) ? "paper" : "qr");
    cols.kind.push(full ? "full" : "quick");
    cols.quick.push(full ? null : score(random, mean));
    for (let element = 0; element < 9; element++) {
      // Fees are usually free (4); the unit-level elements follow the counter, U6 and U7 the officer.
      const elementMean = element === 3 ? 3.7 : element === 5 || element === 6 ? mean : plan.base;
      cols.u[element]!.push(full && !random.chance(0.04) ? score(random, elementMean) : null);
    }
    // Most full surveys carry a respondent profile; some fields are left blank, as on paper.
    const profile = full && random.chance(0.85);
    cols.sex.push(profile ? random.pick(["male", "female"]) : null);
    cols.age.push(profile && random.chance(0.9) ? random.pick(["lt20", "20_29", "20_29", "30_39", "30_39", "40_49", "50_59", "60plus"]) : null);
    cols.education.push(profile && random.chance(0.85) ? random.pick(["sd", "smp", "sma", "sma", "sma", "d1_d3", "d4_s1", "d4_s1", "s2"]) : null);
    cols.occupation.push(profile && random.chance(0.85) ? random.pick(["pns", "swasta", "swasta", "wirausaha", "wirausaha", "pelajar", "lainnya", "tni", "polri"]) : null);
    const happy = mean >= 3;
    cols.comment.push(random.chance(0.12) ? random.pick(happy ? COMMENTS.good : COMMENTS.bad) : null);
    cols.verified.push(random.chance(0.3));
  }
  return cols;
}

async function insertColumns(db: Kysely<Database>, cols: ReturnType<typeof makeColumns>): Promise<void> {
  await sql`
    insert into ratings (agency_id, unit_id, counter_id, service_id, officer_id, submitted_at, channel, kind, quick_score,
      u1, u2, u3, u4, u5, u6, u7, u8, u9, comment, verified, sex, age_band, education, occupation, idempotency_key, content_hash)
    select t.agency, t.unit, t.counter, t.service, t.officer, t.at, t.channel, t.kind, t.quick,
      t.u1, t.u2, t.u3, t.u4, t.u5, t.u6, t.u7, t.u8, t.u9, t.comment, t.verified, t.sex, t.age, t.education, t.occupation, gen_random_uuid(), 'seed'
    from unnest(${cols.agency}::int[], ${cols.unit}::int[], ${cols.counter}::int[], ${cols.service}::int[], ${cols.officer}::int[],
      ${cols.at}::timestamptz[], ${cols.channel}::text[], ${cols.kind}::text[], ${cols.quick}::smallint[],
      ${cols.u[0]}::smallint[], ${cols.u[1]}::smallint[], ${cols.u[2]}::smallint[], ${cols.u[3]}::smallint[], ${cols.u[4]}::smallint[],
      ${cols.u[5]}::smallint[], ${cols.u[6]}::smallint[], ${cols.u[7]}::smallint[], ${cols.u[8]}::smallint[],
      ${cols.comment}::text[], ${cols.verified}::boolean[], ${cols.sex}::text[], ${cols.age}::text[], ${cols.education}::text[], ${cols.occupation}::text[])
      as t(agency, unit, counter, service, officer, at, channel, kind, quick, u1, u2, u3, u4, u5, u6, u7, u8, u9, comment, verified, sex, age, education, occupation)`.execute(db);
}

/** The demo's share of ratings: two years up to now, enough to fill every page. */
export async function seedDemoRatings(db: Kysely<Database>): Promise<void> {
  const to = new Date();
  await seedRatings(db, { count: 20_000, from: new Date(to.getTime() - 2 * 365 * 86_400_000), to, seed: 7 });
}
