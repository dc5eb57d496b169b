import { expect, test } from "@playwright/test";
import { counterCode, queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

test("a citizen finds an office from the home page and reads its service standard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suara warga untuk layanan publik yang lebih baik");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Cari kantor layanan").fill("akta pariaman");
  await page.getByRole("button", { name: "Cari" }).click();
  await page.getByRole("link", { name: /Dinas Kependudukan dan Pencatatan Sipil/ }).click();
  await expect(page.getByRole("heading", { name: "Penerbitan Akta Kelahiran" })).toBeVisible();
  await expect(page.getByText("Gratis").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

const ROLES = [
  { user: "admin", heading: "Admin", menu: "Pengguna dan peran" },
  { user: "supervisor", heading: "Atasan", menu: "Dinas Kependudukan dan Pencatatan Sipil" },
  { user: "petugas", heading: "Petugas (ASN)", menu: "Kantor layanan" },
  { user: "moderator", heading: "Moderator forum", menu: "Kantor layanan" },
  { user: "pengaduan", heading: "Pengelola pengaduan", menu: "Kantor layanan" },
];

for (const role of ROLES) {
  test(`${role.user} signs in and lands on the ${role.heading} workspace`, async ({ page }) => {
    await signIn(page, role.user);
    await expect(page).toHaveURL(/\/staf$/);
    await expect(page.getByRole("heading", { level: 2, name: role.heading })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(role.menu) }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
  });
}

test("a wrong password gives one clear message and a malformed NIP is named at the field", async ({ page }) => {
  await signIn(page, "admin", "not-the-password", true);
  await expect(page.getByRole("alert")).toContainText("Tidak dapat masuk");
  await signIn(page, "1985 0312 2010", undefined, true);
  await expect(page.getByText("NIP harus terdiri dari 18 angka.")).toBeVisible();
  await expect(page.getByLabel("NIP atau nama pengguna")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);
});

test("the language switch works on any page and is remembered", async ({ page }) => {
  await page.goto("/kantor");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/kantor$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service offices");
  await page.goto("/masuk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Masuk");
});

test("a supervisor is refused another unit's page and a non-admin the admin page", async ({ page }) => {
  await signIn(page, "supervisor.sorong");
  const sorongUnit = page.locator('a[href^="/staf/unit/"]').filter({ hasText: /Dinas Kependudukan/ }).first();
  await sorongUnit.click();
  await expect(page.getByRole("heading", { level: 2, name: /Pegawai/ })).toBeVisible();
  const ownUnitId = Number(page.url().split("/").pop());

  // Pariaman's Dukcapil was created before Sorong's: any other unit id is outside this supervisor's scope.
  const response = await page.goto(`/staf/unit/${ownUnitId - 20}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");

  const admin = await page.goto("/staf/admin/pengguna");
  expect(admin?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akses tidak diizinkan");
});

test("an unknown address shows the translated 404 page without technical details", async ({ page }) => {
  const response = await page.goto("/tidak/ada/halaman-ini");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await expect(page.locator("body")).not.toContainText("Error:");
  await expectNoSeriousA11yViolations(page);
});

test("an admin grants a role and the change shows in the user list", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/staf/admin/pengguna");
  await page.getByLabel("Nama pengguna atau NIP").fill("petugas");
  await page.getByLabel("Peran", { exact: true }).selectOption({ label: "Moderator forum" });
  await page.getByLabel("Unit", { exact: true }).selectOption({ index: 1 });
  const granted = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/staf/admin/pengguna"));
  await page.getByRole("button", { name: "Beri peran" }).click();
  await granted;
  // The list is paged: the new grant is found by searching for the user (once the grant is in, not during it).
  const search = page.getByRole("search");
  await search.getByLabel("Cari nama, nama pengguna, atau NIP").fill("petugas");
  await search.getByRole("button").click();
  const row = page.getByRole("row").filter({ hasText: "petugas" }).filter({ hasText: "Moderator forum" });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /^Cabut/ }).click();
  await page.getByRole("button", { name: "Ya, cabut peran" }).click();
  await expect(row).toHaveCount(0);
  await page.getByLabel("Nama pengguna atau NIP").fill("tidak-ada");
  await page.getByLabel("Peran", { exact: true }).selectOption({ label: "Moderator forum" });
  await page.getByLabel("Unit", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Beri peran" }).click();
  await expect(page.getByText("Pengguna ini tidak ditemukan.")).toBeVisible();
});

test("public pages show no untranslated text keys, in either language", async ({ page }) => {
  const forum = await queryE2eDatabase<{ id: number }>("select forum_id as id from forum_records where status = 'published' order by forum_id limit 1");
  const code = await counterCode("kota-pariaman", "Loket 1 KTP-el");
  const paths = ["/", "/kantor", "/kantor/kota-pariaman/dinas-kependudukan-dan-pencatatan-sipil", `/l/${code}`, `/l/${code}/survei`, "/pengaduan", "/pengaduan/baru", "/pengaduan/lacak", "/forum", `/forum/${forum[0]?.id ?? 1}`, "/masuk", "/tidak-ada"];
  const key = /\b(?:home|offices|unit|signIn|form|nav|errors|ratings|complaints|forums|indicators|review|myService|paperImport|counterAdmin|skmReport|assessments|staffUnit|admin|menu|roles|workspace)\.[a-zA-Z_]+/;
  for (const language of ["id", "en"]) {
    if (language === "en") {
      await page.goto("/");
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
    for (const path of paths) {
      await page.goto(path);
      const text = await page.locator("body").innerText();
      expect(text.match(key)?.[0] ?? null, `${language} ${path}`).toBeNull();
    }
  }
});
