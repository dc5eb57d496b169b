import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";

export interface ScheduledJob {
  name: string;
  run(at: Date): Promise<void>;
}

/** Runs each job under a session-level advisory lock; a job another process is running is skipped. */
export async function runJobsUnderLock(database: Kysely<Database>, jobs: readonly ScheduledJob[], at: Date): Promise<void> {
  for (const job of jobs) {
    await database.connection().execute(async (connection) => {
      const lock = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext(${`job:${job.name}`})) as locked`.execute(connection);
      if (!lock.rows[0]?.locked) return;
      try {
        await job.run(at);
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${`job:${job.name}`}))`.execute(connection);
      }
    });
  }
}
