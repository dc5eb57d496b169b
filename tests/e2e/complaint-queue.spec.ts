import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// The complaint queue grows with the city: search by code and by words, filters, and pages of 50.

test("the complaint queue finds a complaint by its code or its words and pages through many", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = `antrean${Date.now().toString(36)}`;
  const unit = await queryE2eDatabase<{ id: number }>(
    `select u.id from units u join agencies a on a.id = u.agency_id where a.slug = 'kota-pariaman' and u.slug = 'dinas-kependudukan-dan-pencatatan-sipil'`,
  );
  // 55 citizens file through the public form's own post (no script needed on that form).
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
  const codes: string[] = [];
  for (let i = 1; i <= 55; i++) {
    // Each from its own address (behind the loopback proxy), as 55 citizens would be: the per-address limit on
    // filing stays untouched for the other tests of this server.
    const response = await page.request.post(`/pengaduan/baru?unit=${unit[0]!.id}`, {
      headers: { "X-Forwarded-For": `198.51.100.${100 + i}` },
      form: { unitId: String(unit[0]!.id), category: i % 5 === 0 ? "aspirasi" : "pengaduan", body: `Uji ${stamp} nomor ${i}: antrean panjang di loket.`, visitDate: today, visibility: "anonim" },
    });
    expect(response.ok()).toBe(true);
    codes.push(decodeURIComponent(new URL(response.url()).pathname.split("/").pop() ?? ""));
  }
  expect(codes[0]).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);

  await signIn(page, "pengaduan");
  await page.goto("/staf/pengaduan");
  await expect(page).toHaveTitle("Antrean pengaduan · Suara");
  await page.getByRole("searchbox", { name: "Cari" }).fill(stamp);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByRole("status")).toHaveText("55 pengaduan");
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(page.getByText("Halaman 1 dari 2 · 55 baris")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Berikutnya →" }).click();
  await expect(page).toHaveURL(/halaman=2/);
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole("searchbox", { name: "Cari" })).toHaveValue(stamp);
  await page.getByRole("link", { name: "← Sebelumnya" }).click();
  await expect(rows).toHaveCount(50);

  // The kind narrows it: every fifth was an aspiration.
  await page.getByLabel("Jenis", { exact: true }).selectOption("aspirasi");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByRole("status")).toHaveText("11 pengaduan");

  // A code as read over the phone: lower case, spaces for dashes.
  const wanted = codes[41]!;
  await page.goto("/staf/pengaduan");
  await page.getByRole("searchbox", { name: "Cari" }).fill(wanted.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("link", { name: wanted })).toBeVisible();
  await expect(page.getByText(`Uji ${stamp} nomor 42:`)).toBeVisible();
});
