import { expect, test, type Page } from "@playwright/test";
import { counterCode, queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, openLedUnit, signIn } from "./helpers";

// Each test rates a different counter, so the per-device daily limit of one test does not touch another.
async function ratingsWithComment(comment: string) {
  return queryE2eDatabase<{ id: number; kind: string; quick_score: number | null; u1: number | null; u7: number | null; sex: string | null; channel: string }>(
    "select id, kind, quick_score, u1, u7, sex, channel from ratings where comment = $1",
    [comment],
  );
}

async function quickRate(page: Page, face: string, comment: string) {
  // The officer stays "I don't know" (the default, folded into one line); the comment opens on request.
  await expect(page.getByText("Petugas: Saya tidak tahu")).toBeVisible();
  await page.getByText(face, { exact: true }).click();
  await page.getByText("Tambah komentar (tidak wajib)").click();
  await page.getByLabel("Komentar atau saran (tidak wajib)").fill(comment);
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
}

test.describe("with JavaScript", () => {
  test("a citizen gives a quick rating, then completes the full survey for the same visit", async ({ page }) => {
    const code = await counterCode("kota-pariaman", "Loket 1 KTP-el");
    await page.goto(`/l/${code}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dinas Kependudukan dan Pencatatan Sipil");
    await expectNoSeriousA11yViolations(page);
    await quickRate(page, "Sangat puas", "e2e cepat dengan js");
    await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ajukan pengaduan" })).toHaveAttribute("href", /loket=.*layanan=\d+/);

    await page.getByRole("link", { name: "Isi survei lengkap (9 pertanyaan)" }).click();
    await page.getByRole("group", { name: /kesesuaian persyaratan/ }).getByText("Sangat sesuai").click();
    await page.getByRole("group", { name: /kesopanan dan keramahan/ }).getByText("Sopan dan ramah", { exact: true }).click();
    await page.getByLabel("Jenis kelamin").selectOption("female");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Kirim survei" }).click();
    await expect(page.getByText("Survei lengkap Anda sudah kami terima.")).toBeVisible();

    const stored = await ratingsWithComment("e2e cepat dengan js");
    expect(stored).toEqual([expect.objectContaining({ kind: "full", quick_score: 4, u1: 4, u7: 3, sex: "female", channel: "qr" })]);
  });

  test("a rating made offline is kept on the phone and arrives exactly once when the network returns", async ({ page, context }) => {
    const code = await counterCode("kota-pariaman", "Loket 2 Kartu Keluarga");
    await page.goto(`/l/${code}`);
    await context.setOffline(true);
    await page.getByText("Penerbitan Kartu Keluarga").click();
    await quickRate(page, "Puas", "e2e luring");
    await expect(page.getByText("Penilaian Anda tersimpan di perangkat ini")).toBeVisible();
    expect(await ratingsWithComment("e2e luring")).toHaveLength(0);
    await context.setOffline(false);
    await expect(page.getByText("Penilaian yang tertunda sudah terkirim")).toBeVisible({ timeout: 15_000 });
    await page.reload();
    await expect(page.getByText(/menunggu, akan dikirim otomatis/)).toHaveCount(0);
    expect(await ratingsWithComment("e2e luring")).toHaveLength(1);
  });

  test("a device over its daily limit at a counter is told so politely", async ({ page }) => {
    const code = await counterCode("kota-pariaman", "Loket 3 Akta");
    for (let i = 1; i <= 4; i++) {
      await page.goto(`/l/${code}`);
      await quickRate(page, "Puas", `e2e batas ${i}`);
      if (i <= 3) await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    }
    await expect(page.getByRole("alert")).toContainText("penilaian dari perangkat ini untuk loket ini hari ini sudah cukup");
    expect(await ratingsWithComment("e2e batas 4")).toHaveLength(0);
  });

  test("a missing face is named next to the scale", async ({ page }) => {
    const code = await counterCode("kota-medan", "Loket 1 KTP-el");
    await page.goto(`/l/${code}`);
    await page.getByRole("button", { name: "Kirim penilaian" }).click();
    await expect(page.getByText("Pilih salah satu wajah untuk menilai pelayanan.")).toBeVisible();
  });

  test("an unknown QR code leads to the office search, not a bare error", async ({ page }) => {
    const response = await page.goto("/l/tidakada99");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Loket tidak ditemukan" })).toBeVisible();
    await page.getByLabel("Cari kantor layanan").fill("puskesmas");
    await page.getByRole("button", { name: "Cari kantor" }).click();
    await expect(page.getByRole("link", { name: /Puskesmas Pariaman/ })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the quick rating and the full survey both work, and a double submission is stored once", async ({ page }) => {
    const code = await counterCode("kota-sorong", "Loket 1 KTP-el");
    await page.goto(`/l/${code}`);
    const key = await page.locator('input[name="idempotencyKey"]').inputValue();
    await quickRate(page, "Kurang puas", "e2e tanpa js");
    await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();

    // The same form sent again (a double tap, a browser retry) carries the same key.
    const again = await page.request.post(`/l/${code}?index`, {
      form: { idempotencyKey: key, kind: "quick", serviceId: "0", officer: "unknown", quickScore: "2" },
      maxRedirects: 0,
    });
    expect(again.status()).toBeLessThan(500);
    expect(await ratingsWithComment("e2e tanpa js")).toHaveLength(1);

    await page.goto(`/l/${code}`);
    await page.getByRole("button", { name: "Isi survei lengkap (9 pertanyaan)" }).click();
    await page.getByRole("group", { name: /kecepatan waktu/ }).getByText("Kurang cepat").click();
    await page.getByLabel("Komentar atau saran (tidak wajib)").fill("e2e survei tanpa js");
    await page.getByRole("button", { name: "Kirim survei" }).click();
    await expect(page.getByText("Survei lengkap Anda sudah kami terima.")).toBeVisible();
    expect(await ratingsWithComment("e2e survei tanpa js")).toEqual([expect.objectContaining({ kind: "full" })]);
  });
});

test("a supervisor opens kiosk mode; the kiosk takes a rating and returns to an empty form", async ({ page }) => {
  await signIn(page, "supervisor");
  await openLedUnit(page, /Dinas Kependudukan dan Pencatatan Sipil/);
  await page.getByRole("link", { name: "Kelola" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loket 1 KTP-el");
  await page.getByRole("button", { name: "Jadikan perangkat ini kiosk loket" }).click();
  await page.getByRole("button", { name: "Ya, jadikan kiosk dan keluar" }).click();
  await expect(page.getByText("Mode kiosk", { exact: true })).toBeVisible();
  // No site header, menu or links out: only the staff exit, which asks for a supervisor's sign-in.
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("link")).toHaveText(["Keluar dari mode kiosk (petugas)"]);
  await quickRate(page, "Sangat puas", "e2e kiosk");
  await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  await expect(page.getByText("Mode kiosk", { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByLabel("Komentar atau saran (tidak wajib)")).toHaveValue("");
  expect(await ratingsWithComment("e2e kiosk")).toEqual([expect.objectContaining({ channel: "kiosk" })]);
});
