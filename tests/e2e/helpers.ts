import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Suara-Demo-2026";

/** Signs in and waits for the workspace; `expectRefusal` stays on the sign-in page instead. */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD, expectRefusal = false) {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau nama pengguna").fill(identifier);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  if (!expectRefusal) await page.waitForURL((url) => url.pathname.startsWith("/staf"));
}

/** From the staff landing page, opens the card of a unit the user leads (not a count that links to its lists). */
export async function openLedUnit(page: Page, name: RegExp = /Dinas Kependudukan/) {
  await page.locator('main a[href^="/staf/unit/"]').filter({ hasText: name }).first().click();
  await page.waitForURL(/\/staf\/unit\/\d+$/);
}

/** Fails on serious or critical accessibility violations, naming them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  if (!(await scriptsRun(page))) return expectNoSeriousA11yViolationsOfStaticPage(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/** With JavaScript off a page still evaluates an expression, but its timers never fire (and axe waits on them). */
async function scriptsRun(page: Page): Promise<boolean> {
  const timerFires = page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0)));
  return Promise.race([timerFires, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000))]);
}

/**
 * Axe needs a script in the page, so a page shown without JavaScript is checked as it was rendered: its DOM is
 * served, without any script, at the same address to a page where axe can run.
 */
async function expectNoSeriousA11yViolationsOfStaticPage(page: Page) {
  // Without JavaScript even Playwright's own evaluation waits forever; the DevTools protocol still reads the DOM.
  const devtools = await page.context().newCDPSession(page);
  const { root } = await devtools.send("DOM.getDocument", { depth: -1 });
  const { outerHTML } = await devtools.send("DOM.getOuterHTML", { nodeId: root.nodeId });
  await devtools.detach();
  const html = outerHTML.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, viewport: page.viewportSize(), locale: "id-ID" });
  try {
    const copy = await context.newPage();
    await copy.route("**/*", (route) => {
      const request = route.request();
      if (request.url() === page.url() && request.resourceType() === "document") return route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
      if (request.resourceType() === "script") return route.abort();
      return route.continue();
    });
    await copy.goto(page.url());
    await expectNoSeriousA11yViolations(copy);
  } finally {
    await context.close();
  }
}
