import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";
import { PRODUCTION_SECRETS, runProductionServer, startProductionServer, stopProductionPostgres, type ProductionServer } from "./production-server";

// The production start as an agency meets it: the compiled server on an empty PostgreSQL, no demo data, the
// one-time set-up link on the console, JSON logs, probes, a careful 500 page, and a graceful stop.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.afterAll(async () => {
  await stopProductionPostgres();
});

async function fillSetup(page: Page, password: string, confirm = password) {
  await page.getByLabel("Nama instansi").fill("Pemerintah Kabupaten Tanah Datar");
  await page.getByLabel("Provinsi").selectOption("Sumatera Barat");
  await page.getByLabel("Zona waktu").selectOption("Asia/Jakarta");
  await page.getByLabel("Nama lengkap").fill("Rina Wulandari");
  await page.getByLabel("Nama pengguna").fill("rina.admin");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi baru").fill(confirm);
  await page.getByRole("button", { name: "Simpan dan masuk" }).click();
}

test("a production start without its secrets stops with one line naming them", async () => {
  const result = await runProductionServer({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", PORT: String(BASE_PORT + 5) });
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toContain("SESSION_SECRET, HASH_SALT and AUDIT_KEY must be set in production");
  const withoutDatabase = await runProductionServer({ ...PRODUCTION_SECRETS, PORT: String(BASE_PORT + 5) });
  expect(withoutDatabase.code).toBe(1);
  expect(withoutDatabase.stderr).toContain("DATABASE_URL must be set in production");
});

test.describe("an empty database, set up in a browser with JavaScript", () => {
  let server: ProductionServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startProductionServer(BASE_PORT + 6);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("serves in production mode with probes and JSON logs, and without demo data", async ({ request }) => {
    expect(await (await request.get(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await request.get(`${server.url}/readyz`);
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    await request.get(`${server.url}/kantor`);
    // The request line is written when the response has finished, so it may reach the console just after it.
    const requestLineOf = () => server.lines().map((line) => JSON.parse(line)).find((entry) => entry.req?.url === "/kantor");
    await expect.poll(requestLineOf).toMatchObject({ req: { method: "GET", url: "/kantor" }, res: { statusCode: 200 } });
    for (const line of server.lines()) expect(() => JSON.parse(line)).not.toThrow();
    const requestLine = requestLineOf();
    expect(JSON.stringify(requestLine)).not.toContain("127.0.0.1");
    expect(await server.query("select count(*)::int as n from agencies")).toEqual([{ n: 0 }]);
    expect(await server.query("select count(*)::int as n from users")).toEqual([{ n: 0 }]);
  });

  test("the demo password signs nobody in", async ({ page }) => {
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel("NIP atau nama pengguna").fill("admin");
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/masuk");
  });

  test("the set-up link names the agency and makes the first administrator, once", async ({ page }) => {
    const setupUrl = server.setupUrl().replace(/^http:\/\/localhost:\d+/, server.url);
    // The link is logged only on the console, never in a request line.
    await page.goto(setupUrl);
    await expect(page.getByRole("heading", { name: "Penyiapan Suara" })).toBeVisible();
    await fillSetup(page, "sawah hijau di tepi danau", "sawah hijau di tepi laut");
    await expect(page.locator("#passwordConfirm-error")).toHaveText("Kedua kata sandi tidak sama.");
    await fillSetup(page, "Suara-Demo-2026");
    await expect(page.locator("#password-error")).toContainText("Pilih yang lain");
    await fillSetup(page, "sawah hijau di tepi danau");
    await page.waitForURL((url) => url.pathname.startsWith("/staf"));
    const session = (await page.context().cookies()).find((cookie) => cookie.name === "__suara_session");
    expect(session).toMatchObject({ secure: true, httpOnly: true });
    const agency = await server.query<{ slug: string; province: string }>("select slug, province from agencies");
    expect(agency).toEqual([{ slug: "pemerintah-kabupaten-tanah-datar", province: "Sumatera Barat" }]);
    const token = setupUrl.split("/penyiapan/")[1]!;
    expect(server.lines().filter((line) => line.includes(token) && !line.includes('"setupUrl"'))).toEqual([]);

    const again = await page.goto(setupUrl);
    expect(again?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Tautan penyiapan tidak berlaku" })).toBeVisible();
    await expect(page.getByText("Penyiapan sudah selesai")).toBeVisible();
  });

  test("a server error shows no stack and no path", async ({ request }) => {
    await server.query("alter table agencies rename to agencies_away");
    try {
      for (const path of ["/kantor", "/kantor.data"]) {
        const response = await request.get(`${server.url}${path}`, { maxRedirects: 0 });
        expect(response.status(), path).toBe(500);
        const body = await response.text();
        expect(body, path).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|relation "agencies"/);
      }
    } finally {
      await server.query("alter table agencies_away rename to agencies");
    }
    const malformed = await request.get(`${server.url}/%E0%A4%A`);
    expect(malformed.status()).toBe(400);
    expect(await malformed.text()).not.toMatch(/URIError|node_modules|\/work\//);
  });

  test("a stop lets the request in flight finish, then the process exits cleanly", async () => {
    const { default: pg } = await import("pg");
    const blocker = new pg.Client({ connectionString: server.databaseUrl });
    await blocker.connect();
    await blocker.query("begin; lock table agencies in access exclusive mode");
    const inFlight = fetch(`${server.url}/kantor`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stopped = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await blocker.query("commit");
    await blocker.end();
    expect((await inFlight).status).toBe(200);
    expect(await stopped).toBe(0);
    expect(server.lines().some((line) => line.includes("SIGTERM: stopping"))).toBe(true);
  });
});

test.describe("an empty database behind two processes, set up without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  let server: ProductionServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startProductionServer(BASE_PORT + 7, { WEB_CONCURRENCY: "2", COOKIE_SECURE: "false" });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("both processes serve, and the plain form sets up the agency", async ({ page, request }) => {
    const pids = new Set<number>();
    for (let i = 0; i < 12; i++) await request.get(`${server.url}/kantor`, { headers: { Connection: "close" } });
    for (const line of server.lines()) {
      const entry = JSON.parse(line);
      if (entry.req?.url === "/kantor") pids.add(entry.pid);
    }
    expect(pids.size).toBe(2);
    expect(server.lines().filter((line) => line.includes('"setupUrl"'))).toHaveLength(1);

    const setupUrl = server.setupUrl().replace(/^http:\/\/localhost:\d+/, server.url);
    await page.goto(setupUrl);
    await fillSetup(page, "pendek");
    await expect(page.locator("#password-error")).toHaveText("Kata sandi paling sedikit 10 karakter.");
    await expect(page.getByLabel("Nama instansi")).toHaveValue("Pemerintah Kabupaten Tanah Datar");
    await page.getByLabel("Nama alamat").fill("Bukan Slug!");
    await fillSetup(page, "rumah gadang beratap gonjong");
    await expect(page.locator("#agencySlug-error")).toContainText("huruf kecil");
    await page.getByLabel("Nama alamat").fill("tanah-datar");
    await fillSetup(page, "rumah gadang beratap gonjong");
    await page.waitForURL((url) => url.pathname.startsWith("/staf"));
    expect(await server.query("select slug from agencies")).toEqual([{ slug: "tanah-datar" }]);
    expect(await server.query("select u.username, r.role from users u join user_roles r on r.user_id = u.id")).toEqual([{ username: "rina.admin", role: "admin" }]);
  });
});
