import { sql } from "kysely";
import { now } from "~/config/clock.server";
import { db } from "~/data/db.server";
import { runComplaintClocks } from "~/data/complaints.server";
import { pruneInputLimits } from "~/data/forums.server";
import { pruneRatingLimits } from "~/data/ratings.server";

export interface ScheduledJob {
  name: string;
  run(at: Date): Promise<void>;
}

// Features add their periodic work here (e.g. closing complaints left without a reply).
const JOBS: ScheduledJob[] = [
  { name: "complaints.clocks", run: (at) => runComplaintClocks(db(), at) },
  { name: "forums.prune-input-limits", run: (at) => pruneInputLimits(db(), at) },
  { name: "ratings.prune-limits", run: (at) => pruneRatingLimits(db(), at) },
];

/** Runs each job under a session-level advisory lock; a job another process is running is skipped. */
export async function runScheduledJobs(at: Date = now()): Promise<void> {
  for (const job of JOBS) {
    await db()
      .connection()
      .execute(async (connection) => {
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
