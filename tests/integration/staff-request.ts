import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { startSession } from "~/auth/session.server";

/** A Cookie header for a signed-in demo user, made as the sign-in page makes it (needs DATABASE_URL set). */
export async function staffCookie(db: Kysely<Database>, username: string): Promise<string> {
  const user = await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow();
  const response = await startSession(new Request("http://portal.test/masuk", { method: "POST" }), user.id, "/staf");
  return (response.headers.get("Set-Cookie") ?? "").split(";")[0]!;
}

/** A form post as a browser sends it, signed in. */
export function formPost(url: string, cookie: string, fields: Record<string, string>): Request {
  return new Request(`http://portal.test${url}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://portal.test" },
    body: new URLSearchParams(fields).toString(),
  });
}
