import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// The landing page says what waits, each count a link to its filtered list.

test("the landing page counts what waits and links to each list", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.goto("/staf");
  const waiting = page.getByRole("region", { name: "Menunggu Anda" });
  await expect(waiting.getByRole("link", { name: /penilaian ditandai menunggu keputusan di / })).toHaveCount(1);
  await expect(waiting.getByRole("link", { name: /pemberitahuan belum dibaca$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`landing-${width}.png`), fullPage: true });
  }
  await waiting.getByRole("link", { name: /penilaian ditandai/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tinjauan penilaian");

  await page.context().clearCookies();
  await signIn(page, "pengaduan");
  await page.goto("/staf");
  const late = page.getByRole("region", { name: "Menunggu Anda" }).getByRole("link", { name: /pengaduan terlambat$/ });
  const shown = Number((await late.locator("strong").textContent())?.replace(/\./g, ""));
  await late.click();
  await expect(page).toHaveURL(/tampil=terlambat/);
  await expect(page.getByRole("status")).toHaveText(`${shown} pengaduan`);
});
