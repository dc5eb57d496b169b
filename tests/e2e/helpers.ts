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

/** Fails on serious or critical accessibility violations, naming them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}
