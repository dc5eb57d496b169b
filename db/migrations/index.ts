import type { Migration } from "kysely";
import * as m0001 from "./0001_organisation";

// Listed statically so every loader (tsx, Vite, Vitest) bundles them; db/migrate.test.ts checks none is missing.
export const MIGRATIONS: Record<string, Migration> = {
  "0001_organisation": m0001,
};
