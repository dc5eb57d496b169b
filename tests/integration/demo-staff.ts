import type { Kysely } from "kysely";
import type { Database, Role } from "../../db/schema";
import { roleGrantsOf } from "~/data/users.server";

/** A demo user as the data layer sees an actor: id, officer and role grants. */
export async function demoStaff(db: Kysely<Database>, username: string) {
  const user = await db.selectFrom("users").select(["id", "officer_id"]).where("username", "=", username).executeTakeFirstOrThrow();
  return { id: user.id, userId: user.id, officerId: user.officer_id, grants: await roleGrantsOf(db, user.id) };
}

/** The unit a demo user holds `role` on (the first grant), with the user's id: where a test acts as them. */
export async function demoGrantUnit(db: Kysely<Database>, username: string, role: Role) {
  return db
    .selectFrom("user_roles")
    .innerJoin("users", "users.id", "user_roles.user_id")
    .innerJoin("units", "units.id", "user_roles.unit_id")
    .select(["units.id", "units.path", "users.id as userId"])
    .where("users.username", "=", username)
    .where("user_roles.role", "=", role)
    .orderBy("units.path")
    .executeTakeFirstOrThrow();
}
