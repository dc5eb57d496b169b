import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// The direct supervisor (kabid.dukcapil) keeps the team view open while a report (rekan.petugas) logs achievements
// on three days: each entry appears without a reload (server-sent events). rekan.petugas works on an annual SKP of
// their own, which no other spec touches; the supervisor's feedback is given from the team view.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const RUN = Date.now().toString(36);

function jakartaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function signedIn(browser: Browser, username: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

let planUrl = "";

test("the report drafts an annual SKP and the direct supervisor approves it", async ({ browser }) => {
  const officer = await signedIn(browser, "rekan.petugas");
  await officer.goto("/staf/kinerja-saya");
  const year = jakartaToday().slice(0, 4);
  await officer.getByLabel("Periode").selectOption({ label: `Tahunan: Tahun ${year}` });
  await officer.getByRole("button", { name: "Buat konsep SKP" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(`Tahun ${year}`);
  planUrl = new URL(officer.url()).pathname;
  await officer.getByRole("textbox", { name: "Rencana hasil kerja" }).fill("Verifikasi berkas akta kelahiran");
  await officer.getByLabel("Indikator kinerja individu").fill("Berkas akta diverifikasi");
  await officer.getByLabel("Target").fill("400");
  await officer.getByLabel("Satuan").fill("berkas");
  await officer.getByRole("button", { name: "Tambah hasil kerja" }).click();
  await expect(officer.getByRole("cell", { name: "Berkas akta diverifikasi" })).toBeVisible();
  await officer.getByRole("button", { name: "Ajukan ke atasan" }).click();
  await expect(officer.getByText("menunggu persetujuan atasan langsung")).toBeVisible();
  await officer.context().close();

  const supervisor = await signedIn(browser, "kabid.dukcapil");
  await supervisor.goto(planUrl);
  await supervisor.getByRole("button", { name: "Setujui SKP" }).click();
  await expect(supervisor.locator(".badge", { hasText: "Disetujui" })).toBeVisible();
  await supervisor.context().close();
});

test("the open team view shows each of three days' entries as they are logged, without a reload", async ({ browser }) => {
  const supervisor = await signedIn(browser, "kabid.dukcapil");
  await supervisor.getByRole("link", { name: /Capaian tim/ }).click();
  await expect(supervisor.getByRole("heading", { level: 1, name: "Capaian tim" })).toBeVisible();
  await expect(supervisor.getByRole("status")).toContainText("Diperbarui otomatis");
  await expectNoSeriousA11yViolations(supervisor);
  // A page load would drop this marker.
  await supervisor.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const card = supervisor.locator("section.card", { has: supervisor.getByRole("heading", { level: 2 }) }).filter({ hasText: "Berkas akta diverifikasi" });
  await expect(card).toHaveCount(1);

  const officer = await signedIn(browser, "rekan.petugas");
  const today = jakartaToday();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const days = [2, 1, 0].map((back) => daysBefore(today, back)).map((day) => (day < yearStart ? yearStart : day));
  for (const [index, day] of days.entries()) {
    const text = `Verifikasi akta hari ke-${index + 1} (${RUN})`;
    await officer.goto(`${planUrl}/capaian`);
    await officer.getByLabel("Tanggal").fill(day);
    await officer.getByLabel("Hasil kerja").selectOption({ label: "1. Berkas akta diverifikasi" });
    await officer.getByLabel("Jumlah").fill(String(10 + index));
    await officer.getByLabel("Uraian capaian").fill(text);
    await officer.getByRole("button", { name: "Simpan capaian" }).click();
    await expect(officer.getByRole("cell", { name: text })).toBeVisible();
    await expect(card.getByText(text)).toBeVisible({ timeout: 10_000 });
  }
  expect(await supervisor.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(card.getByRole("cell", { name: "33 dari 400 berkas" })).toBeVisible();
  // The officer's own page sums the week from the same entries.
  await expect(officer.getByRole("heading", { name: "Ringkasan mingguan" })).toBeVisible();

  // Feedback from the team view reaches the officer's plan.
  const note = `Terima kasih, catatan harian lengkap (${RUN}).`;
  await card.getByLabel(/Umpan balik untuk/).fill(note);
  await card.getByRole("button", { name: "Kirim umpan balik" }).click();
  await expect(supervisor.locator("section.card").filter({ hasText: "Berkas akta diverifikasi" }).getByText("Sudah 1 umpan balik minggu ini.")).toBeVisible();
  for (const width of [360, 1280]) {
    await supervisor.setViewportSize({ width, height: 900 });
    await supervisor.screenshot({ path: test.info().outputPath(`team-view-${width}.png`), fullPage: true });
  }
  await officer.goto(`${planUrl}/capaian`);
  await expect(officer.getByText(note)).toBeVisible();
  await officer.screenshot({ path: test.info().outputPath("achievements-1280.png"), fullPage: true });
  await officer.context().close();
  await supervisor.context().close();
});

test("without JavaScript the team view is an ordinary page that shows the latest entries on load", async ({ browser }) => {
  const supervisor = await signedIn(browser, "kabid.dukcapil", false);
  await supervisor.goto("/staf/tim");
  await expect(supervisor.getByText("Tanpa JavaScript halaman tidak diperbarui sendiri")).toBeVisible();
  await expect(supervisor.getByText(`Verifikasi akta hari ke-3 (${RUN})`)).toBeVisible();
  await supervisor.getByRole("link", { name: "← Minggu sebelumnya" }).click();
  await expect(supervisor).toHaveURL(/minggu=\d{4}-\d{2}-\d{2}/);
  await supervisor.context().close();
});
