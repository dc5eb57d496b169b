import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { sql, type Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { handleRatingPost } from "~/http/rating-api.server";
import { closeDatabase } from "~/platform/db.server";
import { leakIn } from "../support/leak-patterns";
import { paramNames, routeFiles, routePattern } from "../support/route-table";
import { freshDemoDatabase } from "./database";
import { staffCookie } from "./staff-request";

// A property-based fuzz (fast-check, fixed seed) over every action of the route table and the rating endpoint:
// random field names and values (numbers beyond PostgreSQL's integers, huge strings, any code point with NUL and
// lone surrogates, impossible dates), fields sent twice, wrong content types, broken multipart, files with line
// breaks in their names, no body at all, from each demo role and anonymously, on the role's own records. No answer
// may be a 5xx or carry a stack or database text, and a refused request (4xx, or the form shown again with its
// errors) may not have written a single row: row triggers on every table a command writes count each write.

const SEED = 130_2026;
const RUNS_PER_ACTION = 16;
const RATING_RUNS = 250;

/** Tables that move on refused requests by design: sessions, limit counters, the audit of refusals. */
const MOVING = ["sessions", "rate_limits", "rating_limits", "rating_refusals", "audit_log", "kiosk_sessions", "notifications", "kysely_migration", "kysely_migration_lock"];

/** Row triggers on every other table count every row written, in a table of their own. */
async function countWrites(db: Kysely<Database>): Promise<() => Promise<number>> {
  await sql`create table fuzz_writes (n bigint not null)`.execute(db);
  await sql`insert into fuzz_writes values (0)`.execute(db);
  await sql`create function fuzz_count() returns trigger language plpgsql as $$ begin update fuzz_writes set n = n + 1; return null; end $$`.execute(db);
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'fuzz_writes'`.execute(db);
  for (const { name } of tables.rows.filter((table) => !MOVING.includes(table.name))) {
    await sql`create trigger fuzz_count after insert or update or delete on ${sql.table(name)} for each row execute function fuzz_count()`.execute(db);
  }
  return async () => Number((await sql<{ n: string }>`select n from fuzz_writes`.execute(db)).rows[0]!.n);
}

const FIELD_NAMES = [
  "intent", "id", "unitId", "parentId", "serviceId", "counterId", "officerId", "supervisorId", "userId", "planId", "resultId",
  "achievementId", "forumId", "itemId", "ratingId", "complaintId", "name", "title", "text", "body", "comment", "note", "reason",
  "description", "date", "from", "to", "dari", "sampai", "visitDate", "heldOn", "startTime", "category", "visibility", "upheld",
  "confirmed", "role", "email", "nip", "score", "quickScore", "kind", "officer", "idempotencyKey", "u1", "file", "evidence",
  "password", "newPassword", "currentPassword", "scope", "open", "target", "quantity", "weights", "display",
];

const oddValue = fc.constantFrom(
  "", "yes", "no", "true", "on", "2026-02-30", "0001-01-01", "9999-12-31", "2026-13-01", "24:61", "2147483648", "-2147483649",
  "99999999999999999999", "-1", "0", "1e400", "NaN", "Infinity", "0x10", "[object Object]", "null", "\u0000", "a\u0000b",
  "\u202e1", "\ud800", "<script>alert(1)</script>", "' or 1=1 --", "%00", "../../etc/passwd", "1,5", "1.5",
);

function fieldValue(realIds: string[], intents: string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: oddValue },
    { weight: 2, arbitrary: fc.constantFrom(...realIds, ...(intents.length ? intents : ["save"])) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("x", "é", "😀", "\u0000", "ب"), fc.integer({ min: 1_000, max: 60_000 })).map(([char, n]) => char.repeat(n)) },
  );
}

type Fields = [string, string][];

function fieldsArb(realIds: string[], intents: string[]): fc.Arbitrary<Fields> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) });
  const intent = intents.length ? fc.constantFrom(...intents).map((value): [string, string] => ["intent", value]) : fc.constant<[string, string]>(["intent", "save"]);
  return fc
    .tuple(fc.option(intent, { nil: undefined }), fc.array(fc.tuple(name, fieldValue(realIds, intents)), { maxLength: 10 }), fc.boolean())
    .map(([first, rest, twice]) => {
      const fields: Fields = [...(first ? [first] : []), ...rest];
      // Every field sent twice, with the same or another value.
      return twice ? [...fields, ...fields.map(([key, value]): [string, string] => [key, value.slice(0, 3)])] : fields;
    });
}

type BodyKind = "urlencoded" | "multipart" | "multipart with a file" | "broken multipart" | "json" | "text" | "none" | "bytes";

interface FuzzBody {
  kind: BodyKind;
  fields: Fields;
  bytes: Uint8Array;
  fileName: string;
}

function bodyArb(realIds: string[], intents: string[]): fc.Arbitrary<FuzzBody> {
  return fc.record({
    kind: fc.constantFrom<BodyKind>("urlencoded", "urlencoded", "urlencoded", "multipart", "multipart with a file", "broken multipart", "json", "text", "none", "bytes"),
    fields: fieldsArb(realIds, intents),
    bytes: fc.uint8Array({ maxLength: 300 }),
    fileName: fc.oneof(fc.constantFrom("bukti.pdf", "a\r\nb.pdf", "a\u0000.jpg", "../../x.png", ""), fc.string({ unit: "binary", maxLength: 20 })),
  });
}

/** The request a browser (or anything else) could send with this body. */
function requestOf(url: string, body: FuzzBody, headers: Record<string, string>): Request {
  const base = { method: "POST", headers: { Origin: "http://portal.test", ...headers } as Record<string, string> };
  switch (body.kind) {
    case "urlencoded":
      return new Request(url, { ...base, headers: { ...base.headers, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body.fields).toString() + (body.bytes.length % 3 === 0 ? "&%C3%28=%FF%FE" : "") });
    case "multipart":
    case "multipart with a file": {
      const form = new FormData();
      for (const [key, value] of body.fields) form.append(key, value);
      if (body.kind === "multipart with a file") form.append(body.fields[0]?.[0] ?? "file", new File([Buffer.from(body.bytes)], body.fileName, { type: "application/pdf" }));
      return new Request(url, { ...base, body: form });
    }
    case "broken multipart":
      return new Request(url, {
        ...base,
        headers: { ...base.headers, "Content-Type": body.bytes.length % 2 ? "multipart/form-data" : "multipart/form-data; boundary=----b1" },
        body: `------b1\r\nContent-Disposition: form-data; name="${body.fields[0]?.[0] ?? "intent"}"; filename="${body.fileName}"\r\n\r\n${body.fields[0]?.[1] ?? ""}` + (body.bytes.length % 2 ? "\r\n------b1--\r\n" : ""),
      });
    case "json":
      return new Request(url, { ...base, headers: { ...base.headers, "Content-Type": "application/json" }, body: JSON.stringify(Object.fromEntries(body.fields)) });
    case "text":
      return new Request(url, { ...base, headers: { ...base.headers, "Content-Type": "text/plain" }, body: body.fields.map(([key, value]) => `${key}=${value}`).join("\n") });
    case "bytes":
      return new Request(url, { ...base, headers: { ...base.headers, "Content-Type": "application/octet-stream" }, body: Buffer.from(body.bytes) });
    case "none":
      return new Request(url, base);
  }
}

interface Answer {
  status: number;
  body: string;
}

async function answerOf(run: () => unknown): Promise<Answer> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (!(thrown instanceof Response)) return { status: 500, body: String((thrown as Error)?.stack ?? thrown) };
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, body: result.body ? Buffer.from(await result.arrayBuffer()).toString("latin1") : "" };
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } } | null;
  if (wrapped && wrapped.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: JSON.stringify(wrapped.data) ?? "" };
  return { status: 200, body: JSON.stringify(result) ?? "" };
}

/** The text with lone surrogates replaced, as a valid UTF-8 address decodes. */
const wellFormed = (value: string) => value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** A refusal: a 4xx, or the page's form shown again with at least one error. */
const refused = (answer: Answer) => (answer.status >= 400 && answer.status < 500) || (answer.status === 200 && /"errors":\{"[^"]+":/.test(answer.body));

describe("fuzzing every action and the rating endpoint", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  const writes = await countWrites(db);

  // The role's own records (Disdukcapil Kota Pariaman), so requests reach each action's parsing, past its guard.
  const one = async (query: ReturnType<typeof sql<{ v: string | number }>>) => String((await query.execute(db)).rows[0]?.v ?? "1");
  const unit = await one(sql`select u.id as v from units u join agencies a on a.id = u.agency_id where a.slug = 'kota-pariaman' and u.slug = 'dinas-kependudukan-dan-pencatatan-sipil'`);
  const counter = await db.selectFrom("counters").select(["id", "public_code"]).where("unit_id", "=", Number(unit)).orderBy("id").executeTakeFirstOrThrow();
  const params: Record<string, string> = {
    unitId: unit,
    targetId: unit,
    childId: unit,
    serviceId: await one(sql`select service_id as v from counter_services where counter_id = ${counter.id} order by 1 limit 1`),
    counterId: String(counter.id),
    officerId: await one(sql`select officer_id as v from users where username = 'petugas'`),
    userId: await one(sql`select id as v from users where username = 'petugas'`),
    planId: await one(sql`select id as v from skp_plans order by id limit 1`),
    achievementId: await one(sql`select id as v from skp_achievements order by id limit 1`),
    forumId: await one(sql`select id as v from forums where unit_id = ${Number(unit)} order by id limit 1`),
    id: await one(sql`select id as v from complaints where unit_id = ${Number(unit)} order by id limit 1`),
    attachmentId: "1",
    code: counter.public_code,
    agency: "kota-pariaman",
    unit: "dinas-kependudukan-dan-pencatatan-sipil",
    token: "x".repeat(43),
    "*": "tidak-ada",
  };
  const realIds = [...new Set(Object.values(params))];
  const roles = ["admin", "supervisor", "petugas", "pengaduan", "moderator"];
  const cookies = new Map<string, string>();
  for (const role of roles) cookies.set(role, await staffCookie(db, role));

  const actions: { file: string; pattern: string; action: (args: unknown) => unknown; intents: string[] }[] = [];
  for (const file of routeFiles()) {
    const module = (await import(/* @vite-ignore */ `~/routes/${file.replace(/\.tsx?$/, "")}`)) as { action?: (args: unknown) => unknown };
    if (!module.action) continue;
    const source = (await import("node:fs")).readFileSync(`app/routes/${file}`, "utf8");
    const intents = [...new Set([...source.matchAll(/name="intent" value="([\w-]+)"|intent"?\)?\s*[!=]==\s*"([\w-]+)"|intent: z\.literal\("([\w-]+)"\)/g)].map((match) => match[1] ?? match[2] ?? match[3]!))];
    actions.push({ file, pattern: routePattern(file), action: module.action, intents });
  }

  it("covers every action of the route table", () => {
    expect(actions.map((entry) => entry.pattern)).toContain("/staf/organisasi/:unitId/pegawai/:officerId");
    expect(actions.length).toBeGreaterThan(40);
  });

  it("answers every action's random input without a 5xx or a stack, and a refused request writes nothing", { timeout: 180_000 }, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const [index, entry] of actions.entries()) {
      const names = paramNames(entry.pattern);
      // Mostly the real record; sometimes anything at all in its place (as decoded from a valid address: the HTTP
      // server refuses broken UTF-8 in addresses before any route sees them).
      const anything = fc.oneof(oddValue, fc.string({ unit: "binary", maxLength: 12 })).map(wellFormed);
      const paramArb = fc.record(Object.fromEntries(names.map((name) => [name, fc.oneof({ weight: 4, arbitrary: fc.constant(params[name] ?? "1") }, { weight: 1, arbitrary: anything })])));
      const who = fc.constantFrom("anonymous", ...roles, ...roles);
      await fc.assert(
        fc.asyncProperty(who, paramArb, bodyArb(realIds, entry.intents), async (role, values, body) => {
          // Signing out ends the session it is sent with: it gets one of its own.
          const cookie = role === "anonymous" ? undefined : entry.pattern === "/keluar" ? await staffCookie(db, role) : cookies.get(role)!;
          const address = entry.pattern.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => encodeURIComponent(values[name ?? "*"] ?? "1"));
          const request = requestOf(`http://portal.test${address}`, body, cookie ? { Cookie: cookie } : {});
          const before = await writes();
          const answer = await answerOf(() => entry.action({ request, params: values, context: { ip: `198.51.100.${100 + (index % 100)}`, secure: false } }));
          const written = (await writes()) - before;
          sent++;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const label = `${role} POST ${address} (${body.kind}): ${answer.status}`;
          expect(answer.status, `${label} ${answer.body.slice(0, 300)}`).toBeLessThan(500);
          expect(leakIn(answer.body), `${label} shows ${answer.body.slice(0, 300)}`).toBeUndefined();
          if (refused(answer)) expect(written, `${label} refused, yet wrote ${written} rows`).toBe(0);
        }),
        { seed: SEED + index, numRuns: RUNS_PER_ACTION, endOnFailure: true },
      );
    }
    console.log(`action fuzz: ${sent} requests over ${actions.length} actions; answers ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  });

  it("answers the rating endpoint's random input without a 5xx or a stack, and stores only what it acknowledged", { timeout: 60_000 }, async () => {
    const trusted = (address: string) => address === "127.0.0.1" || address === "::ffff:127.0.0.1";
    const server = http.createServer((request, response) => {
      if (!handleRatingPost(request, response, trusted)) response.writeHead(415).end("not a rating");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const service = params.serviceId!;
    const ratingFields = fc.array(
      fc.tuple(
        fc.constantFrom("idempotencyKey", "serviceId", "officer", "kind", "quickScore", "comment", "visitedAt", "u1", "u2", "u9", "visitCode", "channel", "x"),
        fc.oneof(oddValue, fc.constantFrom(service, "unknown", "quick", "full", "4", "1", crypto.randomUUID(), new Date().toISOString()), fc.uuid(), fc.string({ unit: "binary", maxLength: 30 }), fc.integer().map(String)),
      ),
      { maxLength: 6 },
    );
    let acknowledged = 0;
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(ratingFields, fc.boolean(), fc.constantFrom(counter.public_code, counter.public_code, `${counter.public_code}?channel=kiosk`, "zzzzzzzz"), fc.integer({ min: 1, max: 250 }), async (fields, valid, code, client) => {
        // Half the bodies are a valid quick rating with one field added or repeated, so the fuzz reaches the checks
        // behind the parsing; the others are anything.
        const form = new URLSearchParams(valid ? { idempotencyKey: crypto.randomUUID(), serviceId: service, officer: "unknown", kind: "quick", quickScore: "3" } : {});
        for (const [key, value] of valid ? fields.slice(0, 1) : fields) form.append(key, value);
        const ratingsBefore = Number((await sql<{ n: string }>`select count(*) as n from ratings`.execute(db)).rows[0]!.n);
        const before = await writes();
        const response = await fetch(`${base}/api/ratings/${code}`, { method: "POST", body: form.toString(), headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `203.0.113.${client}` } });
        const body = await response.text();
        const written = (await writes()) - before;
        const stored = Number((await sql<{ n: string }>`select count(*) as n from ratings`.execute(db)).rows[0]!.n) - ratingsBefore;
        sent++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const label = `POST /api/ratings/${code} ${form.toString().slice(0, 200)}: ${response.status}`;
        expect(response.status, `${label} ${body.slice(0, 300)}`).toBeLessThan(500);
        expect(leakIn(body), `${label} shows ${body.slice(0, 300)}`).toBeUndefined();
        if (response.status >= 400) expect(written, `${label} refused, yet wrote ${written} rows`).toBe(0);
        if (response.status === 201) acknowledged++;
        expect(stored, label).toBe(response.status === 201 ? 1 : 0);
      }),
      { seed: SEED, numRuns: RATING_RUNS, endOnFailure: true },
    );
    console.log(`rating fuzz: ${sent} requests, ${acknowledged} acknowledged; answers ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(acknowledged).toBeGreaterThan(0);
  });

  afterAll(closeDatabase);
});
