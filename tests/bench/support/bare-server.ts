// The "bare Node" ceiling for tests/bench/ratings-throughput.ts: node:http, no framework, one INSERT per POST
// through a pg Pool of the app's size. It reads the same form-encoded body as POST /api/ratings/<code> and answers
// 201 only after the insert returned (autocommit, so after the commit).
// Run: DATABASE_URL=... PORT=... [POOL_SIZE=10] node --import tsx tests/bench/support/bare-server.ts
import http from "node:http";
import pg from "pg";

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 3300);
const poolSize = Number(process.env.POOL_SIZE ?? 10);
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}

const pool = new pg.Pool({ connectionString: url, max: poolSize });
pool.on("error", () => {});
await pool.query(`
  create table if not exists bench_bare (
    id bigint generated always as identity primary key,
    idempotency_key uuid not null unique,
    counter_code text not null,
    service_id integer not null,
    officer_id integer,
    quick_score smallint not null check (quick_score between 1 and 4),
    submitted_at timestamptz not null default now()
  )`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function reply(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const match = req.method === "POST" ? /^\/api\/ratings\/([a-z0-9]{6,16})$/.exec(req.url ?? "") : null;
  if (!match) {
    req.resume();
    return reply(res, 404, { ok: false });
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const form = new URLSearchParams(Buffer.concat(chunks).toString());
    const key = form.get("idempotencyKey") ?? "";
    const serviceId = Number(form.get("serviceId"));
    const officer = form.get("officer");
    const score = Number(form.get("quickScore"));
    if (!UUID.test(key) || !Number.isInteger(serviceId) || !(score >= 1 && score <= 4)) return reply(res, 400, { ok: false });
    pool
      .query(
        "insert into bench_bare (idempotency_key, counter_code, service_id, officer_id, quick_score) values ($1, $2, $3, $4, $5) on conflict (idempotency_key) do nothing returning id",
        [key, match[1], serviceId, officer === "unknown" ? null : Number(officer), score],
      )
      .then(
        (result) => reply(res, result.rowCount === 1 ? 201 : 200, { ok: true, ratingId: result.rows[0]?.id ?? null, key }),
        () => reply(res, 500, { ok: false }),
      );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(`Bare server ready on http://127.0.0.1:${port} (pool ${poolSize})`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
