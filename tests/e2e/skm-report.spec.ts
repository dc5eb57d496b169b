import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

test("a supervisor writes the SKM report's recommendations and downloads the report and the tables", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.getByRole("link", { name: /Dinas Kependudukan/ }).first().click();
  await page.waitForURL(/\/staf\/unit\/\d+$/);
  await page.getByRole("link", { name: "Laporan SKM" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Laporan Survei Kepuasan Masyarakat" })).toBeVisible();

  // The year 2026 has ratings in the demo data.
  await page.getByLabel("Periode", { exact: true }).selectOption("year");
  // Only the year's own field is shown for a year.
  await expect(page.getByLabel("Bulan", { exact: true })).toBeHidden();
  await page.getByLabel("Tahun", { exact: true }).fill("2026");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/periode=year/);
  await expect(page.getByText(/Ringkasan periode ini: nilai IKM/)).toBeVisible();

  await page.getByLabel("Rekomendasi untuk periode ini").fill("U7: pelatihan layanan prima untuk petugas loket.");
  await page.getByLabel("Tindak lanjut rekomendasi periode sebelumnya").fill("Persyaratan ditempel di setiap loket (selesai).");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Tersimpan.")).toBeVisible();
  await expect(page.getByLabel("Rekomendasi untuk periode ini")).toHaveValue("U7: pelatihan layanan prima untuk petugas loket.");
  await expectNoSeriousA11yViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh laporan SKM (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^laporan-skm-\d+-2026-01-01-2026-12-31\.pdf$/);
  const pdf = await page.request.get(await page.getByRole("link", { name: "Unduh laporan SKM (PDF)" }).getAttribute("href").then((href) => href ?? ""));
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");

  await page.locator('a.button[href^="/staf/indikator/"]').click();
  await expect(page.getByRole("heading", { level: 1, name: "Indikator kualitas layanan" })).toBeVisible();
  const csvLink = page.getByRole("link", { name: "Unduh CSV" });
  expect(await csvLink.getAttribute("href")).toMatch(/\.csv\?.*periode=year/);
  const csv = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("U1;Persyaratan;");
  expect(text).toContain("Nilai IKM (25–100);");
  const xlsx = await page.request.get((await page.getByRole("link", { name: "Unduh XLSX" }).getAttribute("href"))!);
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
});

test("another unit's supervisor cannot open or download Pariaman's report", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.getByRole("link", { name: /Dinas Kependudukan/ }).first().click();
  await page.waitForURL(/\/staf\/unit\/\d+$/);
  const unitId = Number(page.url().split("/").pop());
  await page.getByRole("button", { name: "Keluar" }).click();
  await signIn(page, "supervisor.sorong");
  expect((await page.goto(`/staf/laporan/${unitId}`))?.status()).toBe(404);
  expect((await page.request.get(`/staf/laporan/${unitId}.pdf`)).status()).toBe(404);
  expect((await page.request.get(`/staf/indikator/${unitId}.csv`)).status()).toBe(404);
});
