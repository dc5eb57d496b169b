import { parseEnv } from "../../app/platform/env.server";
import { createDatabase } from "../connect";
import { migrateToLatest } from "../migrate";
import { grantPortalRole, roleOfUrl } from "../roles";
import { withDatabase } from "./with-database";

// `npm run db:migrate`: brings the schema to the latest migration. With DATABASE_OWNER_URL set, the owner migrates
// and the role of DATABASE_URL (the portal's, owning nothing) gets its rights on every table afterwards.
const env = parseEnv(process.env);
const owner = env.DATABASE_OWNER_URL;
const migrate = async (url: string) => {
  const db = createDatabase(url, 1);
  try {
    const { results } = await migrateToLatest(db);
    for (const result of results ?? []) console.log(`${result.status}: ${result.migrationName}`);
    if (!results?.length) console.log("Schema already up to date.");
    if (owner && env.DATABASE_URL && env.DATABASE_URL !== owner) {
      await grantPortalRole(db, roleOfUrl(env.DATABASE_URL));
      console.log(`Rights granted to the portal's role ${roleOfUrl(env.DATABASE_URL)}.`);
    }
  } finally {
    await db.destroy();
  }
};
if (owner) await migrate(owner);
else await withDatabase(migrate);
