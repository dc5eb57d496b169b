import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// The supervisor's drill-down from a unit's indicators to one officer, counter or service.

async function dukcapil(agencySlug: string): Promise<number> {
  const rows = await queryE2eDatabase<{ id: number }>(
    "select u.id from units u join agencies a on a.id = u.agency_id where a.slug = $1 and u.slug = 'dinas-kependudukan-dan-pencatatan-sipil'",
    [agencySlug],
  );
  return rows[0]!.id;
}

async function petugas(): Promise<{ id: number; name: string }> {
  const rows = await queryE2eDatabase<{ id: number; name: string }>(
    "select o.id, o.name from users u join officers o on o.id = u.officer_id where u.username = 'petugas'",
  );
  return rows[0]!;
}

/** Every demo rating: the two generated years and whatever other tests added since. */
function wholeDemoSpan(): string {
  const year = new Date().getFullYear();
  return `periode=custom&dari=${year - 3}-01-01&sampai=${year + 1}-12-31`;
}

async function commentCount(page: Page): Promise<number> {
  const text = (await page.locator(".comment-count strong").textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

test("a supervisor opens an officer from the unit's indicators, filters comments and reads complaints with the reply", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const unitId = await dukcapil("kota-pariaman");
  const officer = await petugas();
  await signIn(page, "supervisor");
  await page.goto(`/staf/indikator/${unitId}?${wholeDemoSpan()}`);
  await page
    .getByRole("table")
    .filter({ hasText: "Interval 95%" })
    .getByRole("link", { name: officer.name, exact: true })
    .click();

  await expect(page).toHaveURL(new RegExp(`/staf/indikator/${unitId}/petugas/${officer.id}\\?periode=custom`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(officer.name);
  const score = page.locator(".kpi").filter({ hasText: "Skor layanan" });
  await expect(score.getByText(/Interval 95%: \d,\d\d – \d,\d\d|Belum cukup penilaian/)).toBeVisible();
  await expect(
    page
      .locator(".kpi")
      .filter({ hasText: "Penilaian sah" })
      .getByText(/\d+ cepat · \d+ survei lengkap/),
  ).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "Nilai rata-rata per unsur" }).getByRole("row")).toHaveCount(
    10,
  );
  await expectNoSeriousA11yViolations(page);

  // The U7 (behaviour) answer most often given in this officer's commented surveys: a filter with results.
  const [common] = await queryE2eDatabase<{ u7: number }>(
    "select u7 from ratings where officer_id = $1 and u7 is not null and btrim(coalesce(comment, '')) <> '' group by u7 order by count(*) desc, u7 limit 1",
    [officer.id],
  );
  const before = await commentCount(page);
  expect(before).toBeGreaterThan(0);
  await page.getByLabel("Unsur", { exact: true }).selectOption("U7");
  await page.getByLabel("Nilai", { exact: true }).selectOption(String(common!.u7));
  await page.getByRole("button", { name: "Saring komentar" }).click();
  await expect(page).toHaveURL(new RegExp(`unsur=U7&nilai=${common!.u7}`));
  await expect(page.getByRole("columnheader", { name: "Jawaban U7" })).toBeVisible();
  const after = await commentCount(page);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  const answers = await page.locator(".comments-table td.element-answer").allTextContents();
  expect(answers.length).toBe(Math.min(after, 50));
  expect(new Set(answers)).toEqual(new Set([String(common!.u7)]));
  // The period is kept by the comment filters.
  await expect(page.locator(".period-line")).toHaveText(new RegExp(`^Angka untuk 1 Jan ${new Date().getFullYear() - 3} – `));

  // And a change of period keeps the comment filters.
  await page.getByLabel("Tanggal akhir", { exact: true }).fill(`${new Date().getFullYear() + 1}-12-31`);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(new RegExp(`unsur=U7.*nilai=${common!.u7}|nilai=${common!.u7}.*unsur=U7`));
  await expect(page.getByRole("columnheader", { name: "Jawaban U7" })).toBeVisible();

  // Score alone, without an element.
  await page.getByLabel("Unsur", { exact: true }).selectOption("");
  await page.getByLabel("Nilai", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Saring komentar" }).click();
  await expect(page).toHaveURL(/nilai=1/);
  await expect(page.getByRole("columnheader", { name: "Jawaban U7" })).toHaveCount(0);
  await page.getByRole("link", { name: "Hapus saringan" }).click();
  await expect.poll(() => commentCount(page)).toBe(before);

  // The demo complaint naming this officer, with the officer's reply and its deadline; no reporter contact.
  const complaints = page.getByRole("table", { name: "Pengaduan" });
  const row = complaints.getByRole("row").filter({ hasText: "berbicara dengan nada tinggi" });
  await expect(row).toBeVisible();
  await expect(row.getByText("Pada hari itu antrean sangat panjang")).toBeVisible();
  await expect(row.getByText("Tindak lanjut", { exact: true })).toBeVisible();
  await expect(page.getByText("0812 0000 0000")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Pengaduan [2-9A-HJKMNP-Z]{3}-/);
});

test("a supervisor opens a counter and a service from the unit's list and downloads the comments", async ({ page }) => {
  test.setTimeout(90_000);
  const unitId = await dukcapil("kota-pariaman");
  await signIn(page, "supervisor");
  await page.goto(`/staf/indikator/${unitId}?${wholeDemoSpan()}`);
  await page.getByRole("table", { name: "Per loket" }).getByRole("link", { name: "Loket 1 KTP-el" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loket 1 KTP-el");
  await expect(page.locator(".kpi").filter({ hasText: "Nilai IKM dari survei lengkap" }).locator(".value")).toHaveText(
    /^\d{2},\d{2}$/,
  );
  await expect(page.getByRole("columnheader", { name: "Petugas", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const csv = await page.request.get(
    (await page.getByRole("link", { name: "Unduh komentar (CSV)" }).getAttribute("href"))!,
  );
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.startsWith("\uFEFFKomentar warga · Loket 1 KTP-el")).toBe(true);
  expect(text).toContain(
    "Waktu;Saluran;Layanan;Loket;Petugas;Jenis;Nilai cepat;U1;U2;U3;U4;U5;U6;U7;U8;U9;Komentar;Status;Terverifikasi",
  );
  expect(text).not.toMatch(/hash/i);

  // Every table of the page as a workbook: the summary names the counter and carries the page's IKM.
  const xlsx = await page.request.get((await page.getByRole("link", { name: "Unduh semua tabel (XLSX)" }).getAttribute("href"))!);
  expect(xlsx.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await xlsx.body()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Ringkasan", "Unsur", "Tren 12 bulan", "Komentar", "Pengaduan"]);
  const summary = workbook.getWorksheet("Ringkasan")!;
  const cells = new Map<string, unknown>();
  summary.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(cells.get("Loket")).toBe("Loket 1 KTP-el");
  const shownIkm = await page.locator(".kpi").filter({ hasText: "Nilai IKM dari survei lengkap" }).locator(".value").textContent();
  expect((cells.get("Nilai IKM (25–100)") as number).toFixed(2).replace(".", ",")).toBe(shownIkm);
  expect(workbook.getWorksheet("Komentar")!.rowCount).toBeGreaterThan(2);

  await page.goBack();
  await page.getByRole("table", { name: "Per layanan" }).getByRole("link", { name: "Penerbitan KTP-el" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penerbitan KTP-el");
  await expect(page.getByRole("heading", { name: "Komentar warga" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("another unit's supervisor gets 404 for a Pariaman officer, counter or service", async ({ page }) => {
  const pariaman = await dukcapil("kota-pariaman");
  const sorong = await dukcapil("kota-sorong");
  const officer = await petugas();
  const [counter] = await queryE2eDatabase<{ id: number }>(
    "select id from counters where unit_id = $1 order by id limit 1",
    [pariaman],
  );
  const [service] = await queryE2eDatabase<{ id: number }>(
    "select id from services where unit_id = $1 order by id limit 1",
    [pariaman],
  );
  await signIn(page, "supervisor.sorong");
  for (const path of [
    `/staf/indikator/${pariaman}/petugas/${officer.id}`,
    `/staf/indikator/${pariaman}/petugas/${officer.id}.csv`,
    `/staf/indikator/${pariaman}/loket/${counter!.id}.xlsx`,
    // Their own unit in the address does not open another unit's officer, counter or service.
    `/staf/indikator/${sorong}/petugas/${officer.id}`,
    `/staf/indikator/${sorong}/loket/${counter!.id}`,
    `/staf/indikator/${sorong}/layanan/${service!.id}`,
    `/staf/indikator/${sorong}/layanan/${service!.id}.csv`,
    `/staf/indikator/${sorong}/petugas/${officer.id}.xlsx`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the comment filters are a plain form", async ({ page }) => {
    const unitId = await dukcapil("kota-pariaman");
    await signIn(page, "supervisor");
    const [counter] = await queryE2eDatabase<{ id: number }>(
      "select id from counters where unit_id = $1 and name = 'Loket 1 KTP-el'",
      [unitId],
    );
    await page.goto(`/staf/indikator/${unitId}/loket/${counter!.id}?${wholeDemoSpan()}`);
    const before = await commentCount(page);
    await page.getByLabel("Unsur", { exact: true }).selectOption("U3");
    await page.getByRole("button", { name: "Saring komentar" }).click();
    await expect(page).toHaveURL(/periode=custom&dari=.*&unsur=U3/);
    await expect(page.getByRole("columnheader", { name: "Jawaban U3" })).toBeVisible();
    expect(await commentCount(page)).toBeLessThan(before);
  });
});
