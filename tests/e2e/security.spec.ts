import { expect, test, type Page } from "@playwright/test";
import { counterCode } from "./db";
import { signIn } from "./helpers";

// Headers and redirects as a browser meets them on the production build.

/** Collects Content-Security-Policy violations the page reports (none may happen). */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test("a staff page is private, has a nonce policy, and hydrates without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, "supervisor");
  const response = await page.goto("/staf");
  const headers = response!.headers();
  expect(headers["cache-control"]).toBe("private, no-store");
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // A second load gets a new nonce.
  const again = (await page.goto("/staf"))!.headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);
  // Hydrated: a client-side navigation happens without a full load.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  await page.getByRole("link", { name: /Dinas Kependudukan/ }).first().click();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  expect(await violations()).toEqual([]);
});

test("a citizen's rating page carries the policy and reports no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const code = await counterCode("kota-pariaman", "Loket 1 KTP-el");
  const response = await page.goto(`/l/${code}`);
  expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(response!.headers()["cache-control"] ?? "").not.toContain("public, max-age");
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("exports and files are not sniffed or framed, and HSTS comes only through TLS", async ({ request }) => {
  const plain = await request.get("/");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const viaTls = await request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
  expect(viaTls.headers()["strict-transport-security"]).toMatch(/max-age=/);
  const icon = await request.get("/favicon.ico");
  expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
});

test("sign-in never sends anyone off the site, and a newline in the target is no server error", async ({ page, request }) => {
  await page.goto("/masuk?redirectTo=%2F%2509%2Fevil.example");
  await page.getByLabel("NIP atau nama pengguna").fill("petugas");
  await page.getByLabel("Kata sandi").fill("Suara-Demo-2026");
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/staf"));
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);

  const answer = await request.post("/masuk", {
    form: { identifier: "petugas", password: "Suara-Demo-2026", redirectTo: "/staf\r\nSet-Cookie: x=1" },
    maxRedirects: 0,
  });
  expect(answer.status()).toBeLessThan(500);
  expect(answer.headers()["location"]).toBe("/staf");
});
