import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations } from "./helpers";

// Public results as a citizen, a journalist and a researcher meet them: the unit and service pages (without the
// framework runtime), the agency's comparison, the API reference and the API itself over the production server.
// SCREENSHOT_DIR=dir saves the pages at 360 and 1280 px.
const SHOTS = process.env.SCREENSHOT_DIR;
const UNIT = "/kantor/kota-pariaman/dinas-kependudukan-dan-pencatatan-sipil";

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

/** Collects the scripts a page loads, to show the public pages ship no React or Remix runtime. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test("a citizen reads a unit's last quarter with its terms explained, the same figure the API gives", async ({
  page,
  request,
}) => {
  const scripts = scriptsOf(page);
  await page.goto(UNIT);
  await expect(page.getByRole("heading", { level: 2, name: /Hasil survei kepuasan/ })).toBeVisible();
  const [unit] = await queryE2eDatabase<{ id: number }>(
    "select units.id from units join agencies on agencies.id = units.agency_id where agencies.slug = 'kota-pariaman' and units.slug = 'dinas-kependudukan-dan-pencatatan-sipil'",
  );
  const api = await (await request.get(`/api/v1/units/${unit!.id}/indicators`)).json();
  await expect(page.getByTestId("respondents")).toHaveText(String(api.respondents));
  if (api.suppressed) {
    await expect(page.getByTestId("suppressed")).toContainText("Belum cukup data untuk dipublikasikan");
  } else {
    await expect(page.getByTestId("ikm")).toContainText(api.ikm.toFixed(2).replace(".", ","));
    await expect(page.getByTestId("ikm")).toContainText(`Mutu ${api.mutu}`);
  }
  await page.getByText("Arti istilah").click();
  await expect(page.getByText(/^IKM \(Indeks Kepuasan Masyarakat\)/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Perkembangan 12 bulan" })).toBeVisible();
  await expect(page.getByRole("table", { name: /IKM per bulan/ }).getByRole("row")).toHaveCount(13);
  await expect(page.getByRole("heading", { name: "Penanganan pengaduan" })).toBeVisible();
  await expect(page.getByText("Diverifikasi dalam 3 hari kerja")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tindak lanjut forum konsultasi publik" })).toBeVisible();
  expect(scripts.filter((path) => !/^\/assets\/citizen-[\w-]+\.js$/.test(path))).toEqual([]);
  expect(await page.locator('link[rel="modulepreload"], script[type="module"]').count()).toBe(0);
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "unit-results");
});

test("a service below the minimum says there is not enough data, and shows no figure", async ({ page }) => {
  const [service] = await queryE2eDatabase<{ id: number }>(
    "select services.id from services join units on units.id = services.unit_id join agencies on agencies.id = units.agency_id where agencies.slug = 'kota-pariaman' and units.slug = 'dinas-kependudukan-dan-pencatatan-sipil' order by services.id limit 1",
  );
  // The agency raises its minimum above anything a service gathers in a quarter.
  await queryE2eDatabase("update agencies set public_min_surveys = 5000 where slug = 'kota-pariaman'");
  try {
    await page.goto(`${UNIT}/layanan/${service!.id}`);
    await expect(page.getByTestId("suppressed")).toContainText(
      /Belum cukup data untuk dipublikasikan: baru \d+ dari minimal 5\.000 survei lengkap/,
    );
    await expect(page.getByTestId("ikm")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, "service-suppressed");
  } finally {
    await queryE2eDatabase("update agencies set public_min_surveys = 30 where slug = 'kota-pariaman'");
  }
  await page.goto(`${UNIT}/layanan/${service!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Penanganan pengaduan" })).toBeVisible();
  await expect(page.getByText("Pengaduan dalam periode ini yang menyebut layanan ini")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tindak lanjut forum konsultasi publik" })).toBeVisible();
  await expect(page.getByText(/\d+ dari \d+ tindakan selesai/)).toBeVisible();
  await shoot(page, "service-results");
});

test("a citizen picks an earlier quarter and then a year, without the page's script", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(UNIT);
  const picker = page.getByLabel("Periode");
  const options = await picker.locator("option").allInnerTexts();
  expect(options[0]).toMatch(/^Triwulan \d tahun \d{4}$/);
  const latestHeading = await page.getByRole("heading", { level: 2, name: /Hasil survei kepuasan/ }).innerText();
  await picker.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/periode=\d{4}-Q[1-4]/);
  await expect(page.getByText("Periode pilihan Anda sudah selesai")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Hasil survei kepuasan/ })).not.toHaveText(latestHeading);
  const year = options.find((text) => /^Tahun \d{4}$/.test(text))!;
  await page.getByLabel("Periode").selectOption({ label: year });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Hasil survei kepuasan/ })).toContainText(
    `1 Jan – 31 Des ${year.slice(-4)}`,
  );
  await expect(page.getByRole("table", { name: /IKM per bulan/ }).getByRole("row")).toHaveCount(13);
  await shoot(page, "unit-year");
  const refused = await page.goto(`${UNIT}?periode=2099-Q1`);
  expect(refused!.status()).toBe(400);
  await expect(page.getByText("Periode ini belum dimulai")).toBeVisible();
  await context.close();
});

test("a journalist compares a government's units and sorts them, withheld figures last", async ({ page }) => {
  await page.goto("/kantor/kota-pariaman");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Perbandingan unit/);
  await page.getByLabel("Periode").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/periode=/);
  await page.getByRole("link", { name: "IKM tertinggi" }).click();
  await expect(page).toHaveURL(/urut=ikm/);
  await expect(page).toHaveURL(/periode=/);
  const cells = await page.getByRole("table").locator("tbody tr td:nth-child(2)").allInnerTexts();
  const values = cells.map((text) =>
    text.includes("Belum cukup data") ? null : Number(text.split(" ")[0]!.replace(",", ".")),
  );
  const published = values.filter((value): value is number => value !== null);
  expect(published).toEqual([...published].sort((a, b) => b - a));
  expect(values.slice(published.length).every((value) => value === null)).toBe(true);
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "agency-comparison");
  const download = await page.request.get((await page.getByRole("link", { name: "Unduh CSV" }).getAttribute("href"))!);
  expect(download.headers()["content-type"]).toContain("text/csv");
  expect((await download.text()).split("\r\n")[0]).toMatch(/^agency,period,/);
});

test("a researcher reads the API reference and calls the API with caching", async ({ page, request }) => {
  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data terbuka Suara: referensi API");
  await expect(page.getByRole("heading", { name: "GET /api/v1/units/{unitId}/indicators" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "api-docs");

  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  const first = await request.get("/api/v1/agencies");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("public, max-age=300");
  const again = await request.get("/api/v1/agencies", { headers: { "If-None-Match": first.headers()["etag"]! } });
  expect(again.status()).toBe(304);
  const bad = await request.get("/api/v1/units/1/indicators?period=2026-Q9");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
});
