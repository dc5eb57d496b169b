import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

async function dukcapilPariaman(): Promise<number> {
  const [unit] = await queryE2eDatabase<{ id: number }>(
    `select u.id from units u join agencies a on a.id = u.agency_id
      where a.slug = 'kota-pariaman' and u.name = 'Dinas Kependudukan dan Pencatatan Sipil'`,
  );
  return unit!.id;
}

test("the period filter shows only the chosen period's field and refuses a reversed range next to the field", async ({ page }) => {
  test.setTimeout(90_000);
  const unitId = await dukcapilPariaman();
  await signIn(page, "supervisor");
  await page.goto(`/staf/indikator/${unitId}?periode=quarter&tanggal=2026-07-15`);
  const filters = page.locator("form.filters");
  await expect(filters.getByLabel("Triwulan", { exact: true })).toHaveValue("2026-Q3");
  for (const hidden of ["Bulan", "Tahun", "Tanggal awal", "Tanggal akhir"]) await expect(filters.getByLabel(hidden, { exact: true })).toBeHidden();
  await expect(page.locator(".period-line")).toHaveText("Angka untuk Triwulan III 2026 (1 Jul – 30 Sep 2026). Periode ini sudah selesai; angkanya lengkap.");

  // A month: only the month's field.
  await filters.getByLabel("Periode", { exact: true }).selectOption({ label: "Bulan" });
  await expect(filters.getByLabel("Triwulan", { exact: true })).toBeHidden();
  await filters.getByLabel("Bulan", { exact: true }).fill("2026-02");
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.locator(".period-line")).toHaveText(/^Angka untuk Feb 2026 \(1–28 Feb 2026\)\. Periode ini sudah selesai/);

  // A reversed range is refused beside the last day, keeping what was typed; the figures say what they cover.
  await filters.getByLabel("Periode", { exact: true }).selectOption({ label: "Rentang tanggal" });
  await filters.getByLabel("Tanggal awal", { exact: true }).fill("2026-09-30");
  await filters.getByLabel("Tanggal akhir", { exact: true }).fill("2026-07-01");
  await filters.getByRole("button", { name: "Terapkan" }).click();
  const last = page.locator("form.filters").getByLabel("Tanggal akhir", { exact: true });
  await expect(last).toHaveAttribute("aria-invalid", "true");
  await expect(last).toHaveValue("2026-07-01");
  await expect(page.locator("#sampai-error")).toHaveText("Tanggal akhir harus sama dengan atau sesudah tanggal awal.");
  await expect(page.locator(".period-line")).toContainText("Rentang tanggal yang diisi tidak dapat dipakai");
  await expect(page.locator(".period-line")).toContainText(/Angka untuk Triwulan [IV]+ 20\d\d/);
  await expectNoSeriousA11yViolations(page);

  // An open-ended range is refused too.
  await page.goto(`/staf/indikator/${unitId}?periode=custom&dari=2026-07-01&sampai=`);
  await expect(page.locator("#sampai-error")).toHaveText("Isi tanggal ini.");

  // A running period says so.
  await page.goto(`/staf/indikator/${unitId}?periode=custom&dari=2026-01-01&sampai=2099-12-31`);
  await expect(page.locator("#sampai-error")).toHaveText("Rentang paling panjang lima tahun.");
  await page.goto(`/staf/indikator/${unitId}?periode=year&tahun=${new Date().getFullYear()}`);
  await expect(page.locator(".period-line")).toContainText("Periode ini masih berjalan: angkanya sampai hari ini");
});

test("without the browser's script, a change of period opens on that period's field", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const unitId = await dukcapilPariaman();
  await signIn(page, "supervisor");
  await page.goto(`/staf/indikator/${unitId}?periode=quarter&tanggal=2026-07-15`);
  const filters = page.locator("form.filters");
  await filters.getByLabel("Periode", { exact: true }).selectOption({ label: "Rentang tanggal" });
  await filters.getByRole("button", { name: "Terapkan" }).click();
  // The range opens on the quarter's days, its own fields shown.
  await expect(page.locator("form.filters").getByLabel("Tanggal awal", { exact: true })).toHaveValue("2026-07-01");
  await expect(page.locator("form.filters").getByLabel("Tanggal akhir", { exact: true })).toHaveValue("2026-09-30");
  await expect(page.locator(".period-line")).toHaveText(/^Angka untuk 1 Jul – 30 Sep 2026\. Periode ini sudah selesai/);
  await page.locator("form.filters").getByLabel("Periode", { exact: true }).selectOption({ label: "Tahun" });
  await page.locator("form.filters").getByRole("button", { name: "Terapkan" }).click();
  await expect(page.locator("form.filters").getByLabel("Tahun", { exact: true })).toHaveValue("2026");
  await expect(page.locator("form.filters").getByLabel("Tanggal awal", { exact: true })).toBeHidden();
  await context.close();
});
