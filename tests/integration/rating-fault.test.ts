import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { createDatabase } from "../../db/connect";
import { rollupDifferences } from "~/data/indicators.server";
import { handleRatingPost } from "~/http/rating-api.server";
import { closeDatabase } from "~/platform/db.server";
import { adminQuery, databaseUrl, startCrashableCluster, systemPostgresBinDir } from "../support/postgres";
import { DEMO_TEMPLATE_DATABASE } from "./global-setup";

// PostgreSQL killed with SIGKILL under load on the rating endpoint, and started again: every rating the portal
// acknowledged is stored, none twice. It runs in the integration project, not end to end: it needs a PostgreSQL
// of its own to kill (the e2e servers share theirs with every other spec), and the rating endpoint is served over
// real HTTP by the production server's own handler (`handleRatingPost`, ahead of the framework, as server/main.ts
// mounts it), so no build is needed. Eight clients post as phones do: each rating has its idempotency key, and
// a rating not acknowledged (a 503 while the database is down, a cut connection) is sent again with the same key
// until it is, as the offline queue does. About 15 s.

const CLIENTS = 8;
const binDir = systemPostgresBinDir();

describe.skipIf(!binDir)("the rating endpoint when PostgreSQL is killed under load", async () => {
  const cluster = await startCrashableCluster(binDir!);
  afterAll(() => cluster.stop());
  // The demo data, copied from the run's template into the cluster that will be killed.
  await adminQuery(cluster.adminUrl, "create database suara_fault");
  const url = databaseUrl(cluster.adminUrl, "suara_fault");
  const dump = execFileSync(path.join(binDir!, "pg_dump"), ["--no-owner", "--no-privileges", "-Fc", databaseUrl(inject("pgAdminUrl"), DEMO_TEMPLATE_DATABASE)], { maxBuffer: 512 * 1024 * 1024 });
  execFileSync(path.join(binDir!, "pg_restore"), ["--no-owner", "--no-privileges", "-d", url], { input: dump });
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);

  const check = createDatabase(url, 2);
  afterAll(() => check.destroy());
  const counter = await check.selectFrom("counters").select(["id", "public_code"]).where("name", "=", "Loket 1 KTP-el").orderBy("id").executeTakeFirstOrThrow();
  const service = await check.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).executeTakeFirstOrThrow();

  const loopback = (address: string) => address === "127.0.0.1" || address === "::ffff:127.0.0.1";
  const server = http.createServer((request, response) => {
    if (!handleRatingPost(request, response, loopback)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ratings/${counter.public_code}`;

  it("stores every acknowledged rating exactly once, across a SIGKILL and restart of PostgreSQL", { timeout: 90_000 }, async () => {
    const acknowledged = new Map<string, number>();
    const answers = { created: 0, duplicate: 0, unavailable: 0, cut: 0, other: [] as string[] };
    let phase: "before" | "down" | "after" = "before";
    const acknowledgedAfterRestart = () => [...acknowledged.values()].filter((at) => at === 2).length;
    let stopping = false;
    let sequence = 0;

    const client = async (index: number) => {
      const unsent: string[] = [];
      while (!stopping || unsent.length > 0) {
        if (stopping && phase !== "after") break;
        const key = unsent.shift() ?? (stopping ? undefined : randomUUID());
        if (key === undefined) break;
        const n = sequence++;
        const body = new URLSearchParams({ idempotencyKey: key, serviceId: String(service.service_id), officer: "unknown", kind: "quick", quickScore: String(1 + (n % 4)) });
        try {
          const response = await fetch(endpoint, {
            method: "POST",
            body: body.toString(),
            // Each phone its own address (the portal trusts the loopback proxy), so no limit refuses the load.
            headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `10.${index}.${(n >> 8) & 255}.${n & 255}` },
            signal: AbortSignal.timeout(8_000),
          });
          const answer = (await response.json()) as { ok?: boolean; duplicate?: boolean };
          if (response.status === 201 || (response.status === 200 && answer.duplicate)) {
            if (response.status === 201) answers.created++;
            else answers.duplicate++;
            if (!acknowledged.has(key)) acknowledged.set(key, phase === "after" ? 2 : 1);
          } else if (response.status === 503) {
            expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
            answers.unavailable++;
            unsent.push(key);
            await new Promise((resolve) => setTimeout(resolve, 100));
          } else answers.other.push(`${response.status} ${JSON.stringify(answer)}`);
        } catch {
          // The connection was cut: the rating may or may not be stored; it is sent again with its key.
          answers.cut++;
          unsent.push(key);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    const waitFor = async (condition: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    // The portal logs each failed submission; they are kept here, not printed, and must all be the outage.
    const logged: string[] = [];
    const log = vi.spyOn(console, "error").mockImplementation((message: unknown) => void logged.push(String(message)));
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));
    await waitFor(() => acknowledged.size >= 150, 15_000);
    const beforeKill = acknowledged.size;
    cluster.kill();
    phase = "down";
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const started = Date.now();
    await cluster.restart();
    const restartMs = Date.now() - started;
    phase = "after";
    await waitFor(() => acknowledgedAfterRestart() >= 150, 20_000);
    stopping = true;
    await Promise.all(clients);
    log.mockRestore();

    const keys = [...acknowledged.keys()];
    const stored = await sql<{ key: string; n: number }>`select idempotency_key::text as key, count(*)::int as n from ratings where idempotency_key = any(${keys}::uuid[]) group by 1`.execute(check);
    const storedCount = new Map(stored.rows.map((row) => [row.key, row.n]));
    const missing = keys.filter((key) => !storedCount.has(key));
    const twice = stored.rows.filter((row) => row.n > 1);
    const duplicatesAnywhere = await sql<{ n: number }>`select count(*)::int as n from (select idempotency_key from ratings where idempotency_key is not null group by 1 having count(*) > 1) d`.execute(check);
    console.log(
      `fault: ${acknowledged.size} ratings acknowledged (${beforeKill} before the kill, ${acknowledgedAfterRestart()} after the restart); answers ${JSON.stringify({ ...answers, other: answers.other.length })}; PostgreSQL back in ${restartMs} ms`,
    );
    expect(answers.other).toEqual([]);
    expect(logged.filter((line) => !line.includes("database unavailable"))).toEqual([]);
    // The kill landed under load: requests failed while PostgreSQL was down, and the portal recovered after.
    expect(answers.unavailable + answers.cut).toBeGreaterThan(0);
    expect(acknowledgedAfterRestart()).toBeGreaterThanOrEqual(150);
    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
    expect(duplicatesAnywhere.rows[0]!.n).toBe(0);
    // And the rollups the figures are read from agree with the raw ratings.
    expect(await rollupDifferences(check)).toEqual([]);
  });
});
