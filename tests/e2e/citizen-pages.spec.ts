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

test("from a staff page, a public page opens once, as a document, without the runtime", async ({ page }) => {
  await signIn(page, "supervisor");
  // Every request for the public page, its document or its data (`/kantor.data`): the page is rendered once.
  const documents: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/kantor")) documents.push(`${request.resourceType()} ${url.pathname}${url.search}`);
  });
  // The site header's link.
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Cari kantor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("load");
  expect(documents).toEqual(["document /kantor"]);
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);

  // Any other way the staff app moves to a public page (a link inside a page, an action's redirect) goes through
  // the router: it too becomes one document load, and the next navigation is not cut off by a late reload.
  await page.goto("/staf");
  // The router exists once the staff page has hydrated, which can be just after its load event.
  await page.waitForFunction(() => "__remixRouter" in window);
  documents.length = 0;
  await page.evaluate(() => (window as unknown as { __remixRouter: { navigate(to: string): Promise<void> } }).__remixRouter.navigate("/kantor?q=kependudukan"));
  await page.waitForURL("**/kantor?q=kependudukan");
  await page.waitForLoadState("load");
  // (The shell's own data may be fetched for the new texts; the page's loader runs once, for the document.)
  expect(documents.filter((request) => !/[?&]_routes=root$/.test(request))).toEqual(["document /kantor?q=kependudukan"]);
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
  const next = await page.goto("/pengaduan/lacak");
  expect(next?.ok()).toBe(true);
});

async function demoTrackingCode(): Promise<string> {
  const [row] = await queryE2eDatabase<{ code: string }>("select tracking_code as code from complaints order by id limit 1");
  return row!.code.match(/.{1,3}/g)!.join("-");
}

test("the tracking code has a copy button that says it copied", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const code = await demoTrackingCode();
  await page.goto(`/pengaduan/lacak/${code}`);
  await page.getByRole("button", { name: "Salin kode" }).click();
  await expect(page.locator("#tracking-code-copied")).toHaveText("Kode sudah disalin.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await shoot(page, "tracking");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the tracking code is plain text to select, with no dead copy button", async ({ page }) => {
    const code = await demoTrackingCode();
    await page.goto(`/pengaduan/lacak/${code}`);
    await expect(page.locator("#tracking-code")).toHaveText(code);
    await expect(page.getByRole("button", { name: "Salin kode" })).toBeHidden();
  });
});
