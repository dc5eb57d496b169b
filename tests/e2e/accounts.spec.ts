import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// Account pages without JavaScript, as on an old office computer: an administrator issues an activation code,
// the officer sets a password with it and later changes it, the administrator deactivates the account, the
// agency's last administrator cannot be deactivated, and a printable sheet holds one code per waiting officer.
test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: "serial", timeout: 120_000 });
const SHOTS = process.env.SCREENSHOT_DIR;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

let accountPath = "";
let officerName = "";
let officerSignIn = "";

test("an administrator finds an officer awaiting activation and issues a code shown once", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/staf/organisasi");
  await page.getByRole("link", { name: "Pemerintah Kota Pariaman" }).click();
  await page.getByRole("link", { name: "Akun pengguna" }).click();
  await expect(page.getByRole("heading", { name: "Akun pengguna", level: 1 })).toBeVisible();
  await page.getByLabel("Status").selectOption("awaiting_activation");
  await page.getByRole("button", { name: "Cari" }).click();
  const first = page.getByRole("row").nth(1);
  await expect(first.getByText("Menunggu aktivasi")).toBeVisible();
  await shoot(page, "accounts-list");
  officerName = (await first.getByRole("link").textContent())!.trim();
  officerSignIn = (await first.locator("code").textContent())!.trim();
  await first.getByRole("link").click();
  accountPath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Beri kode aktivasi" }).click();
  await expect(page.getByRole("heading", { name: `Kode untuk ${officerName}` })).toBeVisible();
  await expect(page.getByTestId("issued-code")).toHaveText(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await shoot(page, "accounts-code");
  const code = (await page.getByTestId("issued-code").textContent())!;
  // Only the hash is kept.
  expect(JSON.stringify(await queryE2eDatabase("select code_hash from account_codes"))).not.toContain(code.replaceAll("-", ""));

  // The officer, on another browser: a weak password is refused at its field, a strong one activates and signs in.
  const officer = await page.context().browser()!.newPage({ javaScriptEnabled: false });
  await officer.goto(page.url().replace(accountPath, "/aktivasi"));
  await officer.getByLabel("Kode aktivasi").fill(code.toLowerCase().replaceAll("-", " "));
  await officer.getByLabel("Kata sandi baru", { exact: true }).fill("password12345");
  await officer.getByLabel("Ulangi kata sandi baru").fill("password12345");
  await officer.getByRole("button", { name: "Simpan kata sandi dan masuk" }).click();
  await expect(officer.getByText("Kata sandi ini terlalu mudah ditebak")).toBeVisible();
  await shoot(officer, "accounts-activate");
  await officer.getByLabel("Kata sandi baru", { exact: true }).fill("kopi tubruk pagi di pasar atas");
  await officer.getByLabel("Ulangi kata sandi baru").fill("kopi tubruk pagi di pasar atas");
  await officer.getByRole("button", { name: "Simpan kata sandi dan masuk" }).click();
  await officer.waitForURL((url) => url.pathname === "/staf");
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(officerName);

  // The code was spent: a second use is refused.
  await officer.context().clearCookies();
  await officer.goto(`/aktivasi?kode=${code.replaceAll("-", "")}`);
  await officer.getByLabel("Kata sandi baru", { exact: true }).fill("jembatan kayu di kampung lama");
  await officer.getByLabel("Ulangi kata sandi baru").fill("jembatan kayu di kampung lama");
  await officer.getByRole("button", { name: "Simpan kata sandi dan masuk" }).click();
  await expect(officer.getByText("Kode ini tidak berlaku")).toBeVisible();

  // Own password change: the current one first.
  await signIn(officer, officerSignIn, "kopi tubruk pagi di pasar atas");
  await officer.getByRole("link", { name: "Ubah kata sandi" }).click();
  await officer.getByLabel("Kata sandi sekarang").fill("salah sekali");
  await officer.getByLabel("Kata sandi baru", { exact: true }).fill("teh manis hangat di sore hari");
  await officer.getByLabel("Ulangi kata sandi baru").fill("teh manis hangat di sore hari");
  await officer.getByRole("button", { name: "Ubah kata sandi" }).click();
  await expect(officer.getByText("Kata sandi sekarang tidak cocok.")).toBeVisible();
  await officer.getByLabel("Kata sandi sekarang").fill("kopi tubruk pagi di pasar atas");
  await officer.getByLabel("Kata sandi baru", { exact: true }).fill("teh manis hangat di sore hari");
  await officer.getByLabel("Ulangi kata sandi baru").fill("teh manis hangat di sore hari");
  await officer.getByRole("button", { name: "Ubah kata sandi" }).click();
  await expect(officer.getByText("Kata sandi sudah diubah.")).toBeVisible();

  // Deactivation asks first, then ends the officer's session.
  await page.goto(accountPath);
  await page.getByRole("button", { name: "Nonaktifkan akun" }).click();
  await expect(page.getByRole("heading", { name: `Nonaktifkan akun ${officerName}?` })).toBeVisible();
  await page.getByRole("button", { name: "Ya, nonaktifkan" }).click();
  await expect(page.getByText("Akun sudah dinonaktifkan.")).toBeVisible();
  await officer.goto("/staf");
  await expect(officer).toHaveURL(/\/masuk/);
  await signIn(officer, officerSignIn, "teh manis hangat di sore hari", true);
  await expect(officer.getByRole("alert")).toBeVisible();
  await officer.close();
});

test("the agency's last administrator cannot be deactivated", async ({ page }) => {
  await signIn(page, "admin");
  const [admin] = await queryE2eDatabase<{ id: number; unit_id: number }>(
    "select u.id, r.unit_id from users u join user_roles r on r.user_id = u.id join units un on un.id = r.unit_id join agencies a on a.id = un.agency_id where u.username = 'admin' and r.role = 'admin' and a.slug = 'kota-pariaman'",
  );
  await page.goto(`/staf/organisasi/${admin!.unit_id}/akun/${admin!.id}`);
  await page.getByRole("button", { name: "Nonaktifkan akun" }).click();
  await page.getByRole("button", { name: "Ya, nonaktifkan" }).click();
  await expect(page.getByText("Ini admin aktif terakhir instansi.")).toBeVisible();
  expect(await queryE2eDatabase("select active from users where username = 'admin'")).toEqual([{ active: true }]);
});

test("a printable sheet holds one activation code per officer awaiting activation in a unit", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto(accountPath.replace(/\/\d+$/, "/lembar"));
  await page.getByLabel("Unit").selectOption({ label: "Dinas Kependudukan dan Pencatatan Sipil" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  const intro = await page.getByText(/^Akun yang menunggu aktivasi: \d+\./).textContent();
  const waiting = Number(/(\d+)/.exec(intro!)![1]);
  expect(waiting).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Buat lembar" }).click();
  await page.getByRole("button", { name: "Ya, buat dan tampilkan lembar" }).click();
  const slips = page.getByRole("list", { name: "Potongan kode aktivasi" }).getByRole("listitem");
  await expect(slips).toHaveCount(waiting);
  await shoot(page, "accounts-sheet");
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });
  test("the account list, an account and the activation page pass the accessibility check", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto(accountPath.replace(/\/\d+$/, ""));
    await expectNoSeriousA11yViolations(page);
    await page.goto(accountPath);
    await expectNoSeriousA11yViolations(page);
    await page.goto("/aktivasi");
    await expectNoSeriousA11yViolations(page);
  });
});

test("the agency settings page refuses a bad limit next to its field and saves the agency's own device limit", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/staf/organisasi");
  await page.getByRole("link", { name: "Pemerintah Kota Pariaman" }).click();
  await page.getByRole("link", { name: "Pengaturan instansi" }).click();
  await page.getByLabel("Penilaian per perangkat per loket per hari").fill("0");
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByText("Isi antara 1 dan 1.000.")).toBeVisible();
  expect(await queryE2eDatabase("select rating_limit_per_device from agencies where slug = 'kota-pariaman'")).toEqual([{ rating_limit_per_device: null }]);
  await page.getByLabel("Penilaian per perangkat per loket per hari").fill("5");
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByText("Pengaturan tersimpan.")).toBeVisible();
  expect(await queryE2eDatabase("select rating_limit_per_device from agencies where slug = 'kota-pariaman'")).toEqual([{ rating_limit_per_device: 5 }]);
  // An empty field gives the portal's default back (and keeps the other tests of this server off a limit of 5).
  await page.getByLabel("Penilaian per perangkat per loket per hari").fill("");
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByText("Pengaturan tersimpan.")).toBeVisible();
  expect(await queryE2eDatabase("select rating_limit_per_device from agencies where slug = 'kota-pariaman'")).toEqual([{ rating_limit_per_device: null }]);
});
