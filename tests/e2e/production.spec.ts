import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_PASSWORD } from "./helpers";
import { PRODUCTION_SECRETS, runProductionServer, startProductionServer, stopProductionPostgres, type ProductionServer } from "./production-server";

// The production start as an agency meets it: the compiled server on an empty PostgreSQL, no demo data, the
// one-time set-up link on the console, JSON logs, probes, a careful 500 page, and a graceful stop.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const EXAMPLE = join(import.meta.dirname, "../../docs/examples/organisasi");

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

/** A CSV file of the example read into rows of text (quoted fields may hold commas). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (quoted && char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = !quoted;
      else if (char === "," && !quoted) {
        fields.push(field);
        field = "";
      } else field += char;
    }
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

/** The example organisation (docs/examples/organisasi) as one XLSX workbook, every cell as text, as agencies keep it. */
async function exampleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of ["unit", "layanan", "loket", "pegawai", "jadwal"]) {
    const worksheet = workbook.addWorksheet(sheet);
    for (const row of csvRows(readFileSync(join(EXAMPLE, `${sheet}.csv`), "utf8"))) worksheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test.describe("an agency adopts Suara on an empty database", () => {
  let server: ProductionServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startProductionServer(BASE_PORT + 8);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("set-up link, first administrator, workbook import, a supervisor's roster change, a citizen's rating, the unit's indicators", async ({ page, browser }) => {
    test.setTimeout(180_000);
    // The demo's password opens nothing on a production database.
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel("NIP atau nama pengguna").fill("admin");
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("alert")).toBeVisible();

    // The installer opens the link the console printed and names the agency and its first administrator.
    await page.goto(server.setupUrl().replace(/^http:\/\/localhost:\d+/, server.url));
    await fillSetup(page, "sawah hijau di tepi danau");
    await page.waitForURL((url) => url.pathname.startsWith("/staf"));

    // The administrator imports the agency's workbook: a preview first, then the save.
    await page.goto(`${server.url}/staf/organisasi`);
    await page.getByRole("link", { name: "Pemerintah Kabupaten Tanah Datar" }).click();
    await page.getByRole("link", { name: "Impor organisasi" }).click();
    await page.getByLabel("Workbook XLSX atau berkas CSV").setInputFiles({ name: "organisasi.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await exampleWorkbook() });
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await expect(page.getByRole("table").first().getByRole("row", { name: /^Pegawai 13 0 0 0$/ })).toBeVisible();
    await page.getByRole("button", { name: /^Simpan \d+ perubahan$/ }).click();
    await expect(page.getByText("Impor tersimpan.")).toBeVisible();

    // The head of the registry counters (Rina Marlina) becomes their supervisor and gets an activation code.
    const [dukcapil] = await server.query<{ id: number }>("select id from units where code = 'DUKCAPIL'");
    await page.goto(`${server.url}/staf/admin/pengguna`);
    await page.getByLabel("Nama pengguna atau NIP").fill("198001102005012003");
    await page.getByLabel("Peran", { exact: true }).selectOption({ label: "Atasan" });
    await page.getByLabel("Unit", { exact: true }).selectOption({ label: "Pemerintah Kabupaten Tanah Datar · Dinas Kependudukan dan Pencatatan Sipil" });
    await page.getByRole("button", { name: "Beri peran" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Rina Marlina" }).filter({ hasText: "Atasan" })).toHaveCount(1);
    const [rina] = await server.query<{ id: number; root: number }>(
      "select u.id, (select id from units where parent_id is null) as root from users u join officers o on o.id = u.officer_id where o.nip = '198001102005012003'",
    );
    await page.goto(`${server.url}/staf/organisasi/${rina!.root}/akun/${rina!.id}`);
    await page.getByRole("button", { name: "Beri kode aktivasi" }).click();
    const code = (await page.getByTestId("issued-code").textContent())!;

    // The supervisor, on her own computer, activates her account and gives tomorrow's afternoon at Loket 1 to a colleague.
    const supervisorContext = await browser.newContext({ baseURL: server.url });
    const supervisor = await supervisorContext.newPage();
    await supervisor.goto(`${server.url}/aktivasi`);
    await supervisor.getByLabel("Kode aktivasi").fill(code);
    await supervisor.getByLabel("Kata sandi baru", { exact: true }).fill("kopi tubruk pagi di pasar atas");
    await supervisor.getByLabel("Ulangi kata sandi baru").fill("kopi tubruk pagi di pasar atas");
    await supervisor.getByRole("button", { name: "Simpan kata sandi dan masuk" }).click();
    await supervisor.waitForURL((url) => url.pathname === "/staf");
    await supervisor.goto(`${server.url}/staf/unit/${dukcapil!.id}`);
    await supervisor.getByRole("row").filter({ hasText: "Loket 1 KTP-el" }).getByRole("link", { name: "Jadwal tugas" }).click();
    await expect(supervisor.getByRole("heading", { name: "Jadwal tugas Loket 1 KTP-el" })).toBeVisible();
    const change = supervisor.locator("form", { has: supervisor.getByRole("button", { name: "Simpan perubahan" }) });
    await change.getByLabel("Petugas pengganti atau tambahan").selectOption({ label: "Dewi Lestari · Dinas Kependudukan dan Pencatatan Sipil" });
    await change.getByLabel("Dari jam").fill("13:00");
    await change.getByLabel("Sampai jam").fill("16:00");
    await change.getByLabel("Keterangan").fill("Ganti jaga besok siang");
    await change.getByRole("button", { name: "Simpan perubahan" }).click();
    await expect(supervisor.getByRole("table").filter({ hasText: "Ganti jaga besok siang" }).getByRole("cell", { name: "Dewi Lestari (13:00–16:00)" })).toBeVisible();
    const [stored] = await server.query<{ on_date: string; tomorrow: string; created_by: number }>(
      "select on_date::text, ((now() at time zone 'Asia/Jakarta')::date + 1)::text as tomorrow, created_by from duty_exceptions",
    );
    expect(stored).toEqual({ on_date: stored!.tomorrow, tomorrow: stored!.tomorrow, created_by: rina!.id });

    // A citizen rates at the imported counter, from a phone that never signed in.
    const [counter] = await server.query<{ public_code: string }>("select public_code from counters where code = 'DKC-1'");
    const citizenContext = await browser.newContext({ baseURL: server.url });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/l/${counter!.public_code}/survei`);
    await citizen.getByRole("group", { name: /kesesuaian persyaratan/ }).getByText("Sangat sesuai").click();
    await citizen.getByRole("group", { name: /kesopanan dan keramahan/ }).getByText("Sopan dan ramah", { exact: true }).click();
    await citizen.getByRole("button", { name: "Kirim survei" }).click();
    await expect(citizen.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    await expect(citizen.getByText("Penilaian Anda sudah kami terima.")).toBeVisible();

    // The unit's indicator page shows it: U1 = 4 and U7 = 3 give an IKM of (4 + 3) / 2 × 25 = 87,50.
    await supervisor.goto(`${server.url}/staf/indikator/${dukcapil!.id}`);
    await expect(supervisor.locator(".kpi").filter({ hasText: "Nilai IKM" }).locator(".value")).toHaveText("87,50");

    // A failing page in production shows neither a stack nor a path.
    await server.query("alter table agencies rename to agencies_away");
    try {
      const failed = await citizen.goto(`${server.url}/kantor`);
      expect(failed?.status()).toBe(500);
      expect(await citizen.content()).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|relation "agencies"/);
    } finally {
      await server.query("alter table agencies_away rename to agencies");
    }
    await supervisorContext.close();
    await citizenContext.close();
  });
});
