import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// An administrator builds a piece of the organisation by hand in an agency no other test file touches (Kabupaten
// Nabire), all with its own new records: a unit, a service with its standard, a counter whose public code is
// renewed (the old QR then says the counter moved), two officers with a supervisor (a loop is refused), and
// retirement, each irreversible step asked first.
const SHOTS = process.env.SCREENSHOT_DIR;
const run = String((Date.now() % 899) + 100);
const unitName = `Unit Uji Organisasi ${run}`;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an administrator adds a unit, a service, a counter and officers, renews the counter's code and retires", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/staf/organisasi");
  await page.getByRole("link", { name: "Pemerintah Kabupaten Nabire" }).click();
  await expect(page.getByRole("heading", { name: "Pemerintah Kabupaten Nabire", level: 1 })).toBeVisible();
  const agencyPage = page.url();

  // A unit: a missing name is refused next to the field, then the unit is added under the top unit.
  await page.getByRole("link", { name: "Tambah unit" }).click();
  await expect(page.getByRole("heading", { name: "Tambah unit", level: 1 })).toBeVisible();
  await page.getByLabel("Kode", { exact: true }).fill(`UJI-${run}`);
  await page.getByLabel("Jenis unit").selectOption("dinas");
  await page.getByLabel("Unit induk").selectOption({ index: 1 });
  const refused = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Tambah unit" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.locator("#name-error")).toHaveText("Wajib diisi.");
  await page.getByLabel("Nama unit").fill(unitName);
  await page.getByLabel("Nama lain untuk pencarian").fill(`Gedung Pelangi ${run}, Kantor Uji`);
  await page.getByRole("button", { name: "Tambah unit" }).click();
  await expect(page.getByText("Unit ditambahkan.")).toBeVisible();
  await expect(page.getByRole("heading", { name: unitName, level: 1 })).toBeVisible();
  await expect(page.getByLabel("Nama lain untuk pencarian")).toHaveValue(`Gedung Pelangi ${run}, Kantor Uji`);
  const unitPage = page.url();
  // Citizens find the new office by a name its administrator gave it.
  await page.goto(`/kantor?q=${encodeURIComponent(`gedung pelangi ${run}`)}`);
  await expect(page.getByRole("link", { name: unitName })).toBeVisible();
  await page.goto(unitPage);

  // A service with its published standard.
  await page.getByRole("link", { name: "Tambah layanan" }).click();
  await expect(page.getByRole("heading", { name: "Tambah layanan", level: 1 })).toBeVisible();
  await page.getByLabel("Kode", { exact: true }).fill(`LYN-${run}`);
  await page.getByLabel("Nama layanan").fill(`Layanan Uji ${run}`);
  await page.getByLabel("Persyaratan").fill("KTP-el; formulir permohonan.");
  await page.getByLabel("Sistem, mekanisme, dan prosedur").fill("Ambil antrean, serahkan berkas, verifikasi, terima produk.");
  await page.getByLabel("Waktu penyelesaian (hari kerja)").fill("2 hari kerja");
  await page.getByLabel("Biaya/tarif (Rp)").fill("Rp 15.000");
  await page.getByLabel("Perkiraan pengguna layanan per tahun").fill("4.000");
  await page.getByLabel("Produk layanan").fill("Surat keterangan");
  await page.getByLabel("Penanganan pengaduan, saran, dan masukan").fill("Portal Suara dan kotak saran.");
  await page.getByRole("button", { name: "Tambah layanan" }).click();
  await expect(page.getByText("Layanan ditambahkan.")).toBeVisible();
  await expect(page.getByLabel("Biaya/tarif (Rp)")).toHaveValue("15000");

  // A counter offering it.
  await page.goto(unitPage);
  await expect(page.getByRole("cell", { name: /15\.000/ })).toBeVisible();
  await page.getByRole("link", { name: "Tambah loket" }).click();
  await expect(page.getByRole("heading", { name: "Tambah loket", level: 1 })).toBeVisible();
  await page.getByLabel("Kode", { exact: true }).fill(`LKT-${run}`);
  await page.getByLabel("Nama loket").fill(`Loket Uji ${run}`);
  await page.getByLabel(`Layanan Uji ${run}`).check();
  await page.getByRole("button", { name: "Tambah loket" }).click();
  await expect(page.getByText("Loket ditambahkan.")).toBeVisible();
  const oldCode = (await page.getByTestId("public-code").innerText()).replace("/l/", "");
  await shoot(page, "org-counter");

  // A new public code, asked first; the old code then opens the "moved" page that leads to the new one.
  await page.getByRole("button", { name: "Buat kode publik baru" }).click();
  await expect(page.getByRole("heading", { name: `Buat kode publik baru untuk Loket Uji ${run}?` })).toBeVisible();
  await page.getByRole("button", { name: "Ya, buat kode baru" }).click();
  await expect(page.getByText(/^Kode publik baru: /)).toBeVisible();
  const newCode = (await page.getByTestId("public-code").innerText()).replace("/l/", "");
  expect(newCode).not.toBe(oldCode);
  const moved = await page.goto(`/l/${oldCode}`);
  expect(moved?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Loket ini sudah pindah" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "org-moved");
  await page.getByRole("link", { name: `Nilai Loket Uji ${run}` }).click();
  await expect(page).toHaveURL(new RegExp(`/l/${newCode}$`));
  await expect(page.getByText(`Loket Uji ${run}`).first()).toBeVisible();

  // Two officers: the second reports to the first; the first cannot then report to the second.
  const nip = (sequence: string) => `19900101201501${sequence.length === 4 ? sequence : `1${sequence}`}`;
  await page.goto(unitPage);
  await page.getByRole("link", { name: "Pegawai unit ini" }).click();
  for (const [name, sequence, supervisor] of [[`Kepala Uji ${run}`, run, null], [`Staf Uji ${run}`, String(Number(run) + 1).padStart(3, "0").slice(-3), `Kepala Uji ${run}`]] as const) {
    await page.getByRole("link", { name: "Tambah pegawai" }).click();
    await expect(page.getByRole("heading", { name: "Tambah pegawai", level: 1 })).toBeVisible();
    await page.getByLabel("NIP").fill(nip(sequence));
    await page.getByLabel("Nama pegawai").fill(name);
    await page.getByLabel("Jabatan").fill(supervisor ? "Pengadministrasi Umum" : "Kepala Dinas");
    await page.getByLabel("Pangkat/golongan").fill("Penata (III/c)");
    await expect(page.getByLabel("Unit kerja")).toHaveValue(/\d+/);
    if (supervisor) {
      const option = page.getByLabel("Atasan langsung").locator("option", { hasText: supervisor });
      await page.getByLabel("Atasan langsung").selectOption((await option.getAttribute("value"))!);
    }
    await page.getByRole("button", { name: "Tambah pegawai" }).click();
    await expect(page.getByText("Pegawai ditambahkan, dengan akun yang menunggu aktivasi.")).toBeVisible();
    await page.getByRole("link", { name: new RegExp(`^← ${unitName}`) }).click();
  }
  await expect(page.getByRole("row", { name: new RegExp(`Staf Uji ${run}.*Kepala Uji ${run}`) })).toBeVisible();
  await shoot(page, "org-officers");
  await page.getByRole("link", { name: `Kepala Uji ${run}` }).click();
  await expect(page.getByRole("heading", { name: `Kepala Uji ${run}`, level: 1 })).toBeVisible();
  const staffOption = page.getByLabel("Atasan langsung").locator("option", { hasText: `Staf Uji ${run}` });
  await page.getByLabel("Atasan langsung").selectOption((await staffOption.getAttribute("value"))!);
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.locator("#supervisorId-error")).toContainText("rantai atasan tidak boleh berputar");
  await expect(page.getByText("1 pegawai aktif masih melapor kepada pegawai ini.")).toBeVisible();

  // The subordinate retires (asked first); the record stays, marked retired.
  await page.getByRole("link", { name: new RegExp(`^← ${unitName}`) }).click();
  await page.getByRole("link", { name: `Staf Uji ${run}` }).click();
  await expect(page.getByRole("heading", { name: `Staf Uji ${run}`, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Nonaktifkan pegawai" }).click();
  await page.getByRole("button", { name: "Ya, nonaktifkan pegawai" }).click();
  await expect(page.getByText("Pegawai dinonaktifkan.")).toBeVisible();

  // The unit retires (asked first): it leaves the public office search, its counter closes.
  await page.goto(unitPage);
  await shoot(page, "org-unit");
  await page.getByRole("button", { name: "Nonaktifkan unit" }).click();
  await expect(page.getByText(/1 loket aktifnya ikut ditutup/)).toBeVisible();
  await page.getByRole("button", { name: "Ya, nonaktifkan unit" }).click();
  await expect(page.getByText("Unit dinonaktifkan.")).toBeVisible();
  await page.goto(`/kantor?q=${encodeURIComponent(unitName)}`);
  await expect(page.getByRole("link", { name: unitName })).toHaveCount(0);
  await page.goto(`/l/${newCode}`);
  await expect(page.getByRole("heading", { name: `Loket Uji ${run} sudah tidak melayani` })).toBeVisible();
  await page.goto(`${agencyPage}?q=${encodeURIComponent(unitName)}`);
  await expect(page.getByRole("row", { name: new RegExp(unitName) })).toContainText("nonaktif");
});
