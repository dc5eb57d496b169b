import { expect, test, type Browser, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// Irreversible steps ask first: the first post shows what will happen, only the second one writes. Both
// with the browser's script and without it (plain HTML forms).

async function fileComplaint(page: Page, body: string): Promise<{ code: string; id: number }> {
  await page.goto("/pengaduan/baru");
  const unit = page.locator('optgroup[label="Pemerintah Kota Pariaman"] option', { hasText: "Dinas Kependudukan dan Pencatatan Sipil" });
  await page.getByLabel("Unit layanan yang Anda adukan").selectOption((await unit.getAttribute("value")) ?? "");
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.getByLabel("Apa yang terjadi?").fill(body);
  await page.getByRole("radio", { name: /^Anonim/ }).check();
  await page.getByRole("button", { name: "Kirim pengaduan" }).click();
  await expect(page).toHaveURL(/\/pengaduan\/lacak\//);
  const code = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  const rows = await queryE2eDatabase<{ id: number }>("select id from complaints where tracking_code = $1", [code.replace(/-/g, "")]);
  return { code, id: rows[0]!.id };
}

async function statusOf(id: number): Promise<string> {
  const rows = await queryE2eDatabase<{ status: string }>("select status from complaints where id = $1", [id]);
  return rows[0]!.status;
}

async function archiveAsks(page: Page, id: number, code: string) {
  await page.goto(`/staf/pengaduan/${id}`);
  const reason = page.getByLabel("Alasan", { exact: true });
  // Nothing is chosen for the handler: archiving as spam is a choice, not a default.
  await expect(reason).toHaveValue("");
  await reason.selectOption("spam");
  await page.getByRole("button", { name: "Arsipkan", exact: true }).click();
  const question = page.getByRole("alertdialog", { name: `Arsipkan pengaduan ${code}?` });
  await expect(question).toBeVisible();
  await expect(question).toContainText("“Bukan pengaduan (spam)”");
  await expect(question).toContainText("tidak dapat dibatalkan");
  expect(await statusOf(id)).toBe("diterima");
  return question;
}

async function withoutScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test("archiving a complaint asks first, and cancelling changes nothing (with script)", async ({ page }) => {
  const { code, id } = await fileComplaint(page, `Antrean tidak dipanggil berurutan (uji arsip ${Date.now()}).`);
  await page.context().clearCookies();
  await signIn(page, "pengaduan");
  const question = await archiveAsks(page, id, code);
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByRole("heading", { name: `Arsipkan pengaduan ${code}?` })).toBeFocused();
  await question.getByRole("link", { name: "Batal" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  expect(await statusOf(id)).toBe("diterima");

  await archiveAsks(page, id, code);
  await page.getByRole("button", { name: "Ya, arsipkan" }).click();
  await expect(page.getByText("Tersimpan.")).toBeVisible();
  expect(await statusOf(id)).toBe("diarsipkan");
});

test("archiving and closing ask first without the browser's script too", async ({ page, browser }) => {
  const { code, id } = await fileComplaint(page, `Petugas meminta biaya tambahan (uji tanpa skrip ${Date.now()}).`);
  const plain = await withoutScript(browser);
  await signIn(plain.page, "pengaduan");
  await archiveAsks(plain.page, id, code);
  await plain.page.getByRole("button", { name: "Ya, arsipkan" }).click();
  await expect(plain.page.getByText("Tersimpan.")).toBeVisible();
  expect(await statusOf(id)).toBe("diarsipkan");

  // A close without a chosen outcome is refused with the reason beside the field; nothing is preselected.
  const second = await fileComplaint(page, `Loket tutup sebelum jam layanan (uji tutup ${Date.now()}).`);
  await plain.page.goto(`/staf/pengaduan/${second.id}`);
  await plain.page.getByRole("button", { name: "Verifikasi" }).click();
  await plain.page.getByLabel("Unit yang bertanggung jawab").selectOption({ label: "Dinas Kependudukan dan Pencatatan Sipil" });
  await plain.page.getByRole("button", { name: "Teruskan" }).click();
  await expect(plain.page.getByText("Tersimpan.")).toBeVisible();
  await plain.page.getByLabel("Tindak lanjut", { exact: true }).fill("Jam layanan sudah diumumkan ulang di papan informasi.");
  await plain.page.getByRole("button", { name: "Simpan tindak lanjut" }).click();
  await expect(plain.page.getByText("Tersimpan.")).toBeVisible();
  await page.goto(`/pengaduan/lacak/${second.code}`);
  await page.getByRole("radio", { name: "Puas, masalah selesai" }).check();
  await page.getByRole("button", { name: "Kirim tanggapan" }).click();
  await expect.poll(() => statusOf(second.id)).toBe("ditanggapi");
  await plain.page.goto(`/staf/pengaduan/${second.id}`);
  const upheld = plain.page.getByLabel("Apakah pengaduan terbukti?");
  await expect(upheld).toHaveValue("");
  await upheld.selectOption("no");
  await plain.page.getByRole("button", { name: "Tutup", exact: true }).click();
  await expect(plain.page.getByRole("alertdialog", { name: `Tutup pengaduan ${second.code}?` })).toContainText("Tidak terbukti");
  expect(await statusOf(second.id)).toBe("ditanggapi");
  await plain.page.getByRole("button", { name: "Ya, tutup pengaduan" }).click();
  await expect(plain.page.getByText("Tersimpan.")).toBeVisible();
  expect(await statusOf(second.id)).toBe("selesai");
  await plain.context.close();
});

test("making a device a kiosk asks first, without the browser's script", async ({ browser }) => {
  const rows = await queryE2eDatabase<{ id: number }>(
    `select c.id from counters c join units u on u.id = c.unit_id join agencies a on a.id = u.agency_id
      where a.slug = 'kota-pariaman' and c.name = 'Loket 1 KTP-el'`,
  );
  const plain = await withoutScript(browser);
  await signIn(plain.page, "supervisor");
  await plain.page.goto(`/staf/loket/${rows[0]!.id}`);
  await plain.page.getByRole("button", { name: "Jadikan perangkat ini kiosk loket" }).click();
  const question = plain.page.getByRole("alertdialog", { name: "Jadikan perangkat ini kiosk Loket 1 KTP-el?" });
  await expect(question).toContainText("Anda akan keluar dari akun Anda di perangkat ini");
  // Not yet signed out: the staff page still opens.
  await question.getByRole("link", { name: "Batal" }).click();
  await expect(plain.page.getByRole("heading", { level: 1 })).toHaveText("Loket 1 KTP-el");
  await plain.page.getByRole("button", { name: "Jadikan perangkat ini kiosk loket" }).click();
  await plain.page.getByRole("button", { name: "Ya, jadikan kiosk dan keluar" }).click();
  await expect(plain.page.getByText("Mode kiosk", { exact: true })).toBeVisible();
  await plain.context.close();
});

test("revoking a role asks first; the grant form preselects no role or unit (with script)", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "admin");
  await page.goto("/staf/admin/pengguna");
  await expect(page.getByLabel("Peran", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Unit", { exact: true })).toHaveValue("");
  // Granting without a chosen role is refused beside the field.
  await page.getByLabel("Nama pengguna atau NIP").fill("pengaduan");
  await page.getByRole("button", { name: "Beri peran" }).click();
  await expect(page.getByLabel("Peran", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Nama pengguna atau NIP").fill("pengaduan");
  await page.getByLabel("Peran", { exact: true }).selectOption({ label: "Moderator forum" });
  await page.getByLabel("Unit", { exact: true }).selectOption({ label: "Pemerintah Kota Pariaman · Dinas Kependudukan dan Pencatatan Sipil" });
  await page.getByRole("button", { name: "Beri peran" }).click();
  // The list is paged: the search finds the account by its sign-in name.
  await page.getByRole("searchbox", { name: "Cari nama, nama pengguna, atau NIP" }).fill("pengaduan");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await expect(page).toHaveURL(/q=pengaduan/);
  const row = page.getByRole("row").filter({ hasText: "Pengelola Pengaduan Kota Pariaman" }).filter({ hasText: "Moderator forum" });
  await expect(row).toHaveCount(1);

  await row.getByRole("button", { name: /^Cabut/ }).click();
  const question = page.getByRole("alertdialog", { name: "Cabut peran Moderator forum dari Pengelola Pengaduan Kota Pariaman?" });
  await expect(question).toContainText("Dinas Kependudukan dan Pencatatan Sipil");
  await expect(page.getByRole("heading", { name: /^Cabut peran Moderator forum/ })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await question.getByRole("link", { name: "Batal" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /^Cabut/ }).click();
  await page.getByRole("button", { name: "Ya, cabut peran" }).click();
  await expect(row).toHaveCount(0);
});

test("revoking a role asks first without the browser's script, and one's own last admin role is refused", async ({ browser }) => {
  test.setTimeout(90_000);
  const plain = await withoutScript(browser);
  await signIn(plain.page, "admin");
  await plain.page.goto("/staf/admin/pengguna");
  // The supervisor becomes an admin of one unit only.
  await plain.page.getByLabel("Nama pengguna atau NIP").fill("supervisor");
  await plain.page.getByLabel("Peran", { exact: true }).selectOption({ label: "Admin" });
  await plain.page.getByLabel("Unit", { exact: true }).selectOption({ label: "Pemerintah Kota Pariaman · Dinas Kependudukan dan Pencatatan Sipil" });
  await plain.page.getByRole("button", { name: "Beri peran" }).click();
  await plain.context.clearCookies();

  await signIn(plain.page, "supervisor");
  await plain.page.goto("/staf/admin/pengguna?q=supervisor");
  const own = plain.page.getByRole("row").filter({ hasText: "supervisor" }).filter({ has: plain.page.getByRole("cell", { name: "Admin", exact: true }) });
  await expect(own).toHaveCount(1);
  await own.getByRole("button", { name: /^Cabut/ }).click();
  await expect(plain.page.getByRole("alert")).toContainText("Anda tidak dapat mencabut peran Admin terakhir Anda sendiri");
  await expect(plain.page.getByRole("alertdialog")).toHaveCount(0);
  await expect(own).toHaveCount(1);
  await plain.context.clearCookies();

  // Another admin may take it away, after the second step.
  await signIn(plain.page, "admin");
  await plain.page.goto("/staf/admin/pengguna?q=supervisor");
  const granted = plain.page.getByRole("row").filter({ hasText: "supervisor" }).filter({ has: plain.page.getByRole("cell", { name: "Admin", exact: true }) });
  await granted.getByRole("button", { name: /^Cabut/ }).click();
  await expect(plain.page.getByRole("alertdialog", { name: /^Cabut peran Admin dari/ })).toBeVisible();
  await expect(granted).toHaveCount(1);
  await plain.page.getByRole("button", { name: "Ya, cabut peran" }).click();
  await expect(granted).toHaveCount(0);
  await plain.context.close();
});

test("deleting a holiday asks first, with and without the browser's script", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const [holiday] = await queryE2eDatabase<{ id: number; name: string; year: number }>(
    `select id, name, extract(year from date)::int as year from holidays h
      where agency_id is null and (select count(*) from holidays o where o.name = h.name) = 1 order by date desc limit 1`,
  );
  const count = async () => (await queryE2eDatabase<{ n: number }>("select count(*)::int as n from holidays where id = $1", [holiday!.id]))[0]!.n;
  await signIn(page, "admin");
  await page.goto(`/staf/admin/libur?tahun=${holiday!.year}`);
  await page.getByRole("button", { name: `Hapus: ${holiday!.name}` }).click();
  const question = page.getByRole("alertdialog", { name: `Hapus ${holiday!.name} (` });
  await expect(question).toContainText("dihitung sebagai hari kerja");
  await expect(question).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await expectNoSeriousA11yViolations(page);
  await question.getByRole("link", { name: "Batal" }).click();
  expect(await count()).toBe(1);

  const plain = await withoutScript(browser);
  await signIn(plain.page, "admin");
  await plain.page.goto(`/staf/admin/libur?tahun=${holiday!.year}`);
  await plain.page.getByRole("button", { name: `Hapus: ${holiday!.name}` }).click();
  await expect(plain.page.getByRole("alertdialog")).toContainText("dihitung sebagai hari kerja");
  expect(await count()).toBe(1);
  await plain.page.getByRole("button", { name: "Ya, hapus hari libur" }).click();
  await expect(plain.page.getByRole("alertdialog")).toHaveCount(0);
  expect(await count()).toBe(0);
  await plain.context.close();
});
