import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, openLedUnit, signIn } from "./helpers";

// SCREENSHOT_DIR=dir saves the report page and the public page at 360 and 1280 px.
const SHOTS = process.env.SCREENSHOT_DIR;

/** The whole page at both widths, and the part that matters (a CSS selector) on its own. */
async function shoot(page: Page, name: string, part?: string) {
  if (!SHOTS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    if (part) await page.locator(part).screenshot({ path: join(SHOTS, `${name}-part-${width}.png`) });
  }
}

test("a supervisor writes the SKM report's recommendations and downloads the report and the tables", async ({ page }) => {
  await signIn(page, "supervisor");
  await openLedUnit(page);
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
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
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
  await openLedUnit(page);
  const unitId = Number(page.url().split("/").pop());
  await page.getByRole("button", { name: "Keluar" }).click();
  await signIn(page, "supervisor.sorong");
  expect((await page.goto(`/staf/laporan/${unitId}`))?.status()).toBe(404);
  expect((await page.request.get(`/staf/laporan/${unitId}.pdf`)).status()).toBe(404);
  expect((await page.request.get(`/staf/indikator/${unitId}.csv`)).status()).toBe(404);
});

test("a supervisor records a recommendation and its follow-up without JavaScript, and the public page shows it", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "supervisor");
  await openLedUnit(page);
  const unitId = Number(page.url().split("/").pop());
  // February 2026: a month of its own, so the demo's recommendations and other tests' stay apart.
  const report = `/staf/laporan/${unitId}?periode=month&bulan=2026-02`;
  await page.goto(report);
  const action = `Membalas setiap pengaduan WhatsApp dalam satu hari kerja (${Date.now()}).`;

  // Nothing chosen, nothing written, a due date before the month: refused beside each field, nothing stored.
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Tambah rekomendasi" }) });
  // The form suggests the month's lowest element; the supervisor clears it.
  await expect(form.getByLabel("Unsur yang diperbaiki")).toHaveAccessibleDescription(/^Unsur terendah periode ini: U\d/);
  await form.getByLabel("Unsur yang diperbaiki").selectOption("");
  await form.getByLabel("Batas waktu").fill("2026-01-15");
  const refused = page.waitForResponse((response) => response.request().method() === "POST");
  await form.getByRole("button", { name: "Simpan rekomendasi" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByText("Rekomendasi belum tersimpan. Periksa isian yang ditandai.")).toBeVisible();
  await expect(form.getByLabel("Unsur yang diperbaiki")).toHaveAccessibleDescription(/Pilih salah satu pilihan yang tersedia/);
  await expect(form.getByLabel("Tindakan perbaikan")).toHaveAccessibleDescription(/Wajib diisi/);
  await expect(form.getByLabel("Penanggung jawab")).toHaveAccessibleDescription(/Wajib diisi/);

  await form.getByLabel("Unsur yang diperbaiki").selectOption("U8");
  await form.getByLabel("Tindakan perbaikan").fill(action);
  await form.getByLabel("Penanggung jawab").fill("Kepala Seksi Pengaduan Masyarakat");
  const due = form.getByLabel("Batas waktu");
  await expect(due).toHaveAccessibleDescription(/Tanggal ini sebelum awal periode laporan/);
  await due.fill("2026-03-31");
  await form.getByRole("button", { name: "Simpan rekomendasi" }).click();
  await expect(page.getByText("Rekomendasi tersimpan.")).toBeVisible();
  const card = page.locator("li.card", { hasText: action });
  await expect(card.getByText("Direncanakan", { exact: true })).toBeVisible();
  await expect(card).toContainText("Kepala Seksi Pengaduan Masyarakat");

  // Done needs evidence: refused beside the field, the status stays.
  await card.getByText("Perbarui status").click();
  await card.getByLabel("Status baru").selectOption("done");
  await card.getByLabel("Tanggal").fill("2026-03-20");
  await card.getByLabel("Catatan").fill("Nomor WhatsApp pengaduan dijaga bergantian; semua pesan dibalas di hari yang sama.");
  await card.getByRole("button", { name: "Simpan status" }).click();
  const again = page.locator("li.card", { hasText: action });
  await expect(again.getByLabel("Bukti (wajib bila selesai)")).toHaveAccessibleDescription(/Rekomendasi yang selesai perlu bukti/);
  await expect(again.getByText("Direncanakan", { exact: true })).toBeVisible();
  await again.getByLabel("Bukti (wajib bila selesai)").fill("Rekap balasan WhatsApp Maret 2026");
  await again.getByRole("button", { name: "Simpan status" }).click();
  await expect(page.getByText("Status rekomendasi tersimpan.")).toBeVisible();
  const done = page.locator("li.card", { hasText: action });
  await expect(done.getByText("Selesai", { exact: true })).toBeVisible();
  await expect(done).toContainText("20 Mar 2026 · Selesai · Nomor WhatsApp pengaduan dijaga bergantian");
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "skm-report-recommendations", 'section[aria-labelledby="current-title"]');

  // The public page of the quarter holding that month shows the commitment with its status, nobody named.
  await page.goto("/kantor/kota-pariaman/dinas-kependudukan-dan-pencatatan-sipil?periode=2026-Q1");
  const commitment = page.getByTestId("commitment").filter({ hasText: action });
  await expect(commitment).toContainText("Selesai");
  await expect(commitment).toContainText("Batas waktu 31 Mar 2026");
  await expect(commitment).toContainText("Kabar terakhir, 20 Mar 2026: Nomor WhatsApp pengaduan dijaga bergantian");
  await expect(commitment).toContainText("Bukti: Rekap balasan WhatsApp Maret 2026");
  await expect(page.getByText("Kepala Seksi Pengaduan Masyarakat")).toHaveCount(0);
  await context.close();
});

test("the public unit page says what the unit committed to for its lowest element, with every status", async ({ page }) => {
  await page.goto("/kantor/kota-pariaman/dinas-kependudukan-dan-pencatatan-sipil");
  const commitments = page.getByTestId("commitments");
  await expect(commitments.getByRole("heading", { name: /^Yang kami janjikan untuk unsur terendah, U\d/ })).toBeVisible();
  await expect(commitments.getByRole("heading", { name: /^Janji periode sebelumnya/ })).toBeVisible();
  await expect(commitments.getByText("1 dari 3 janji sudah selesai.")).toBeVisible();
  for (const state of ["Direncanakan", "Sedang dikerjakan", "Selesai", "Terlambat"]) await expect(commitments.getByText(state, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/^Janji perbaikan adalah rekomendasi dalam laporan Survei Kepuasan Masyarakat unit/)).toBeVisible();
  await shoot(page, "unit-commitments", 'section[aria-labelledby="follow-up-title"]');
});
