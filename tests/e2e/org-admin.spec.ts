import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// An administrator loads an agency's organisation from spreadsheets (preview first, then confirm), and a
// supervisor's roster page takes a single-day change. Demo data: the admin account administers every demo agency.
const EXAMPLE = join(import.meta.dirname, "../../docs/examples/organisasi");
const SHEETS = ["unit", "layanan", "loket", "pegawai", "jadwal"].map((sheet) => join(EXAMPLE, `${sheet}.csv`));
const SHOTS = process.env.SCREENSHOT_DIR;
// Sibolga's demo organisation was imported with its own codes (SETDA, DUKCAPIL, DINKES, ...): the example's top unit
// SETDA is Sibolga's, the example's Dukcapil and Dinkes come in as new units under other codes.
const recoded = (text: string) => text.replaceAll("DUKCAPIL", "DKC-TH").replaceAll("DINKES", "DINKES-TH");
const asUpload = (path: string) => ({ name: basename(path), mimeType: "text/csv", buffer: Buffer.from(recoded(readFileSync(path, "utf8"))) });

test("an administrator previews an organisation import, sees a bad row with its file and line, then imports the clean files", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/staf/organisasi");
  await page.getByRole("link", { name: "Pemerintah Kota Sibolga" }).click();
  await page.getByRole("link", { name: "Impor organisasi" }).click();
  await expect(page.getByRole("heading", { name: "Impor organisasi", level: 1 })).toBeVisible();

  // A roster row that ends before it starts: nothing can be saved, the row is named.
  const bad = recoded(readFileSync(join(EXAMPLE, "jadwal.csv"), "utf8")).replace("DKC-1,199003052015031004,Jumat,08:00,16:30", "DKC-1,199003052015031004,Jumat,16:30,08:00");
  await page.getByLabel("Workbook XLSX atau berkas CSV").setInputFiles([...SHEETS.slice(0, 4).map(asUpload), { name: "jadwal.csv", mimeType: "text/csv", buffer: Buffer.from(bad) }]);
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByText("jadwal.csv:3: jam selesai harus sesudah jam mulai")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Simpan/ })).toHaveCount(0);

  await page.getByLabel("Workbook XLSX atau berkas CSV").setInputFiles(SHEETS.map(asUpload));
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  const summary = page.getByRole("table").first();
  await expect(summary.getByRole("row", { name: /^Unit 4 1 0 0$/ })).toBeVisible();
  await expect(summary.getByRole("row", { name: /^Pegawai 13 0 0 0$/ })).toBeVisible();
  await expect(summary.getByRole("row", { name: /^Loket 5 0 0 0$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  if (SHOTS) for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `import-preview-${width}.png`), fullPage: true });
  }
  await page.getByRole("button", { name: /^Simpan \d+ perubahan$/ }).click();
  await expect(page.getByText("Impor tersimpan.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Simpan/ })).toHaveCount(0);

  const [officer] = await queryE2eDatabase<{ username: string; password_hash: string | null }>(
    "select u.username, u.password_hash from users u join officers o on o.id = u.officer_id where o.nip = '199003052015031004'",
  );
  expect(officer).toEqual({ username: "199003052015031004", password_hash: null });

  // The same files again: nothing to save.
  await page.getByLabel("Workbook XLSX atau berkas CSV").setInputFiles(SHEETS.map(asUpload));
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByText("Tidak ada perubahan: data di portal sudah sama dengan berkas.")).toBeVisible();
});

test("a supervisor's roster page takes tomorrow's swap, and refuses a shift that ends before it starts", async ({ page }) => {
  await signIn(page, "supervisor");
  const [counter] = await queryE2eDatabase<{ id: number }>(
    "select c.id from counters c join units u on u.id = c.unit_id join agencies a on a.id = u.agency_id where a.slug = 'kota-pariaman' and c.name = 'Loket 1 KTP-el'",
  );
  await page.goto(`/staf/loket/${counter!.id}/jadwal`);
  await expect(page.getByRole("heading", { name: "Jadwal tugas Loket 1 KTP-el" })).toBeVisible();
  const officers = page.getByLabel("Petugas", { exact: true });
  const first = await officers.locator("option").nth(1).textContent();

  await officers.selectOption({ index: 1 });
  await page.getByLabel("Dari jam").first().fill("16:00");
  await page.getByLabel("Sampai jam").first().fill("08:00");
  await page.getByLabel("Berlaku sampai").fill("2030-01-01");
  await page.getByRole("button", { name: "Simpan pola" }).click();
  await expect(page.getByText("Jam selesai harus sesudah jam mulai.")).toBeVisible();

  const form = page.locator("form", { has: page.getByRole("button", { name: "Simpan perubahan" }) });
  await form.getByLabel("Petugas pengganti atau tambahan").selectOption({ index: 1 });
  await form.getByLabel("Dari jam").fill("09:00");
  await form.getByLabel("Sampai jam").fill("12:00");
  await form.getByLabel("Keterangan").fill("Tukar jaga");
  await form.getByRole("button", { name: "Simpan perubahan" }).click();
  const changes = page.getByRole("table").filter({ hasText: "Tukar jaga" });
  await expect(changes.getByRole("cell", { name: `${first!.split(" · ")[0]} (09:00–12:00)` })).toBeVisible();
  await expect(page.getByText("perubahan", { exact: true }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  if (SHOTS) for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `roster-${width}.png`), fullPage: true });
  }
});
