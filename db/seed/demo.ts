import type { Kysely } from "kysely";
import { seedAssessments } from "./assessments";
import { seedComplaints } from "./complaints";
import { seedForums } from "./forums";
import { seedRecommendations } from "./recommendations";
import type { Database, Role } from "../schema";
import { hashPassword } from "../../app/platform/password.server";
import { seededRandom } from "./random";
import { demoAccount, seedAgencyThroughImport, type AgencyIds } from "./demo-organisation";
import { seedDemoRatings } from "./ratings";
import { AGENCY_SEEDS } from "./demo-catalogue";

export const DEMO_PASSWORD = "Suara-Demo-2026";

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
  const now = new Date();
  // Each government goes through the organisation import, each in its own transaction, as an agency's would.
  for (const [index, seed] of AGENCY_SEEDS.entries()) {
    const existing = await db.selectFrom("agencies").select("id").where("slug", "=", seed.slug).executeTakeFirst();
    if (existing) continue;
    agencies.set(seed.slug, await seedAgencyThroughImport(db, seed, seededRandom(1_000 + index), index, now));
    wrote = true;
  }
  await db.transaction().execute(async (trx) => {
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
      const userId = await demoAccount(trx, { username: demo.username, officerId: officerId ?? null, displayName: demo.displayName, passwordHash: await hashPassword(DEMO_PASSWORD) });
      // The demo's administrator of all five governments also keeps the platform's national holiday list.
      if (demo.username === "admin") await trx.updateTable("users").set({ platform_admin: true }).where("id", "=", userId).execute();
      for (const target of targets) {
        const unitId = demo.unitKey === "root" ? target.rootUnitId : target.unitIds.get(demo.unitKey)!;
        await trx.insertInto("user_roles").values({ user_id: userId, role: demo.role, unit_id: unitId }).onConflict((oc) => oc.doNothing()).execute();
      }
      if (demo.officer === "head") {
        // A unit head also sees their own record as an officer.
        const unitId = first.unitIds.get(demo.unitKey)!;
        await trx.insertInto("user_roles").values({ user_id: userId, role: "officer", unit_id: unitId }).onConflict((oc) => oc.doNothing()).execute();
      }
      wrote = true;
    }
  });
  // Later features add their demo records (ratings, complaints, forums, SKM recommendations) on top of the organisation.
  if (wrote) for (const seedFeature of FEATURE_SEEDS) await seedFeature(db);
  return wrote;
}

type FeatureSeed = (db: Kysely<Database>) => Promise<void>;
const FEATURE_SEEDS: FeatureSeed[] = [seedDemoRatings, seedAssessments, seedComplaints, seedForums, seedRecommendations];

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
