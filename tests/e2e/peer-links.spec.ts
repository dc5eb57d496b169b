import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// A peer without an account reviews an officer through a one-time link, in a browser without JavaScript. The
// officer (petugas) works on a monthly SKP of the current month, which no other spec touches; the direct
// supervisor (kabid.dukcapil) approves it and makes the link; the officer sees no peer's name.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PEER = `Sari Wulandari ${Date.now().toString(36)}`;
const SCREENS = process.env.E2E_SCREENSHOTS;

function monthLabel(): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
  const [year, month] = today.split("-").map(Number) as [number, number];
  const name = new Intl.DateTimeFormat("id-ID", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
  return `${name} ${year}`;
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

async function shoot(page: Page, name: string) {
  if (!SCREENS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
}

let planUrl = "";
let link = "";

test("the direct supervisor makes a one-time link for a colleague without an account", async ({ browser }) => {
  const officer = await signedIn(browser, "petugas");
  await officer.goto("/staf/kinerja-saya");
  await officer.getByLabel("Periode").selectOption({ label: `Bulanan: ${monthLabel()}` });
  await officer.getByRole("button", { name: "Buat konsep SKP" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(monthLabel());
  planUrl = new URL(officer.url()).pathname;
  await officer.getByRole("textbox", { name: "Rencana hasil kerja" }).fill("Pelayanan legalisir dokumen");
  await officer.getByLabel("Indikator kinerja individu").fill("Dokumen dilegalisir");
  await officer.getByLabel("Target").fill("80");
  await officer.getByLabel("Satuan").fill("dokumen");
  await officer.getByRole("button", { name: "Tambah hasil kerja" }).click();
  await expect(officer.getByRole("cell", { name: "Dokumen dilegalisir" })).toBeVisible();
  await officer.getByRole("button", { name: "Ajukan ke atasan" }).click();
  await expect(officer.getByText("menunggu persetujuan atasan langsung")).toBeVisible();
  await officer.context().close();

  const supervisor = await signedIn(browser, "kabid.dukcapil");
  await supervisor.goto(planUrl);
  await supervisor.getByRole("button", { name: "Setujui SKP" }).click();
  await expect(supervisor.locator(".badge", { hasText: "Disetujui" })).toBeVisible();
  await supervisor.goto(`${planUrl}/ulasan`);
  await supervisor.getByLabel("Nama rekan kerja").fill(PEER);
  await supervisor.getByLabel("Surel rekan kerja (opsional)").fill("bukan-alamat");
  await supervisor.getByRole("button", { name: "Buat tautan penilaian" }).click();
  await expect(supervisor.getByText("Alamat surel tidak valid")).toBeVisible();
  await supervisor.getByLabel("Surel rekan kerja (opsional)").fill("");
  await supervisor.getByRole("button", { name: "Buat tautan penilaian" }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: `Tautan untuk ${PEER} dibuat` })).toBeVisible();
  link = await supervisor.getByLabel("Salin tautan ini sekarang").inputValue();
  expect(link).toMatch(/\/ulasan-rekan\/[A-Za-z0-9_-]{43}$/);
  await expect(supervisor.getByRole("listitem").filter({ hasText: PEER })).toContainText("Belum menilai");
  await expectNoSeriousA11yViolations(supervisor);
  await shoot(supervisor, "peer-links-supervisor");
  await supervisor.context().close();
});

test("the colleague answers through the link without JavaScript, once; then the link is dead", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const opened = await page.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Penilaian perilaku kerja");
  await expect(page.getByText(`Yth. ${PEER}`)).toBeVisible();
  await shoot(page, "peer-link-form");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Sent with one reason missing: refused beside the field, nothing stored, the choices kept.
  const values = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"];
  for (const [index, value] of values.entries()) {
    const group = page.getByRole("group", { name: value });
    await group.getByLabel("Sesuai Ekspektasi").check();
    if (index > 0) await group.getByLabel("Alasan singkat").fill(`Terlihat saat melayani bersama (${value}).`);
  }
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByRole("group", { name: "Berorientasi Pelayanan" }).getByText("Wajib diisi.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Akuntabel" }).getByLabel("Sesuai Ekspektasi")).toBeChecked();
  await page.getByRole("group", { name: "Berorientasi Pelayanan" }).getByLabel("Alasan singkat").fill("Sabar menjelaskan persyaratan kepada warga.");
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Terima kasih" })).toBeVisible();

  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByText("Tautan ini sudah dipakai untuk mengirim penilaian")).toBeVisible();
  await shoot(page, "peer-link-dead");
  const unknown = await page.goto(link.replace(/.{4}$/, "AAAA"));
  expect(unknown?.status()).toBe(404);
  await context.close();
});

test("the supervisor sees the colleague's review by name; the officer sees no name and no summary below three", async ({ browser }) => {
  const supervisor = await signedIn(browser, "kabid.dukcapil");
  await supervisor.goto(`${planUrl}/ulasan`);
  await expect(supervisor.getByRole("listitem").filter({ hasText: PEER })).toContainText("Sudah menilai");
  await expect(supervisor.getByRole("columnheader", { name: new RegExp(PEER) })).toContainText("Rekan kerja (melalui tautan)");
  await expect(supervisor.getByText("Sabar menjelaskan persyaratan kepada warga.")).toBeVisible();
  await supervisor.context().close();

  const officer = await signedIn(browser, "petugas");
  await officer.goto(`${planUrl}/ulasan`);
  await expect(officer.getByText("setelah sedikitnya 3 rekan mengisi (saat ini 1)")).toBeVisible();
  await expect(officer.getByText(PEER)).toHaveCount(0);
  await expect(officer.getByText("Sabar menjelaskan persyaratan")).toHaveCount(0);
  await expect(officer.getByRole("button", { name: "Buat tautan penilaian" })).toHaveCount(0);
  await shoot(officer, "peer-links-officer");
  await officer.context().close();
});
