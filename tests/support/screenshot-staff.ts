// Screenshots of staff pages: tsx tests/support/screenshot-staff.ts BASE USER OUT_PREFIX PATH...
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

const [base, user, prefix, ...paths] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
await page.goto(`${base}/masuk`);
await page.fill("#identifier", user!);
await page.fill("#password", "Suara-Demo-2026");
await page.click("main button[type=submit]");
await page.waitForURL(/\/staf/);
for (const [index, path] of paths.entries()) {
  await page.goto(`${base}${path}`);
  await page.screenshot({ path: `${prefix}-${index}.png`, fullPage: true });
}
await browser.close();
