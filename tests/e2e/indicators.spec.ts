import { expect, test } from "@playwright/test";
import { counterCode, queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

async function dukcapilPariaman(): Promise<number> {
  const rows = await queryE2eDatabase<{ id: number }>(
    "select u.id from units u join agencies a on a.id = u.agency_id where a.slug = 'kota-pariaman' and u.name = 'Dinas Kependudukan dan Pencatatan Sipil'",
  );
  return rows[0]!.id;
}

test("a supervisor reads the unit's indicators with the sample, the trend and officers not yet ranked", async ({ page }) => {
  await signIn(page, "supervisor");
  const unitId = await dukcapilPariaman();
  await page.goto(`/staf/indikator/${unitId}?periode=year&tanggal=2026-06-01`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indikator kualitas layanan");
  await expect(page.locator(".period-line")).toHaveText(/^Angka untuk Tahun 2026 \(1 Jan – 31 Des 2026\)\. Periode ini (sudah selesai|masih berjalan)/);
  await expect(page.locator(".kpi").filter({ hasText: "Nilai IKM" }).locator(".value")).toHaveText(/^\d{2},\d{2}$/);
  await expect(page.getByRole("table").filter({ hasText: "Nilai rata-rata per unsur" }).getByRole("row")).toHaveCount(10);
  await expect(page.getByRole("columnheader", { name: "Interval 95%" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Hanya kunjungan terverifikasi").check();
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/terverifikasi=1/);

  // Another unit's indicators stay closed to this supervisor.
  const other = await queryE2eDatabase<{ id: number }>("select u.id from units u join agencies a on a.id = u.agency_id where a.slug = 'kota-sorong' and u.kind = 'dinas' limit 1");
  const refused = await page.goto(`/staf/indikator/${other[0]!.id}`);
  expect(refused?.status()).toBe(404);
});

test("a rating sent from a staff session waits for review; excluding it is recorded with the reason", async ({ page }) => {
  await signIn(page, "supervisor");
  const code = await counterCode("kota-pariaman", "Loket 1 KTP-el");
  await page.goto(`/l/${code}`);
  // "I don't know" is the officer already chosen: the list stays folded under it.
  await expect(page.locator("summary").filter({ hasText: "Saya tidak tahu" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Saya tidak tahu", includeHidden: true })).toBeChecked();
  await page.getByText("Sangat puas", { exact: true }).click();
  await page.getByText("Tambah komentar").click();
  await page.getByLabel("Komentar atau saran (tidak wajib)").fill("e2e dari sesi pegawai");
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();

  const unitId = await dukcapilPariaman();
  await page.goto(`/staf/tinjauan/${unitId}`);
  const row = page.getByRole("row").filter({ hasText: "e2e dari sesi pegawai" });
  await expect(row.getByText("Dari sesi pegawai", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Keluarkan" }).click();
  await expect(page.getByText("Tuliskan alasan keputusan")).toBeVisible();
  await page.getByRole("row").filter({ hasText: "e2e dari sesi pegawai" }).getByPlaceholder("Alasan keputusan").fill("Diisi petugas sendiri saat uji coba");
  await page.getByRole("row").filter({ hasText: "e2e dari sesi pegawai" }).getByRole("button", { name: "Keluarkan" }).click();
  // Decided, it leaves the queue of ratings waiting for a decision and is listed under the excluded ones.
  await expect(page.getByRole("row").filter({ hasText: "e2e dari sesi pegawai" })).toHaveCount(0);
  await page.goto(`/staf/tinjauan/${unitId}?status=excluded`);
  await expect(page.getByRole("row").filter({ hasText: "e2e dari sesi pegawai" }).getByText("Dikeluarkan")).toBeVisible();
  const stored = await queryE2eDatabase<{ status: string; status_reason: string }>("select status, status_reason from ratings where comment = 'e2e dari sesi pegawai'");
  expect(stored).toEqual([{ status: "excluded", status_reason: "Diisi petugas sendiri saat uji coba" }]);
  const audit = await queryE2eDatabase<{ action: string }>("select action from audit_log where action = 'rating.exclude'");
  expect(audit.length).toBeGreaterThan(0);
});

test("an officer sees their own score explained, and comments only in batches", async ({ page }) => {
  await signIn(page, "petugas");
  await page.goto("/staf/layanan-saya?periode=year&tanggal=2026-06-01");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penilaian warga untuk saya");
  await expect(page.getByRole("heading", { name: "Bagaimana skor ini dihitung" })).toBeVisible();
  await expect(page.getByText(/paling sedikit 5 komentar, hanya dari minggu yang sudah selesai/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
