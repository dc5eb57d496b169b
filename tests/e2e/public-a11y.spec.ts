import { expect, test, type Page } from "@playwright/test";
import { counterCode, queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations } from "./helpers";

// Every public page, as a citizen's phone shows it with JavaScript on and with it off (the citizens' pages must
// work either way, so both must be accessible): axe finds no serious or critical violation, also on the pages a
// citizen reaches by acting (the thank-you page after a rating, a complaint form that answered with errors).
const AGENCY = "kabupaten-nabire";
test.use({ viewport: { width: 360, height: 740 } });

/** The first link on the page whose address starts with `prefix` (the demo's ids are not fixed). */
async function firstLinkUnder(page: Page, prefix: string): Promise<string> {
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link under ${prefix}`).toBeTruthy();
  return href!;
}

async function publicPages(page: Page): Promise<string[]> {
  const code = await counterCode(AGENCY, "Loket 1 KTP-el");
  const [complaint] = await queryE2eDatabase<{ code: string }>("select tracking_code as code from complaints order by id limit 1");
  await page.goto(`/kantor/${AGENCY}`);
  const unitPage = await firstLinkUnder(page, `/kantor/${AGENCY}/`);
  await page.goto(unitPage);
  const servicePage = await firstLinkUnder(page, `${unitPage}/layanan/`);
  await page.goto("/forum");
  const forumPage = await firstLinkUnder(page, "/forum/");
  return [
    "/",
    "/kantor",
    "/kantor?q=dukcapil",
    `/kantor/${AGENCY}`,
    unitPage,
    servicePage,
    `/l/${code}`,
    `/l/${code}/survei`,
    "/pengaduan",
    "/pengaduan/baru",
    "/pengaduan/lacak",
    `/pengaduan/lacak/${complaint!.code}`,
    "/forum",
    forumPage,
    "/masuk",
    "/aktivasi",
    "/api/v1/docs",
  ];
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("every public page passes axe", async ({ page }) => {
      test.setTimeout(90_000);
      for (const path of await publicPages(page)) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await test.step(path, () => expectNoSeriousA11yViolations(page));
      }
    });

    test("the thank-you page and a complaint form with errors pass axe", async ({ page }) => {
      const code = await counterCode(AGENCY, "Loket 3 Akta");
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": javaScriptEnabled ? "203.0.113.141" : "203.0.113.142" });
      await page.goto(`/l/${code}`);
      await page.getByText("Puas", { exact: true }).click();
      await page.getByRole("button", { name: "Kirim penilaian" }).click();
      await page.waitForURL((url) => url.pathname.endsWith("/terima-kasih"));
      await expectNoSeriousA11yViolations(page);

      await page.goto("/pengaduan/baru");
      await page.getByLabel("Unit layanan yang Anda adukan").selectOption({ index: 1 });
      await page.getByRole("button", { name: "Lanjut" }).click();
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: "Kirim pengaduan" }).click();
      await expect(page.locator("#body-error")).toHaveText("Wajib diisi.");
      await expectNoSeriousA11yViolations(page);
    });
  });
}
