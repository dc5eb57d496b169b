import { readFileSync } from "node:fs";
import pg from "pg";
import { databaseUrlFile, workerPort } from "./support/servers";

/** The address of this worker's server database. */
export function e2eDatabaseUrl(): string {
  return readFileSync(databaseUrlFile(workerPort()), "utf8").trim();
}

/** Direct reads of the e2e server's database, to check what was stored (never to set up what a user does). */
export async function queryE2eDatabase<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const url = e2eDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function counterCode(agencySlug: string, counterName: string): Promise<string> {
  const rows = await queryE2eDatabase<{ public_code: string }>(
    `select c.public_code from counters c join units u on u.id = c.unit_id join agencies a on a.id = u.agency_id
     where a.slug = $1 and c.name = $2`,
    [agencySlug, counterName],
  );
  return rows[0]!.public_code;
}
