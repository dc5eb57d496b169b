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

/** Public pages by name; those whose address holds a demo id find it on the page that links to them. */
const PUBLIC_PAGES: [string, (page: Page) => Promise<string>][] = [
  ["home", async () => "/"],
  ["office search", async () => "/kantor"],
  ["office search results", async () => "/kantor?q=dukcapil"],
  ["government", async () => `/kantor/${AGENCY}`],
  ["unit results", (page) => unitPage(page)],
  [
    "service results",
    async (page) => {
      const unit = await unitPage(page);
      await page.goto(unit);
      return firstLinkUnder(page, `${unit}/layanan/`);
    },
  ],
  ["counter page", async () => `/l/${await counterCode(AGENCY, "Loket 1 KTP-el")}`],
  ["full survey", async () => `/l/${await counterCode(AGENCY, "Loket 1 KTP-el")}/survei`],
  ["complaints", async () => "/pengaduan"],
  ["complaint form", async () => "/pengaduan/baru"],
  ["tracking form", async () => "/pengaduan/lacak"],
  [
    "tracking answer",
    async () => {
      const [complaint] = await queryE2eDatabase<{ code: string }>(
        "select tracking_code as code from complaints order by id limit 1",
      );
      return `/pengaduan/lacak/${complaint!.code}`;
    },
  ],
  ["forums", async () => "/forum"],
  [
    "forum",
    async (page) => {
      await page.goto("/forum");
      return firstLinkUnder(page, "/forum/");
    },
  ],
  ["sign-in", async () => "/masuk"],
  ["activation", async () => "/aktivasi"],
  ["open-data reference", async () => "/api/v1/docs"],
];

async function unitPage(page: Page): Promise<string> {
  await page.goto(`/kantor/${AGENCY}`);
  return firstLinkUnder(page, `/kantor/${AGENCY}/`);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    for (const [name, address] of PUBLIC_PAGES) {
      test(`${name} passes axe`, async ({ page }) => {
        const path = await address(page);
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectNoSeriousA11yViolations(page);
      });
    }

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
