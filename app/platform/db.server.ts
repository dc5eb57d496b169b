import type { Kysely } from "kysely";
import { createDatabase } from "../../db/connect";
import type { Database } from "../../db/schema";
import { env } from "~/platform/env.server";

// One pool per process, kept on globalThis so the dev server's module reloads do not open new ones.
const holder = globalThis as typeof globalThis & { __suaraDb?: Kysely<Database> };

export function db(): Kysely<Database> {
  if (!holder.__suaraDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start`");
    holder.__suaraDb = createDatabase(url, env().DATABASE_POOL_SIZE);
  }
  return holder.__suaraDb;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.__suaraDb;
  holder.__suaraDb = undefined;
  await current?.destroy();
}

export type { Database };
