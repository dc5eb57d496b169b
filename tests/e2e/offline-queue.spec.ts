import { expect, test, type Page } from "@playwright/test";
import { counterCode, queryE2eDatabase } from "./db";
import { signIn } from "./helpers";

// The offline queue of the counter page: every rating keeps its own idempotency key and visit time, survives a
// reload, and is stored exactly once however the network behaves.
async function storedWithComments(prefix: string) {
  return queryE2eDatabase<{ comment: string; kind: string; submitted_at: Date; received_at: Date }>(
    "select comment, kind, submitted_at, received_at from ratings where comment like $1 order by submitted_at",
    [`${prefix}%`],
  );
}

async function quick(page: Page, service: string, face: string, comment: string) {
  await page.getByText(service, { exact: true }).click();
  await page.getByText(face, { exact: true }).click();
  await page.getByText("Tambah komentar").click();
  await page.getByLabel("Komentar atau saran (tidak wajib)").fill(comment);
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
}

test("two ratings made offline one after the other are both stored when the network returns", async ({ page, context }) => {
  const code = await counterCode("kota-pariaman", "Loket 2 Kartu Keluarga");
  await page.goto(`/l/${code}`);
  await context.setOffline(true);
  await quick(page, "Penerbitan Kartu Keluarga", "Puas", "antrean dua 1");
  await expect(page.getByText("Penilaian Anda tersimpan di perangkat ini")).toBeVisible();
  await quick(page, "Penerbitan Kartu Keluarga", "Sangat puas", "antrean dua 2");
  await context.setOffline(false);
  await expect.poll(async () => (await storedWithComments("antrean dua")).map((row) => row.comment), { timeout: 20_000 }).toEqual(["antrean dua 1", "antrean dua 2"]);
});

test("three ratings offline in a row (quick, full survey, quick) survive a reload and arrive as three rows with their visit times", async ({ page, context }) => {
  const code = await counterCode("kota-medan", "Loket 2 Kartu Keluarga");
  await page.goto(`/l/${code}`);
  // The page and its assets are kept for offline use once the service worker controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await context.setOffline(true);
  const tapped: number[] = [];

  tapped.push(Date.now());
  await quick(page, "Surat Keterangan Pindah", "Puas", "tiga luring 1 cepat");
  await expect(page.getByText("1 penilaian menunggu, akan dikirim otomatis.")).toBeVisible();

  // The full survey opens from the device's copy of the page.
  await page.getByText("Penerbitan Kartu Keluarga", { exact: true }).click();
  await page.getByRole("button", { name: "Isi survei lengkap (9 pertanyaan)" }).click();
  await expect(page.getByText("Pertanyaan 1 dari 9")).toBeVisible();
  await page.getByText("Penerbitan Kartu Keluarga", { exact: true }).click();
  await page.getByRole("group", { name: /kecepatan waktu/ }).getByText("Cepat", { exact: true }).click();
  await page.getByLabel("Komentar atau saran (tidak wajib)").fill("tiga luring 2 lengkap");
  tapped.push(Date.now());
  await page.getByRole("button", { name: "Kirim survei" }).click();
  await expect(page.getByText("2 penilaian menunggu, akan dikirim otomatis.")).toBeVisible();

  await page.goto(`/l/${code}`);
  tapped.push(Date.now());
  await quick(page, "Penerbitan Kartu Keluarga", "Sangat puas", "tiga luring 3 cepat");
  await expect(page.getByText("3 penilaian menunggu, akan dikirim otomatis.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("3 penilaian menunggu, akan dikirim otomatis.")).toBeVisible();
  expect(await storedWithComments("tiga luring")).toHaveLength(0);

  await page.waitForTimeout(1_500); // the visits happened before the network returned
  const reconnected = Date.now();
  await context.setOffline(false);
  await expect(page.getByText("Penilaian yang tertunda sudah terkirim")).toBeVisible({ timeout: 20_000 });
  const rows = await storedWithComments("tiga luring");
  expect(rows.map((row) => [row.comment, row.kind])).toEqual([
    ["tiga luring 1 cepat", "quick"],
    ["tiga luring 2 lengkap", "full"],
    ["tiga luring 3 cepat", "quick"],
  ]);
  rows.forEach((row, index) => {
    // Stored with the time of the tap (within the second it took to click), not the time it arrived.
    expect(Math.abs(row.submitted_at.getTime() - tapped[index]!)).toBeLessThan(3_000);
    expect(row.received_at.getTime()).toBeGreaterThanOrEqual(reconnected - 500);
  });
});

test("when the network dies while a rating is being sent, the rating is sent again and stored once", async ({ page }) => {
  const code = await counterCode("kota-sorong", "Loket 2 Kartu Keluarga");
  await page.goto(`/l/${code}`);
  // The server receives and stores each rating, but its answer never reaches the phone.
  let lostAnswers = 0;
  await page.route("**/api/ratings/**", async (route) => {
    await route.fetch();
    lostAnswers++;
    await route.abort("connectionreset");
  });
  await quick(page, "Penerbitan Kartu Keluarga", "Kurang puas", "jaringan putus 1");
  await expect(page.getByText("Penilaian Anda tersimpan di perangkat ini")).toBeVisible();
  await quick(page, "Surat Keterangan Pindah", "Puas", "jaringan putus 2");
  await expect.poll(() => lostAnswers).toBeGreaterThanOrEqual(2);
  expect((await storedWithComments("jaringan putus")).map((row) => row.comment)).toEqual(["jaringan putus 1", "jaringan putus 2"]);

  await page.unroute("**/api/ratings/**");
  await expect(page.getByText("Penilaian yang tertunda sudah terkirim")).toBeVisible({ timeout: 30_000 });
  expect((await storedWithComments("jaringan putus")).map((row) => row.comment)).toEqual(["jaringan putus 1", "jaringan putus 2"]);
});

test("a kiosk without network keeps three citizens' ratings, each with its own key and visit time, and stores all three", async ({ page, context }) => {
  test.setTimeout(120_000);
  const [counter] = await queryE2eDatabase<{ id: number; public_code: string }>(
    `select c.id, c.public_code from counters c join units u on u.id = c.unit_id join agencies a on a.id = u.agency_id
     where a.slug = 'kota-pariaman' and c.name = 'Loket 2 Kartu Keluarga'`,
  );
  await signIn(page, "supervisor");
  await page.goto(`/staf/loket/${counter!.id}`);
  await page.getByRole("button", { name: "Jadikan perangkat ini kiosk loket" }).click();
  await page.getByRole("button", { name: "Ya, jadikan kiosk dan keluar" }).click();
  await expect(page.getByText("Mode kiosk", { exact: true })).toBeVisible();
  await context.setOffline(true);

  const tapped: number[] = [];
  for (const [index, face] of (["Puas", "Sangat puas", "Kurang puas"] as const).entries()) {
    // A kiosk refuses two ratings closer than its pause (8 s): these visits are as far apart as real ones.
    if (index > 0) await page.waitForTimeout(9_000);
    tapped.push(Date.now());
    await quick(page, "Penerbitan Kartu Keluarga", face, `kiosk luring ${index + 1}`);
    await expect(page.getByText(`${index + 1} penilaian menunggu, akan dikirim otomatis.`)).toBeVisible();
    // The form is empty again for the next citizen.
    await expect(page.getByRole("radio", { name: face, exact: true })).not.toBeChecked();
  }
  expect(await storedWithComments("kiosk luring")).toHaveLength(0);

  // Back online, the three arrive within moments of each other; each is judged by its own visit time.
  await context.setOffline(false);
  await expect.poll(async () => (await storedWithComments("kiosk luring")).length, { timeout: 30_000 }).toBe(3);
  const rows = await queryE2eDatabase<{ comment: string; channel: string; submitted_at: Date; idempotency_key: string }>(
    "select comment, channel, submitted_at, idempotency_key from ratings where comment like 'kiosk luring%' order by submitted_at",
  );
  expect(rows.map((row) => [row.comment, row.channel])).toEqual([
    ["kiosk luring 1", "kiosk"],
    ["kiosk luring 2", "kiosk"],
    ["kiosk luring 3", "kiosk"],
  ]);
  expect(new Set(rows.map((row) => row.idempotency_key)).size).toBe(3);
  rows.forEach((row, index) => expect(Math.abs(row.submitted_at.getTime() - tapped[index]!)).toBeLessThan(3_000));
  await expect(page.getByText(/menunggu, akan dikirim otomatis/)).toHaveCount(0);
});
