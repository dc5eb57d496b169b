import http from "node:http";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { signIn } from "./helpers";
import { STACK_OR_DATABASE_TEXT } from "../support/leak-patterns";
import { routeFiles, routePattern } from "../support/route-table";

// Malformed requests over real HTTP to every route of the route table (read from app/routes, so a new route is
// attacked the day it lands), anonymously and as each demo role: ids beyond a PostgreSQL integer, NUL bytes,
// broken UTF-8, unbounded or impossible dates, bodies that are not forms, broken multipart, cross-site posts and
// oversize bodies. No answer may be a 5xx or show a stack or database text, and no refused request writes a row.

const routes = routeFiles().map(routePattern);

/** Ids from another table, larger than an integer, NUL, broken UTF-8, words. */
const BAD_PARAMS = ["2147483648", "99999999999999999999", "-1", "0", "abc", "1%00", "%C3%28", "%E2%80%AE1"];
const BAD_QUERY = [
  "periode=custom&dari=0001-01-01&sampai=9999-12-31",
  "periode=custom&dari=2026-02-30&sampai=2026-13-01",
  "unit=2147483648&halaman=2147483648&hal=99999999999&pratinjau=2147483648&unggahan=-1&layanan=2147483648&petugas=2147483648",
  "min=1&nilai=abc&tahun=99999&q=%ED%A0%80&populasi=1e400",
  "q=%00&loket=%00",
];

/** The real id or code for each route parameter, so posts reach the action's parsing (not only its 404). */
async function realParams(): Promise<Record<string, string>> {
  const one = async (sql: string) => String((await queryE2eDatabase<{ v: string | number }>(sql))[0]?.v ?? "1");
  const unit = await one(`select u.id as v from units u join agencies a on a.id = u.agency_id where a.slug = 'kota-pariaman' and u.slug = 'dinas-kependudukan-dan-pencatatan-sipil'`);
  return {
    unitId: unit,
    serviceId: await one(`select id as v from services where unit_id = ${unit} order by id limit 1`),
    counterId: await one(`select id as v from counters where unit_id = ${unit} order by id limit 1`),
    officerId: await one(`select id as v from officers order by id limit 1`),
    planId: await one(`select id as v from skp_plans order by id limit 1`),
    forumId: await one(`select id as v from forums order by id limit 1`),
    id: await one(`select id as v from complaints order by id limit 1`),
    attachmentId: await one(`select id as v from complaint_attachments order by id limit 1`),
    achievementId: await one(`select id as v from skp_achievements order by id limit 1`),
    code: await one(`select public_code as v from counters where unit_id = ${unit} order by id limit 1`),
    token: "x".repeat(43),
    agency: "kota-pariaman",
    unit: "dinas-kependudukan-dan-pencatatan-sipil",
    "*": "tidak-ada",
  };
}

function fill(pattern: string, values: Record<string, string>, bad?: string): string[] {
  const names = [...pattern.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? "*");
  const real = pattern.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => values[name ?? "*"] ?? "1");
  if (bad === undefined) return [real];
  // Each parameter in turn takes the bad value, the others their real one.
  return names.map((target) => pattern.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => ((name ?? "*") === target ? bad : (values[name ?? "*"] ?? "1"))));
}

/** Row counts of every table whose rows only a successful command adds (sessions and limit counters move anyway). */
async function contentRowCounts(): Promise<Record<string, number>> {
  const moving = new Set(["sessions", "rate_limits", "rating_limits", "rating_refusals", "audit_log", "kiosk_sessions", "notifications", "kysely_migration", "kysely_migration_lock"]);
  const tables = await queryE2eDatabase<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const counts: Record<string, number> = {};
  for (const { name } of tables.filter((table) => !moving.has(table.name))) {
    counts[name] = Number((await queryE2eDatabase<{ n: string }>(`select count(*) as n from "${name}"`))[0]!.n);
  }
  return counts;
}

interface Finding {
  request: string;
  status: number;
  excerpt?: string;
}

async function check(findings: Finding[], label: string, answer: Promise<APIResponse>) {
  const response = await answer;
  const body = await response.text().catch(() => "");
  const leak = STACK_OR_DATABASE_TEXT.find((pattern) => pattern.test(body));
  if (response.status() >= 500 || leak) findings.push({ request: label, status: response.status(), excerpt: leak ? body.match(leak)?.[0] : body.slice(0, 120) });
}

const NUL_FORM = "intent=save&unitId=2147483648&id=99999999999&name=a%00b&body=%00&confirmed=yes";
const BIG_ID_FORM = "intent=add&unitId=2147483648&counterId=2147483648&serviceId=2147483648&officerId=2147483648&itemId=2147483648&id=2147483648&planId=2147483648&uploadId=2147483648&importId=2147483648&date=2026-02-30&from=0001-01-01&to=9999-12-31";
const BROKEN_MULTIPART = [
  "------b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\nb.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n------b1--\r\n",
  "------b1\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nno end boundary",
];

/**
 * A signed-in role attacks its share of the route table (every route is attacked by one role as well as
 * anonymously), so the suite stays fast; SUARA_ATTACK_ALL=1 has every role attack every route.
 */
function routesFor(who: string): string[] {
  if (who === "anonymous" || process.env.SUARA_ATTACK_ALL === "1") return routes;
  const share = ROLES.indexOf(who) - 1;
  return routes.filter((_route, index) => index % (ROLES.length - 1) === share);
}

async function attackRoutes(request: APIRequestContext, values: Record<string, string>, who: string, findings: Finding[]) {
  let sent = 0;
  // Each round comes from its own address (the server trusts the loopback proxy), so the limits it trips (429 is
  // a fine answer) never reach the other spec files' citizens on this server.
  const from = { "X-Forwarded-For": `198.51.100.${10 + ROLES.indexOf(who)}` };
  for (const pattern of routesFor(who)) {
    // Signing out would end the role's session for the rest of its round; it is attacked anonymously.
    const signOut = pattern === "/keluar" && who !== "anonymous";
    const urls = [...fill(pattern, values), ...BAD_PARAMS.flatMap((bad) => fill(pattern, values, bad))];
    for (const url of new Set(urls)) {
      await check(findings, `${who} GET ${url}`, request.get(url, { headers: from, maxRedirects: 0 }));
      sent++;
    }
    const [real] = fill(pattern, values);
    for (const query of BAD_QUERY) {
      await check(findings, `${who} GET ${real}?${query}`, request.get(`${real}?${query}`, { headers: from, maxRedirects: 0 }));
      sent++;
    }
    if (signOut) continue;
    const posts: [string, Record<string, string>, string | Buffer | undefined][] = [
      ["json", { "Content-Type": "application/json" }, JSON.stringify({ unitId: 2 ** 31, name: "\u0000" })],
      ["text", { "Content-Type": "text/plain" }, "intent=save"],
      ["no body", {}, undefined],
      ["NUL form", { "Content-Type": "application/x-www-form-urlencoded" }, NUL_FORM],
      ["big ids", { "Content-Type": "application/x-www-form-urlencoded" }, BIG_ID_FORM],
      ["bad utf-8 form", { "Content-Type": "application/x-www-form-urlencoded" }, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xc3, 0x28, 0xff, 0xfe])],
      ["multipart without boundary", { "Content-Type": "multipart/form-data" }, BROKEN_MULTIPART[0]],
      ...BROKEN_MULTIPART.map((body, i): [string, Record<string, string>, string] => [`broken multipart ${i + 1}`, { "Content-Type": "multipart/form-data; boundary=----b1" }, body]),
      ["cross-site form", { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }, "intent=save&confirmed=yes"],
    ];
    for (const target of [real!, ...fill(pattern, values, "2147483648")]) {
      for (const [kind, headers, data] of posts) {
        await check(findings, `${who} POST ${target} (${kind})`, request.post(target, { headers: { ...from, ...headers }, data, maxRedirects: 0 }));
        sent++;
      }
    }
  }
  return sent;
}

const ROLES = ["anonymous", "admin", "supervisor", "petugas", "moderator", "pengaduan"];

test.describe.configure({ mode: "serial", timeout: 600_000 });

let values: Record<string, string>;
let before: Record<string, number>;
test.beforeAll(async () => {
  values = await realParams();
  before = await contentRowCounts();
});

test("anonymous malformed requests to every route: no 5xx, no stack, no database text", async ({ request }) => {
  expect(routes).toContain("/staf/skp/:planId/capaian");
  expect(routes).toContain("/staf/impor/:unitId/templat.csv");
  const findings: Finding[] = [];
  const sent = await attackRoutes(request, values, "anonymous", findings);
  test.info().annotations.push({ type: "requests", description: String(sent) });
  console.log(`anonymous: ${sent} malformed requests, ${findings.length} findings`);
  expect(findings).toEqual([]);
});

for (const role of ROLES.slice(1)) {
  test(`malformed requests to every route as ${role}: no 5xx, no stack, no database text`, async ({ page }) => {
    await signIn(page, role);
    const findings: Finding[] = [];
    const sent = await attackRoutes(page.request, values, role, findings);
    console.log(`${role}: ${sent} malformed requests, ${findings.length} findings`);
    expect(findings).toEqual([]);
  });
}

/** Sends only the headers of a post (its body would follow) and reads the answer the server gives at once. */
function postHeaders(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const base = new URL(test.info().project.use.baseURL!);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: base.hostname, port: base.port, path, method: "POST", headers: { "X-Forwarded-For": "198.51.100.40", ...headers } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    // The first kilobyte of a body announced as 30 MB (or of unknown size); the rest is never needed.
    request.write("comment=" + "x".repeat(1024));
  });
}

test("oversize and unsized bodies are refused before they are read, and refused requests wrote nothing", async ({ request }) => {
  const code = values.code!;
  for (const target of ["/masuk", `/l/${code}?index`, "/pengaduan/baru", `/api/ratings/${code}`]) {
    const oversize = await postHeaders(target, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(30 * 1024 * 1024) });
    expect(oversize.status, target).toBe(413);
    const unsized = await postHeaders(target, { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" });
    expect(unsized.status, target).toBe(411);
  }
  expect((await postHeaders("/pengaduan/baru", { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(17 * 1024 * 1024) })).body).toContain("Kiriman terlalu besar");
  const crossSite = await request.post(`/api/ratings/${code}`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
    data: "kind=quick&quickScore=4&officer=unknown&serviceId=1&idempotencyKey=00000000-0000-4000-8000-000000000001",
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toEqual({ ok: false, errors: { _form: "errors.crossSite.body" } });
  const page = await request.post("/masuk", { headers: { "Content-Type": "application/json" }, data: "{}" });
  expect(page.status()).toBe(415);
  expect(await page.text()).toContain("Kiriman bukan isian formulir");
  expect(await contentRowCounts()).toEqual(before);
});
