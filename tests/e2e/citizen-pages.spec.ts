import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { counterCode, queryE2eDatabase } from "./db";
import { signIn } from "./helpers";

// The citizens' pages on a cheap phone (360 × 740): what the citizen needs is in view without scrolling, every
// message appears next to what they tapped and takes the focus, and the pages come without the framework runtime.
// SCREENSHOT_DIR=dir also saves the counter page, survey, thank-you page and complaint form at 360 and 1280 px.
const SHOTS = process.env.SCREENSHOT_DIR;
test.use({ viewport: { width: 360, height: 740 } });

const AGENCY = "kabupaten-nabire";

async function unitOfCounter(code: string): Promise<number> {
  const [row] = await queryE2eDatabase<{ unit_id: number }>("select unit_id from counters where public_code = $1", [code]);
  return row!.unit_id;
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

test("a one-service counter shows the faces and Kirim without scrolling; a missing face is told beside the faces", async ({ page }) => {
  const code = await counterCode(AGENCY, "Loket 1 KTP-el");
  await page.goto(`/l/${code}`);
  await expect(page.getByText("Petugas: Saya tidak tahu")).toBeVisible();
  for (const face of ["Tidak puas", "Kurang puas", "Puas", "Sangat puas"]) await expect(page.getByText(face, { exact: true })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: "Kirim penilaian" })).toBeInViewport({ ratio: 1 });
  await shoot(page, "counter");

  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByText("Pilih salah satu wajah untuk menilai pelayanan.")).toBeInViewport();
  await expect(page.getByRole("radio", { name: "Tidak puas", exact: true })).toBeFocused();
  // Choosing a face takes the message away.
  await page.getByText("Puas", { exact: true }).click();
  await expect(page.getByText("Pilih salah satu wajah untuk menilai pelayanan.")).toBeHidden();
});

test("on a counter with several services, “choose a service” appears beside the services, in view", async ({ page }) => {
  const code = await counterCode(AGENCY, "Loket 2 Kartu Keluarga");
  await page.goto(`/l/${code}`);
  await page.getByText("Puas", { exact: true }).click();
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByText("Pilih layanan yang ada di loket ini.")).toBeInViewport();
  await expect(page.getByRole("radio", { name: "Penerbitan Kartu Keluarga" })).toBeFocused();
});

test("a rating made without network is said to be kept on the phone right beside Kirim, then said to be sent", async ({ page, context }) => {
  const code = await counterCode(AGENCY, "Loket 3 Akta");
  await page.goto(`/l/${code}`);
  await context.setOffline(true);
  await page.getByText("Sangat puas", { exact: true }).click();
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  const saved = page.getByText("Penilaian Anda tersimpan di perangkat ini dan akan dikirim otomatis saat jaringan kembali.");
  await expect(saved).toBeInViewport();
  await expect(page.getByRole("button", { name: "Kirim penilaian" })).toBeInViewport();
  await context.setOffline(false);
  await expect(page.getByText("Penilaian yang tertunda sudah terkirim. Terima kasih!")).toBeInViewport({ timeout: 20_000 });
});

test("the daily limit is told beside Kirim, in view and with the focus", async ({ page }) => {
  const code = await counterCode(AGENCY, "Loket 1 KTP-el");
  for (let i = 1; i <= 4; i++) {
    await page.goto(`/l/${code}`);
    await page.getByText("Puas", { exact: true }).click();
    await page.getByRole("button", { name: "Kirim penilaian" }).click();
    if (i <= 3) await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    if (i === 1) await shoot(page, "thank-you");
  }
  const limit = page.getByRole("alert").filter({ hasText: "penilaian dari perangkat ini untuk loket ini hari ini sudah cukup" });
  await expect(limit).toBeInViewport();
  await expect(limit).toBeFocused();
});

test("the full survey sent without an answer lists what to fix at the place of the tap and takes the focus", async ({ page }) => {
  const code = await counterCode(AGENCY, "Loket 2 Kartu Keluarga");
  await page.goto(`/l/${code}/survei`);
  await expect(page.getByText("Pertanyaan 3 dari 9")).toBeVisible();
  await shoot(page, "survey");
  await page.getByText("Penerbitan Kartu Keluarga", { exact: true }).click();
  await page.getByRole("button", { name: "Kirim survei" }).click();
  const summary = page.getByRole("group", { name: "Ada isian yang perlu diperbaiki:" });
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await summary.getByRole("link", { name: "Jawab paling sedikit satu pertanyaan." }).click();
  await expect(page.getByRole("group", { name: /kesesuaian persyaratan/ }).getByRole("radio").first()).toBeFocused();
});

test("the complaint form without context, and after a refused submit its list of errors in view", async ({ page }) => {
  const unitId = await unitOfCounter(await counterCode(AGENCY, "Loket 1 KTP-el"));
  await page.goto(`/pengaduan/baru?unit=${unitId}`);
  await shoot(page, "complaint");
  await page.getByRole("button", { name: "Kirim pengaduan" }).click();
  const summary = page.getByRole("group", { name: "Periksa kembali isian yang ditandai." });
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await shoot(page, "complaint-refused");
});

test("citizens' pages load no React, ReactDOM or Remix runtime, only their own small script; staff pages hydrate", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  const code = await counterCode(AGENCY, "Loket 2 Kartu Keluarga");
  const unitId = await unitOfCounter(code);
  const visit = async (path: string) => {
    scripts.length = 0;
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => "__remixContext" in window || "__reactRouterContext" in window), path).toBe(false);
    expect(await page.locator('link[rel="modulepreload"], script[type="module"]').count(), path).toBe(0);
    // (The service worker may fetch the same script again for the page it controls.)
    expect([...new Set(scripts)], path).toEqual([expect.stringMatching(/^\/assets\/citizen-[\w-]+\.js$/)]);
    // Nothing sticks out sideways on a 360 px screen.
    const sticksOut = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return [];
      return [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${element.className}`);
    });
    expect(sticksOut, path).toEqual([]);
  };
  for (const path of ["/", `/l/${code}`, `/l/${code}/survei`, "/pengaduan", "/pengaduan/baru", `/pengaduan/baru?unit=${unitId}`, "/pengaduan/lacak", "/kantor", "/kantor?q=kependudukan", "/forum"]) await visit(path);
  // The thank-you page, after a real rating.
  await page.goto(`/l/${code}`);
  await page.getByText("Penerbitan Kartu Keluarga", { exact: true }).click();
  await page.getByText("Sangat puas", { exact: true }).click();
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  await visit(new URL(page.url()).pathname + new URL(page.url()).search);
  // A public unit page and a public forum, reached by their links.
  await page.goto("/kantor?q=kependudukan");
  await visit(new URL((await page.getByRole("link", { name: /Dinas Kependudukan/ }).first().getAttribute("href"))!, page.url()).pathname);
  await page.goto("/forum");
  const forum = await page.locator('main a[href^="/forum/"]').first().getAttribute("href");
  if (forum) await visit(forum);

  await signIn(page, "supervisor");
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(true);
});
