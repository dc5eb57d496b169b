// Takes screenshots of pages for a visual check: tsx tests/support/screenshot.ts URL OUT.png [width]
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

const [url, out, width = "1100"] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url!);
await page.screenshot({ path: out!, fullPage: true });
await browser.close();
