import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// A supervisor imports a unit's paper SKM forms: the template, the check, the import, the history, a second
// upload of the same file caught, and the undo (asked about first).

const COLUMNS = "U1,U2,U3,U4,U5,U6,U7,U8,U9,tanggal,jenis_kelamin,usia,pendidikan,pekerjaan,saran";

async function dukcapil() {
  const [unit] = await queryE2eDatabase<{ id: number }>(
    `select u.id from units u join agencies a on a.id = u.agency_id where a.slug = 'kota-pariaman' and u.slug = 'dinas-kependudukan-dan-pencatatan-sipil'`,
  );
  const [counter] = await queryE2eDatabase<{ id: number; name: string }>(`select id, name from counters where unit_id = $1 and name = 'Loket 1 KTP-el'`, [unit!.id]);
  const offered = await queryE2eDatabase<{ name: string }>(
    `select s.name from counter_services cs join services s on s.id = cs.service_id where cs.counter_id = $1 and s.active order by s.name`,
    [counter!.id],
  );
  const all = await queryE2eDatabase<{ name: string }>(`select name from services where unit_id = $1 and active order by name`, [unit!.id]);
  return { unitId: unit!.id, counter: counter!, offered: offered.map((row) => row.name), all: all.map((row) => row.name) };
}

const stamp = Date.now().toString(36);
const csv = [
  COLUMNS,
  `4,4,3,4,4,4,4,3,4,2026-07-03,P,30-39,S1,swasta,Loket cepat ${stamp}`,
  `3,3,3,4,3,3,4,3,3,2026-08-12,L,40-49,SMA,wirausaha,`,
  `4,3,,4,4,4,4,4,4,2026-09-20,,,,,Ruang tunggu nyaman ${stamp}`,
].join("\r\n");

test("the paper-import page: template, check, import, history, a repeat caught, and undo", async ({ page }) => {
  test.setTimeout(120_000);
  const { unitId, counter, offered, all } = await dukcapil();
  await signIn(page, "supervisor");
  await page.goto(`/staf/impor/${unitId}`);
  await expect(page).toHaveTitle("Impor survei kertas · Suara");

  // The templates carry exactly the columns the import reads.
  const csvTemplate = await page.request.get(`/staf/impor/${unitId}/templat.csv`);
  expect((await csvTemplate.text()).replace(/^\uFEFF/, "").trim()).toBe(COLUMNS);
  const xlsxTemplate = await page.request.get(`/staf/impor/${unitId}/templat.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsxTemplate.body()) as unknown as ArrayBuffer);
  expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1).join(",")).toBe(COLUMNS);

  // The service list follows the counter.
  await page.getByLabel("Loket", { exact: true }).selectOption({ label: counter.name });
  const services = page.getByLabel("Layanan", { exact: true }).locator("option");
  await expect(services).toHaveText(offered);
  expect(all.length).toBeGreaterThan(offered.length);

  const upload = async () => {
    await page.getByLabel("Loket", { exact: true }).selectOption({ label: counter.name });
    await page.getByLabel("Layanan", { exact: true }).selectOption({ label: offered[0]! });
    await page.getByLabel("Dari").fill("2026-07-01");
    await page.getByLabel("Sampai").fill("2026-09-30");
    await page.getByLabel("Berkas").setInputFiles({ name: `survei-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await expect(page.getByRole("heading", { name: `Hasil pemeriksaan survei-${stamp}.csv` })).toBeVisible();
  };
  await upload();
  await expect(page.getByText("3 baris benar, 0 masalah ditemukan.")).toBeVisible();
  await page.getByRole("button", { name: "Impor 3 baris" }).click();
  // The oldest row of this file is the one imported (a later preview of the same file is listed above it).
  const history = page.getByRole("row", { name: new RegExp(`survei-${stamp}\\.csv`) }).last();
  await expect(history).toContainText("Diimpor");
  await expect(history).toContainText("1 Jul – 30 Sep 2026");
  const stored = () => queryE2eDatabase<{ n: number }>(`select count(*)::int as n from ratings where comment like $1`, [`%${stamp}%`]).then((rows) => rows[0]!.n);
  expect(await stored()).toBe(2);

  // The page with a history opens again (a reload is a fresh server render).
  const reload = await page.reload();
  expect(reload?.status()).toBe(200);
  await expect(history).toContainText("Diimpor");
  await expectNoSeriousA11yViolations(page);

  // The same file again, for the same counter and period: caught before it doubles the ratings.
  await upload();
  await expect(page.getByRole("alert")).toContainText("sudah diimpor untuk loket, layanan, dan periode yang sama");
  await expect(page.getByRole("button", { name: "Impor 3 baris" })).toBeDisabled();
  expect(await stored()).toBe(2);
  await page.getByRole("link", { name: "Batal" }).click();

  // Undo asks first, then takes the ratings out.
  await history.getByRole("button", { name: "Batalkan impor" }).click();
  const question = page.getByRole("alertdialog", { name: `Batalkan impor survei-${stamp}.csv?` });
  await expect(question).toContainText("3 penilaian kertas");
  expect(await stored()).toBe(2);
  await question.getByRole("button", { name: "Ya, batalkan impor" }).click();
  await expect(history).toContainText("Dibatalkan");
  expect(await stored()).toBe(0);
});
