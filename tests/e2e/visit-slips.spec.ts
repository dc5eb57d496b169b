import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

test("a supervisor prints visit-code slips: one code and its QR per slip, cut marks, no page furniture on paper", async ({ page }) => {
  const [counter] = await queryE2eDatabase<{ id: number }>(
    `select c.id from counters c join units u on u.id = c.unit_id join agencies a on a.id = u.agency_id
      where a.slug = 'kota-pariaman' and c.name = 'Loket 2 Kartu Keluarga'`,
  );
  await signIn(page, "supervisor");
  await page.goto(`/staf/loket/${counter!.id}`);
  await page.getByLabel("Jumlah kode").fill("30");
  await page.getByRole("button", { name: "Buat kode" }).click();
  // The day is written as Indonesians write it, never ISO.
  await expect(page.locator("caption")).toHaveText(/^Kode untuk tanggal \d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}$/);

  await page.getByRole("link", { name: "Cetak slip kode kunjungan" }).click();
  await expect(page.getByRole("heading", { name: "Slip kode kunjungan" })).toBeVisible();
  const slips = page.getByRole("list", { name: "Slip kode kunjungan" }).getByRole("listitem");
  const unused = await queryE2eDatabase<{ code: string }>(`select code from visit_codes where counter_id = $1 and used_at is null and day = (select max(day) from visit_codes where counter_id = $1) order by id`, [counter!.id]);
  expect(unused.length).toBeGreaterThanOrEqual(30);
  await expect(slips).toHaveCount(unused.length);
  await expect(slips.first()).toContainText(unused[0]!.code);
  await expect(slips.first().locator("svg")).toHaveCount(1);
  await expect(slips.first()).toHaveCSS("border-top-style", "dashed");
  await expectNoSeriousA11yViolations(page);

  // On paper: no header or links back, three slips across an A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("link", { name: /Loket 2 Kartu Keluarga/ })).toBeHidden();
  const boxes = await slips.evaluateAll((items) => items.slice(0, 4).map((item) => Math.round(item.getBoundingClientRect().top)));
  expect(boxes[0]).toBe(boxes[2]);
  expect(boxes[3]).toBeGreaterThan(boxes[0]!);
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
});
