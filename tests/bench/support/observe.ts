// What the database and the server process were doing during a run: wait events sampled from
// pg_stat_activity, and a process's CPU seconds from /proc (Linux).
import { readFileSync } from "node:fs";
import pg from "pg";

/** CPU seconds used so far by a process (user, system), NaN where /proc is unavailable. */
export function cpuTimes(pid: number | undefined): { user: number; system: number } {
  if (!pid) return { user: Number.NaN, system: Number.NaN };
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 }; // clock ticks, USER_HZ = 100
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

/** CPU use between two readings, as a line: seconds, cores, user/system split, and milliseconds per request. */
export function describeCpu(before: { user: number; system: number }, after: { user: number; system: number }, wallSeconds: number, requests: number): string {
  const user = after.user - before.user;
  const system = after.system - before.system;
  const total = user + system;
  return `CPU ${total.toFixed(1)} s over ${wallSeconds.toFixed(1)} s = ${(total / wallSeconds).toFixed(2)} cores (user ${user.toFixed(1)} s, system ${system.toFixed(1)} s), ${((total * 1000) / Math.max(1, requests)).toFixed(2)} ms CPU per request`;
}

/** Samples what the client backends of `database` wait on, every `intervalMs`, until stopped. */
export function sampleWaits(adminUrl: string, database: string, intervalMs = 250): { stop(): Promise<Map<string, number>> } {
  const tally = new Map<string, number>();
  const client = new pg.Client({ connectionString: adminUrl });
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const result = await client.query<{ what: string; n: number }>(
        `select case when state = 'idle' then 'idle (waiting for the app)'
                     when wait_event is null then 'running (CPU)'
                     else wait_event_type || ':' || wait_event end as what, count(*)::int as n
         from pg_stat_activity where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()
         group by 1`,
        [database],
      );
      for (const row of result.rows) tally.set(row.what, (tally.get(row.what) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })().catch(() => {});
  return {
    async stop() {
      running = false;
      await loop;
      await client.end().catch(() => {});
      return tally;
    },
  };
}

export function describeWaits(tally: Map<string, number>): string {
  const total = [...tally.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return "no samples";
  return [...tally.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([what, n]) => `${what} ${((n / total) * 100).toFixed(0)}%`)
    .join(", ");
}
