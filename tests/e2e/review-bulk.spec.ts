import { expect, test, type Page } from "@playwright/test";
import { counterCode, queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// A burst of ratings is judged at once: found by its words, ticked (or the whole page), one reason; excluding and
// keeping both ask first, with the browser's script and without it.

async function dukcapilPariaman(): Promise<number> {
  const rows = await queryE2eDatabase<{ id: number }>(
    "select u.id from units u join agencies a on a.id = u.agency_id where a.slug = 'kota-pariaman' and u.name = 'Dinas Kependudukan dan Pencatatan Sipil'",
  );
  return rows[0]!.id;
}

/** Ratings sent while signed in as staff: the abuse checks hold each back for review ("Dari sesi pegawai"). */
async function rateFromStaffSession(page: Page, comments: string[]) {
  const code = await counterCode("kota-pariaman", "Loket 1 KTP-el");
  for (const comment of comments) {
    await page.goto(`/l/${code}`);
    await page.getByText("Puas", { exact: true }).click();
    await page.getByText("Tambah komentar").click();
    await page.getByLabel("Komentar atau saran (tidak wajib)").fill(comment);
    await page.getByRole("button", { name: "Kirim penilaian" }).click();
    await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  }
}

async function stored(stamp: string) {
  return queryE2eDatabase<{ comment: string; status: string; status_reason: string | null; audits: number }>(
    `select r.comment, r.status, r.status_reason,
        (select count(*)::int from audit_log l where l.subject_type = 'rating' and l.subject_id = r.id::text) as audits
       from ratings r where r.comment like $1 order by r.comment`,
    [`${stamp}%`],
  );
}

test("a supervisor finds a burst, selects the whole page and excludes it with one reason, asked first (with script)", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = `lonjakan${Date.now().toString(36)}`;
  await signIn(page, "supervisor");
  await rateFromStaffSession(page, [`${stamp} satu`, `${stamp} dua`, `${stamp} tiga`]);
  const unitId = await dukcapilPariaman();

  await page.goto(`/staf/tinjauan/${unitId}`);
  await page.getByRole("searchbox", { name: "Cari" }).fill(stamp);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  await expect(page.getByText("3 penilaian", { exact: true })).toBeVisible();
  await expect(page.locator("table tbody tr").filter({ hasText: stamp })).toHaveCount(3);

  await page.getByLabel("Pilih semua di halaman ini (3 penilaian)").check();
  for (const box of await page.getByRole("checkbox", { name: /^Pilih penilaian/ }).all()) await expect(box).toBeChecked();
  await page.getByLabel("Alasan untuk semua yang dipilih").fill("Diisi pegawai sendiri saat uji coba");
  await page.getByRole("button", { name: "Keluarkan yang dipilih" }).click();
  const question = page.getByRole("alertdialog", { name: "Keluarkan 3 penilaian dari indikator?" });
  await expect(question).toContainText("“Diisi pegawai sendiri saat uji coba”");
  await expect(question).toContainText("Loket 1 KTP-el: 3 penilaian");
  await expect(page.getByRole("heading", { name: "Keluarkan 3 penilaian dari indikator?" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  expect((await stored(stamp)).map((row) => row.status)).toEqual(["flagged", "flagged", "flagged"]);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`review-confirm-${width}.png`), fullPage: true });
  }

  await question.getByRole("button", { name: "Ya, keluarkan 3 penilaian" }).click();
  await expect(page.getByText("3 penilaian dikeluarkan dari indikator.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  expect(await stored(stamp)).toEqual(
    [`${stamp} dua`, `${stamp} satu`, `${stamp} tiga`].map((comment) => ({ comment, status: "excluded", status_reason: "Diisi pegawai sendiri saat uji coba", audits: 1 })),
  );
  await expect(page.locator("table tbody tr").filter({ hasText: stamp })).toHaveCount(0);
});

test("without the browser's script: ticked rows, a refused empty choice, cancel, then exclude; keeping asks too", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = `lonjakan${Date.now().toString(36)}`;
  await signIn(page, "supervisor");
  await rateFromStaffSession(page, [`${stamp} a`, `${stamp} b`, `${stamp} c`]);
  const unitId = await dukcapilPariaman();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await signIn(plain, "supervisor");
  await plain.goto(`/staf/tinjauan/${unitId}?q=${stamp}`);
  await expect(plain.locator("table tbody tr").filter({ hasText: stamp })).toHaveCount(3);

  // Nothing ticked: refused beside the choice, nothing written.
  await plain.getByLabel("Alasan untuk semua yang dipilih").fill("Uji coba pegawai");
  await plain.getByRole("button", { name: "Keluarkan yang dipilih" }).click();
  await expect(plain.getByText("Pilih paling sedikit satu penilaian di tabel")).toBeVisible();

  const rowOf = (suffix: string) => plain.locator("table tbody tr").filter({ hasText: `${stamp} ${suffix}` });
  await rowOf("a").getByRole("checkbox").check();
  await rowOf("b").getByRole("checkbox").check();
  await plain.getByLabel("Alasan untuk semua yang dipilih").fill("Uji coba pegawai");
  await plain.getByRole("button", { name: "Keluarkan yang dipilih" }).click();
  const question = plain.getByRole("alertdialog", { name: "Keluarkan 2 penilaian dari indikator?" });
  await expect(question).toContainText("“Uji coba pegawai”");
  await question.getByRole("link", { name: "Batal" }).click();
  await expect(plain.getByRole("alertdialog")).toHaveCount(0);
  expect((await stored(stamp)).map((row) => row.status)).toEqual(["flagged", "flagged", "flagged"]);

  await rowOf("a").getByRole("checkbox").check();
  await rowOf("b").getByRole("checkbox").check();
  await plain.getByLabel("Alasan untuk semua yang dipilih").fill("Uji coba pegawai");
  await plain.getByRole("button", { name: "Keluarkan yang dipilih" }).click();
  await plain.getByRole("button", { name: "Ya, keluarkan 2 penilaian" }).click();
  await expect(plain.getByText("2 penilaian dikeluarkan dari indikator.")).toBeVisible();

  // Counting is asked too: a rating that counts cannot be excluded again.
  await rowOf("c").getByRole("checkbox").check();
  await plain.getByLabel("Alasan untuk semua yang dipilih").fill("Kunjungan nyata");
  await plain.getByRole("button", { name: "Hitung yang dipilih" }).click();
  await expect(plain.getByRole("alertdialog", { name: "Hitung 1 penilaian dalam indikator?" })).toContainText("tidak dapat dikeluarkan lagi");
  expect((await stored(stamp)).map((row) => row.status)).toEqual(["excluded", "excluded", "flagged"]);
  await plain.getByRole("button", { name: "Ya, hitung 1 penilaian" }).click();
  await expect(plain.getByText("1 penilaian dihitung dalam indikator.")).toBeVisible();
  expect((await stored(stamp)).map((row) => [row.status, row.status_reason])).toEqual([
    ["excluded", "Uji coba pegawai"],
    ["excluded", "Uji coba pegawai"],
    ["valid", "Kunjungan nyata"],
  ]);
  await context.close();
});
