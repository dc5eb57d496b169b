import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

const FORTY_INPUTS = [
  "Antrean KTP-el di loket 1 terlalu lama, menunggu sampai tiga jam.",
  "Nomor antrean habis sebelum jam 9 pagi.",
  "Antrian akta kelahiran panjang sekali setiap Senin.",
  "Tolong tambah loket supaya antrean tidak menumpuk.",
  "Waktu tunggu cetak KK lebih dari satu hari padahal dijanjikan selesai hari itu.",
  "Perlu antrean online agar tidak menunggu lama di kantor.",
  "Antrean lansia sebaiknya dipisah dan didahulukan.",
  "Saya antre dari subuh tapi tidak dilayani.",
  "Petugas loket 2 kurang ramah dan jutek.",
  "Ada petugas yang membentak warga lansia.",
  "Petugas sering main HP saat melayani warga.",
  "Sikap petugas kasar ketika ditanya soal syarat.",
  "Petugas loket akta sopan dan ramah, terima kasih.",
  "Petugas tidak senyum dan tidak menyapa.",
  "Persyaratan KK berubah-ubah setiap kali datang.",
  "Syarat surat pindah tidak jelas dan tidak diumumkan.",
  "Daftar persyaratan perlu ditempel di depan loket.",
  "Saya bolak-balik karena syarat fotokopi tidak diberitahu dari awal.",
  "Persyaratan akta kelahiran terlalu banyak dokumen.",
  "Informasi syarat di website berbeda dengan di loket.",
  "Diminta uang map dan materai padahal layanan gratis.",
  "Ada pungutan liar untuk mempercepat KTP.",
  "Calo menawarkan jasa dengan biaya dua ratus ribu.",
  "Biaya fotokopi di kantor mahal sekali.",
  "Tukang parkir meminta uang parkir berlebihan.",
  "Ruang tunggu panas dan kipas angin mati.",
  "Kursi di ruang tunggu kurang, banyak yang berdiri.",
  "Toilet kotor dan tidak ada air.",
  "Parkiran sempit dan becek kalau hujan.",
  "Tidak ada jalur kursi roda untuk disabilitas.",
  "Ruang tunggu perlu televisi dan air minum.",
  "Pengaduan lewat WhatsApp tidak pernah dibalas.",
  "Kotak saran tidak pernah dibuka petugas.",
  "Keluhan saya di media sosial tidak ditanggapi.",
  "Nomor pengaduan yang ditempel tidak aktif.",
  "Blangko KTP-el sering habis.",
  "KTP-el yang dicetak salah nama dan harus diulang.",
  "Hasil cetak akta buram dan tidak terbaca.",
  "Layanan jemput bola untuk lansia sangat membantu.",
  "Semoga layanan makin cepat dan ramah.",
];

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a forum from announcement to published berita acara, with an action done by the responsible unit", async ({ page, browser }) => {
  test.setTimeout(240_000);

  // Before: the moderator creates the forum.
  await signIn(page, "moderator");
  await expect(page).toHaveURL(/\/staf$/);
  await page.getByRole("link", { name: /Forum konsultasi publik/ }).click();
  await page.getByRole("link", { name: "Buat forum baru" }).click();
  await page.getByLabel("Judul forum").fill("Forum Konsultasi Publik Layanan KTP-el Desember");
  await page.getByLabel("Unit layanan").selectOption({ label: "Pemerintah Kota Pariaman · Dinas Kependudukan dan Pencatatan Sipil" });
  await page.getByLabel("Penerbitan KTP-el").check();
  await page.getByLabel("Tanggal").fill(daysFromNow(10));
  await page.getByLabel("Jam mulai (tidak wajib)").fill("09:00");
  await page.getByLabel("Tempat").fill("Aula Balai Kota Pariaman");
  await page.getByLabel("Agenda").fill("Pemaparan standar pelayanan\nDialog dengan warga");
  await page.getByLabel("Pimpinan forum").fill("Drs. Syafrizal, M.Si.");
  await page.getByLabel("Notulis").fill("Nurhayati, S.Sos.");
  await page.getByRole("button", { name: "Buat forum" }).click();
  await expect(page).toHaveURL(/\/staf\/forum\/\d+$/);
  const forumId = page.url().split("/").pop()!;

  // A citizen sends written input in advance on the public page.
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  await citizen.goto(`/forum/${forumId}`);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Forum Konsultasi Publik Layanan KTP-el Desember");
  await citizen.getByLabel("Masukan Anda", { exact: true }).fill("Antrean KTP-el terlalu lama, mohon dibuka antrean online.");
  await citizen.getByLabel("Nama (tidak wajib)").fill("Siti Rahmah");
  await citizen.getByLabel("Nama saya boleh ditampilkan di berita acara").check();
  await citizen.getByRole("button", { name: "Kirim masukan" }).click();
  await expect(citizen.getByRole("status")).toContainText("sudah kami terima");

  // The moderator approves it and records attendance.
  await page.reload();
  await expect(page.getByText("Antrean KTP-el terlalu lama, mohon dibuka antrean online.")).toBeVisible();
  await page.getByRole("button", { name: "Terima #1" }).click();
  await expect(page.getByText("Tidak ada masukan yang menunggu.")).toBeVisible();
  await page.getByLabel("Pengguna layanan", { exact: true }).fill("25");
  await page.getByLabel("Akademisi/pakar", { exact: true }).fill("2");
  await page.getByLabel("Instansi terkait", { exact: true }).fill("4");
  await page.getByLabel("Nama yang bersedia disebutkan: Pengguna layanan").fill("Siti Rahmah\nAhmad Fauzi");
  await page.getByRole("button", { name: "Simpan daftar hadir" }).click();
  await expect(page.getByText("Daftar hadir tersimpan.")).toBeVisible();

  // During: 40 inputs pasted from the notes.
  await page.getByRole("link", { name: "Masukan", exact: true }).click();
  await page.getByLabel("Masukan (satu per baris)").fill(FORTY_INPUTS.map((line, i) => `${i + 1}. ${line}`).join("\n"));
  await page.getByRole("button", { name: "Tambahkan semua baris" }).click();
  await expect(page.getByText("40 masukan ditambahkan.")).toBeVisible();
  await expect(page.getByText("41 aktif")).toBeVisible();

  // Themes: propose, rename one, accept.
  await page.getByRole("link", { name: "Tema", exact: true }).click();
  await page.getByRole("button", { name: "Usulkan tema" }).click();
  await expect(page.getByText(/tema diusulkan/)).toBeVisible();
  await expect(page.getByText(/dari 41 masukan aktif berada dalam tema/)).toBeVisible();
  const firstTheme = page.locator(".theme-card").first();
  await firstTheme.getByLabel("Nama tema", { exact: true }).fill("Antrean dan waktu tunggu");
  await firstTheme.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("heading", { name: /Antrean dan waktu tunggu/ })).toBeVisible();
  await page.getByRole("button", { name: "Terima semua tema" }).click();
  await expect(page.getByRole("button", { name: "Terima semua tema" })).toHaveCount(0);

  // An input noted after the themes were accepted belongs to no theme; the record keeps it under "Masukan lain".
  await page.getByRole("link", { name: "Masukan", exact: true }).click();
  await page.getByLabel("Masukan (satu per baris)").fill("Mohon disediakan mushala kecil di kantor Disdukcapil.");
  await page.getByRole("button", { name: "Tambahkan semua baris" }).click();
  await expect(page.getByText("1 masukan ditambahkan.")).toBeVisible();

  // After: the berita acara, summaries citing their inputs, agreements, two actions.
  await page.getByRole("link", { name: "Berita acara", exact: true }).click();
  const cards = page.locator(".summary-card");
  await expect(cards.first()).toBeVisible();
  const themeCount = await cards.count();
  expect(themeCount).toBeGreaterThan(1);
  // A summary missing a citation is refused, naming the input it leaves out; the moderator may instead mark that
  // input as not reflected, with a reason the public record shows.
  const firstCard = cards.first();
  const firstNumbers = await firstCard.locator("details .item-number").allTextContents();
  expect(firstNumbers.length).toBeGreaterThan(1);
  const leftOut = firstNumbers.at(-1)!;
  await firstCard.getByRole("textbox", { name: /Ringkasan tema/ }).fill(`Peserta menyampaikan keluhan yang sama (${firstNumbers.slice(0, -1).join(", ")}).`);
  await firstCard.getByRole("button", { name: "Simpan ringkasan" }).click();
  await expect(page.locator(".summary-card").first().getByRole("alert")).toContainText(`belum dirujuk: ${leftOut}`);
  await expect(page.locator(".summary-card").first().locator(".summary-sources > ul li")).toHaveCount(0);
  await page.locator(".summary-card").first().getByLabel("Masukan", { exact: true }).selectOption({ value: leftOut.slice(1) });
  await page.locator(".summary-card").first().getByLabel("Alasan", { exact: true }).fill("Disampaikan dua kali oleh peserta yang sama.");
  await page.locator(".summary-card").first().getByRole("button", { name: "Tandai tidak tercermin" }).click();
  await expect(page.locator(".summary-card").first().locator(".not-reflected-list li")).toContainText("Disampaikan dua kali oleh peserta yang sama.");
  for (let index = 0; index < themeCount; index++) {
    const card = page.locator(".summary-card").nth(index);
    const numbers = (await card.locator("details .item-number").allTextContents()).filter((number) => index !== 0 || number !== leftOut);
    // A summary cites every input of its theme, or it is refused with the missing numbers named.
    const summary = `Peserta menyampaikan keluhan yang sama (${numbers.join(", ")}).`;
    await card.getByRole("textbox", { name: /Ringkasan tema/ }).fill(summary);
    await card.getByRole("button", { name: "Simpan ringkasan" }).click();
    await expect(page.locator(".summary-card").nth(index).locator(".summary-sources > ul li")).toHaveCount(numbers.length);
  }
  await page.getByRole("textbox", { name: "Kesepakatan", exact: true }).fill("Disdukcapil membuka antrean daring dan menambah loket setiap Senin.");
  await page.getByRole("button", { name: "Simpan kesepakatan" }).click();
  await expect(page.getByText("Tersimpan.")).toBeVisible();

  const addAction = async (what: string, unit: string, element: string) => {
    await page.getByLabel("Tindak lanjut", { exact: true }).fill(what);
    await page.getByLabel("Unit penanggung jawab").selectOption({ label: unit });
    await page.getByLabel("Tenggat").fill(daysFromNow(40));
    await page.getByLabel("Unsur SKM terkait").selectOption({ label: element });
    await page.getByRole("button", { name: "Tambah tindak lanjut" }).click();
    await expect(page.getByRole("cell", { name: what })).toBeVisible();
  };
  await addAction("Menyediakan pendaftaran antrean lewat WhatsApp", "Dinas Kependudukan dan Pencatatan Sipil", "U3 Waktu Penyelesaian");
  await addAction("Menempel daftar persyaratan di setiap loket", "Dinas Kependudukan dan Pencatatan Sipil", "U1 Persyaratan");

  // Publishing is refused until the chair's approval is recorded.
  await page.getByRole("button", { name: "Terbitkan berita acara" }).click();
  await expect(page.getByRole("alert")).toContainText("Persetujuan pimpinan forum belum dicatat.");
  await page.getByLabel("Wakil masyarakat yang ikut menandatangani (tidak wajib)").fill("Siti Rahmah");
  await page.getByRole("button", { name: "Catat persetujuan pimpinan" }).click();
  await expect(page.getByText(/Disetujui oleh Drs\. Syafrizal/)).toBeVisible();
  await page.getByRole("button", { name: "Terbitkan berita acara" }).click();
  // Publishing asks first: nothing is public before the second step.
  await expect(page.getByRole("alertdialog", { name: "Terbitkan berita acara versi 1?" })).toContainText("tidak dapat diubah");
  await page.getByRole("button", { name: "Ya, terbitkan" }).click();
  await expect(page.getByText("Berita acara versi 1 terbit.")).toBeVisible();

  // The public page shows the themes with their cited inputs.
  await citizen.goto(`/forum/${forumId}`);
  await expect(citizen.getByRole("heading", { name: "Berita acara" })).toBeVisible();
  const renamed = citizen.locator("details.theme", { hasText: "Antrean dan waktu tunggu" });
  await renamed.locator("summary").click();
  await expect(renamed.locator("li.cited").first()).toBeVisible();
  // Nothing is left out: the input outside any theme under "Masukan lain", the one not reflected with its reason.
  await expect(citizen.locator("section", { has: citizen.getByRole("heading", { name: "Masukan lain" }) })).toContainText("Mohon disediakan mushala kecil");
  await expect(citizen.locator(`#masukan-${leftOut.slice(1)}`)).toContainText("Tidak tercermin dalam ringkasan: Disampaikan dua kali oleh peserta yang sama.");
  await expect(citizen.getByRole("cell", { name: "Siti Rahmah, Ahmad Fauzi" })).toBeVisible();
  await expect(citizen.getByText("Menyediakan pendaftaran antrean lewat WhatsApp")).toBeVisible();
  await expectNoSeriousA11yViolations(citizen);
  const pdf = await citizen.request.get(`/forum/${forumId}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");

  // The responsible unit (head of Disdukcapil) updates an action to done.
  await page.getByRole("button", { name: "Keluar" }).click();
  await signIn(page, "supervisor");
  await expect(page).toHaveURL(/\/staf$/);
  await page.getByRole("link", { name: /Tindak lanjut forum/ }).click();
  const card = page.locator(".action-card", { hasText: "Menyediakan pendaftaran antrean lewat WhatsApp" });
  await card.getByLabel("Status").selectOption({ label: "Selesai" });
  await card.getByLabel("Apa yang sudah dikerjakan").fill("Antrean daring sudah dibuka di situs Disdukcapil.");
  // Done needs evidence.
  await card.getByRole("button", { name: "Simpan perkembangan" }).click();
  await expect(page.locator(".action-card", { hasText: "Menyediakan pendaftaran antrean lewat WhatsApp" })).toContainText("Tindak lanjut yang selesai perlu bukti");
  const again = page.locator(".action-card", { hasText: "Menyediakan pendaftaran antrean lewat WhatsApp" });
  await again.getByLabel("Status").selectOption({ label: "Selesai" });
  await again.getByLabel("Apa yang sudah dikerjakan").fill("Antrean daring sudah dibuka di situs Disdukcapil.");
  await again.getByLabel("Bukti (tautan atau keterangan)").fill("https://disdukcapil.pariamankota.go.id/antrean-daring");
  await again.getByRole("button", { name: "Simpan perkembangan" }).click();
  await expect(page.getByText("Perkembangan tersimpan.")).toBeVisible();

  await citizen.goto(`/forum/${forumId}`);
  const done = citizen.locator(".action-card", { hasText: "Menyediakan pendaftaran antrean lewat WhatsApp" });
  await expect(done.locator(".badge", { hasText: "Selesai" })).toBeVisible();
  await expect(done).toContainText("Antrean daring sudah dibuka di situs Disdukcapil.");
  // Version 1 shows the progress as published, the live progress beside it, and the evidence as a link.
  await expect(done.locator(".progress-at-publication")).toHaveText("Saat berita acara terbit: Direncanakan");
  await expect(done.getByRole("link", { name: "https://disdukcapil.pariamankota.go.id/antrean-daring" })).toBeVisible();
  await citizenContext.close();
});

test("the public forum list and a published berita acara pass an accessibility scan", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/forum");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forum konsultasi publik");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Forum Konsultasi Publik Layanan Administrasi Kependudukan 2026" }).click();
  await expect(page.getByRole("heading", { name: "Anda menyampaikan, kami menindaklanjuti" })).toBeVisible();
  await page.locator("details.theme summary").first().click();
  await expectNoSeriousA11yViolations(page);
});

test("a moderator sees the paste limit named and nothing saved", async ({ page }) => {
  await signIn(page, "moderator");
  await expect(page).toHaveURL(/\/staf$/);
  await page.goto("/staf/forum");
    await page.getByRole("link", { name: "Forum Konsultasi Publik Rancangan Standar Pelayanan Puskesmas" }).click();
  await page.getByRole("link", { name: "Masukan", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Tempel dari catatan" })).toBeVisible();
  const before = await page.locator(".items-table tbody tr").count();
  // Typing 5,000 lines key by key is slow in Chromium; a paste sets the value at once.
  const lines = Array.from({ length: 5_000 }, (_, i) => `masukan ${i}`).join("\n");
  await page.getByLabel("Masukan (satu per baris)").evaluate((element, value) => {
    (element as HTMLTextAreaElement).value = value;
  }, lines);
  await page.getByRole("button", { name: "Tambahkan semua baris" }).click();
  await expect(page.getByText("Terlalu banyak baris: 5000. Sekali tempel paling banyak 2000 baris.", { exact: false })).toBeVisible();
  await expect(page.locator(".items-table tbody tr")).toHaveCount(before);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen sends input to a coming forum, with the empty field named first", async ({ page }) => {
    await page.goto("/forum");
    await page.getByRole("link", { name: "Forum Konsultasi Publik Rancangan Standar Pelayanan Puskesmas" }).click();
    await page.getByRole("button", { name: "Kirim masukan" }).click();
    await expect(page.getByText("Wajib diisi.")).toBeVisible();
    await expect(page.getByLabel("Masukan Anda", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Masukan Anda", { exact: true }).fill("Mohon jam layanan imunisasi ditambah pada hari Sabtu.");
    await page.getByLabel("Anda mewakili (tidak wajib)").selectOption({ label: "Pengguna layanan" });
    await page.getByRole("button", { name: "Kirim masukan" }).click();
    await expect(page.getByText(/sudah kami terima/)).toBeVisible();
  });

  test("the responsible unit attaches a photo to an action's progress; a file of another kind is refused beside the field", async ({ page, browser }) => {
    test.setTimeout(90_000);
    // A 1×1 PNG; the seeded action stays in progress, so other tests see it as before.
    const photo = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const what = "Memperbaiki kipas angin dan menambah kursi ruang tunggu.";
    const note = `Kursi tunggu tambahan tiba ${Date.now()}.`;
    await signIn(page, "supervisor");
    await page.goto("/staf/forum/tindak-lanjut");
    const card = () => page.locator(".action-card", { hasText: what });
    await card().getByLabel("Apa yang sudah dikerjakan").fill(note);
    await card().getByLabel("Berkas bukti (foto atau PDF, tidak wajib)").setInputFiles({ name: "kursi.png", mimeType: "image/png", buffer: Buffer.from("MZ this is a program, not a photo") });
    await card().getByRole("button", { name: "Simpan perkembangan" }).click();
    const field = card().getByLabel("Berkas bukti (foto atau PDF, tidak wajib)");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(card()).toContainText("Berkas harus foto JPEG atau PNG, atau dokumen PDF; tidak ada yang disimpan.");
    expect(await queryE2eDatabase("select 1 from forum_action_updates where note = $1", [note])).toHaveLength(0);

    await card().getByLabel("Apa yang sudah dikerjakan").fill(note);
    await card().getByLabel("Berkas bukti (foto atau PDF, tidak wajib)").setInputFiles({ name: "kursi tunggu.png", mimeType: "image/png", buffer: photo });
    await card().getByRole("button", { name: "Simpan perkembangan" }).click();
    await expect(page.getByText("Perkembangan tersimpan.")).toBeVisible();
    const [stored] = await queryE2eDatabase<{ id: number; forum_id: number }>(
      "select u.id, a.forum_id from forum_action_updates u join forum_actions a on a.id = u.action_id where u.note = $1 and u.evidence_file_type = 'image/png'",
      [note],
    );
    expect(stored).toBeDefined();

    // The public page shows the photo with the progress; it is served as an uploaded file, sandboxed.
    const citizenContext = await browser.newContext({ javaScriptEnabled: false });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`/forum/${stored!.forum_id}`);
    const update = citizen.locator(".action-card", { hasText: what }).locator("li", { hasText: note });
    const link = update.getByRole("link", { name: "foto bukti (1 KB)" });
    await expect(link).toHaveAttribute("href", `/forum/${stored!.forum_id}/bukti/${stored!.id}`);
    const served = await citizen.request.get(`/forum/${stored!.forum_id}/bukti/${stored!.id}`);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/png");
    expect(served.headers()["content-security-policy"]).toMatch(/; sandbox$/);
    expect(served.headers()["content-disposition"]).toBe('inline; filename="kursi-tunggu.png"');
    expect(Buffer.from(await served.body())).toEqual(photo);
    for (const width of [360, 1280]) {
      await citizen.setViewportSize({ width, height: 900 });
      await update.scrollIntoViewIfNeeded();
      await citizen.screenshot({ path: test.info().outputPath(`forum-evidence-public-${width}.png`) });
      await page.setViewportSize({ width, height: 900 });
      await card().scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`forum-evidence-staff-${width}.png`) });
    }
    await citizenContext.close();
  });
});
