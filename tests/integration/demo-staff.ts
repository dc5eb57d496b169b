import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { roleGrantsOf } from "~/data/users.server";

/** A demo user as the data layer sees an actor: id, officer and role grants. */
export async function demoStaff(db: Kysely<Database>, username: string) {
  const user = await db.selectFrom("users").select(["id", "officer_id"]).where("username", "=", username).executeTakeFirstOrThrow();
  return { id: user.id, userId: user.id, officerId: user.officer_id, grants: await roleGrantsOf(db, user.id) };
}
