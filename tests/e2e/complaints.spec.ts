import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "./db";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// A real 1×1 PNG, so the content check accepts it.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const CONFIDENTIAL_DEMO_TEXT = "Rp50.000 agar akta kelahiran";

function databaseUrl(): string {
  return e2eDatabaseUrl();
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs the auto-close job's data function at a chosen time, as the scheduler would (time is injected, not slept). */
function runAutoClose(at: Date): number[] {
  const root = process.cwd();
  const script = `Promise.all([import(${JSON.stringify(path.join(root, "db/connect.ts"))}), import(${JSON.stringify(path.join(root, "app/data/complaints/clocks.server.ts"))})])
    .then(async ([connect, complaints]) => {
      const db = connect.createDatabase(process.env.JOB_DB_URL, 1);
      const closed = await complaints.closeUnansweredComplaints(db, new Date(process.env.JOB_NOW));
      await db.destroy();
      process.stdout.write(JSON.stringify(closed));
    })`;
  const out = execFileSync("node", ["--import", "tsx", "--input-type=module", "--eval", script], {
    env: { ...process.env, JOB_DB_URL: databaseUrl(), JOB_NOW: at.toISOString() },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "[]");
}

async function as(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
  await expect(page).toHaveURL(/\/staf$/);
}

async function dukcapilPariamanId(page: Page): Promise<string> {
  const option = page.locator('optgroup[label="Pemerintah Kota Pariaman"] option', { hasText: "Dinas Kependudukan dan Pencatatan Sipil" });
  return (await option.getAttribute("value")) ?? "";
}

/** Files a complaint through the public form and returns its tracking code (from the address it lands on). */
async function fileComplaint(page: Page, body: string, options: { visibility?: RegExp; photo?: boolean } = {}): Promise<string> {
  await page.goto("/pengaduan/baru");
  await page.getByLabel("Unit layanan yang Anda adukan").selectOption(await dukcapilPariamanId(page));
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect(page.getByRole("heading", { name: "Ajukan pengaduan" })).toBeVisible();
  await page.getByLabel("Apa yang terjadi?").fill(body);
  await page.getByRole("radio", { name: options.visibility ?? /^Anonim/ }).check();
  if (options.photo) await page.locator("#attachments").setInputFiles({ name: "foto-antrean.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Kirim pengaduan" }).click();
  await expect(page).toHaveURL(/\/pengaduan\/lacak\/[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}\?baru=1$/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
}

async function openFromQueue(page: Page, code: string): Promise<string> {
  // By its code, as a handler finds one complaint among many (other tests of this worker add to the queue).
  await page.goto("/staf/pengaduan");
  await page.getByRole("searchbox", { name: "Cari" }).fill(code);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.getByRole("link", { name: code }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Pengaduan ${code}`);
  return page.url();
}

async function petugasOfficerId(): Promise<string> {
  const rows = await query<{ id: number }>("select o.id from users u join officers o on o.id = u.officer_id where u.username = 'petugas'");
  return String(rows[0]!.id);
}

test("a citizen's anonymous complaint goes from filing to closing, with the named officer's reply", async ({ page }) => {
  test.setTimeout(180_000);
  const body = `Nomor antrean KTP-el dilewati petugas (uji ${Date.now()}).`;
  const code = await fileComplaint(page, body, { photo: true });
  await expect(page.getByRole("status")).toContainText("Pengaduan Anda sudah kami terima.");
  await expect(page.getByRole("heading", { name: /Status sekarang: Diterima/ })).toBeVisible();
  await expect(page.getByText(/memeriksa dan meneruskan pengaduan Anda paling lambat/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Tracking by typing the code as it was read aloud: lower case, spaces instead of dashes.
  await page.goto("/pengaduan/lacak");
  await page.getByLabel("Kode pelacakan").fill(code.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Lacak" }).click();
  await expect(page.getByText(code)).toBeVisible();
  await expect(page.getByText(body)).toBeVisible();

  // The complaint handler verifies it and forwards it to Disdukcapil, naming the officer.
  await as(page, "pengaduan");
  const detail = await openFromQueue(page, code);
  await expect(page.getByRole("link", { name: /foto-antrean\.png/ })).toBeVisible();
  const photo = await page.request.get(await page.getByRole("link", { name: /foto-antrean\.png/ }).getAttribute("href").then((href) => href ?? ""));
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/png");
  await page.getByRole("button", { name: "Verifikasi" }).click();
  await expect(page.getByText("Tersimpan.")).toBeVisible();
  await page.getByLabel("Unit yang bertanggung jawab").selectOption({ label: "Dinas Kependudukan dan Pencatatan Sipil" });
  // The chosen unit's officers come first, each with position, unit and NIP; a search narrows the list.
  const officerList = page.getByLabel("Petugas yang diberi hak jawab (bila ada)");
  await expect(officerList.locator("optgroup").first()).toHaveAttribute("label", "Dinas Kependudukan dan Pencatatan Sipil");
  await expect(officerList.locator("option").nth(1)).toHaveText(/ · Dinas Kependudukan dan Pencatatan Sipil · NIP \d{18}$/);
  const [petugas] = await query<{ nip: string; name: string }>("select o.nip, o.name from users u join officers o on o.id = u.officer_id where u.username = 'petugas'");
  const everyone = await officerList.locator("option").count();
  await page.getByRole("searchbox", { name: "Cari nama, NIP, atau unit" }).fill(petugas!.nip);
  await expect(officerList.locator("option")).toHaveCount(2);
  await expect(officerList.locator("option").nth(1)).toContainText(petugas!.name);
  await page.getByRole("searchbox", { name: "Cari nama, NIP, atau unit" }).fill("");
  await expect(officerList.locator("option")).toHaveCount(everyone);
  await officerList.selectOption(await petugasOfficerId());
  await page.getByRole("button", { name: "Teruskan" }).click();
  await expect(page.getByText("Tersimpan.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Terverifikasi → Diteruskan" })).toBeVisible();
  // Skipping a status is refused with a clear message: closing is not possible yet.
  await expect(page.getByRole("button", { name: "Tutup", exact: true })).toHaveCount(0);

  // The head of Disdukcapil Pariaman writes the unit's follow-up.
  await as(page, "supervisor");
  await page.goto(detail);
  await page.getByLabel("Tindak lanjut", { exact: true }).fill("Petugas loket sudah diingatkan untuk memanggil sesuai nomor antrean.");
  await page.getByRole("button", { name: "Simpan tindak lanjut" }).click();
  await expect(page.getByText("Tersimpan.")).toBeVisible();

  // The named officer sees the complaint without the reporter's details and replies.
  await as(page, "petugas");
  await page.goto("/staf/kotak-masuk");
  await expect(page.getByText(`Anda disebut dalam pengaduan ${code}`)).toBeVisible();
  await page.goto(detail);
  await expect(page.getByText("Identitas pelapor tidak ditampilkan")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kontak pelapor" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Lampiran" })).toHaveCount(0);
  await page.getByLabel("Penjelasan Anda").fill("Mesin antrean sempat mati sekitar pukul sepuluh.");
  await page.getByRole("button", { name: "Kirim penjelasan" }).click();
  await expect(page.getByRole("cell", { name: "Mesin antrean sempat mati sekitar pukul sepuluh." })).toBeVisible();

  // The citizen reads the follow-up, is satisfied and rates the handling.
  await page.context().clearCookies();
  await page.goto(`/pengaduan/lacak/${code}`);
  await expect(page.getByText("Petugas loket sudah diingatkan")).toBeVisible();
  await expect(page.getByText("Mesin antrean sempat mati")).toHaveCount(0);
  // Neither answer is chosen for the citizen: sent as it comes, the form asks, beside the question.
  await expect(page.getByRole("radio", { name: "Puas, masalah selesai" })).not.toBeChecked();
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Kirim tanggapan" }).click();
  await expect(page.getByText("Pilih apakah Anda puas dengan tindak lanjutnya.")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Puas, masalah selesai" })).toBeFocused();
  await page.getByRole("radio", { name: "Puas, masalah selesai" }).check();
  await page.getByRole("radio", { name: "4 · Sangat baik" }).check();
  await page.getByRole("button", { name: "Kirim tanggapan" }).click();
  await expect(page.getByText("Terima kasih, tanggapan Anda sudah tercatat.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Status sekarang: Ditanggapi/ })).toBeVisible();

  // The handler closes it as upheld; the reply sits beside it.
  await as(page, "pengaduan");
  await page.goto(detail);
  await expect(page.getByRole("heading", { name: "Penjelasan petugas (hak jawab)" })).toBeVisible();
  await page.getByLabel("Apakah pengaduan terbukti?").selectOption("yes");
  await page.getByRole("button", { name: "Tutup", exact: true }).click();
  await page.getByRole("button", { name: "Ya, tutup pengaduan" }).click();
  await expect(page.getByText("Terbukti", { exact: true })).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`/pengaduan/lacak/${code}`);
  await expect(page.getByRole("heading", { name: /Status sekarang: Selesai/ })).toBeVisible();
});

test("a followed-up complaint without an answer closes itself after 10 working days", async ({ page }) => {
  test.setTimeout(90_000);
  const code = await fileComplaint(page, `Loket tutup sebelum jam layanan berakhir (uji ${Date.now()}).`, { visibility: /^Publik/ });
  await as(page, "pengaduan");
  const detail = await openFromQueue(page, code);
  await page.getByRole("button", { name: "Verifikasi" }).click();
  await page.getByLabel("Unit yang bertanggung jawab").selectOption({ label: "Dinas Kependudukan dan Pencatatan Sipil" });
  await page.getByRole("button", { name: "Teruskan" }).click();
  await expect(page.getByRole("cell", { name: "Terverifikasi → Diteruskan" })).toBeVisible();
  await page.getByLabel("Tindak lanjut", { exact: true }).fill("Jam layanan loket sudah diumumkan ulang dan diawasi kepala seksi.");
  await page.getByRole("button", { name: "Simpan tindak lanjut" }).click();
  await expect(page.getByRole("cell", { name: "Diteruskan → Ditindaklanjuti" })).toBeVisible();

  const [row] = await query<{ id: number; followed_up_at: Date }>("select id, followed_up_at from complaints where tracking_code = $1", [code.replace(/-/g, "")]);
  const followedUp = row!.followed_up_at;
  // Nine calendar days later is at most seven working days: nothing happens.
  expect(runAutoClose(new Date(followedUp.getTime() + 9 * 86_400_000))).not.toContain(row!.id);
  // Twenty calendar days later is past ten working days even with holidays in between.
  expect(runAutoClose(new Date(followedUp.getTime() + 20 * 86_400_000))).toContain(row!.id);

  await page.goto(detail);
  await expect(page.getByRole("cell", { name: "Ditindaklanjuti → Selesai" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Sistem" })).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`/pengaduan/lacak/${code}`);
  await expect(page.getByText("Pengaduan ditutup otomatis karena tidak ada tanggapan")).toBeVisible();
});

test("every public complaint page keeps confidential reports out and staff pages stay closed", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto("/pengaduan/baru");
  const unitId = await dukcapilPariamanId(page);
  const publicPaths = ["/pengaduan", "/pengaduan/baru", `/pengaduan/baru?unit=${unitId}`, "/pengaduan/lacak", "/pengaduan/lacak?kode=ABC", "/pengaduan/lacak/ZZZ-ZZZ-ZZZ", "/kantor/kota-pariaman/dinas-kependudukan-dan-pencatatan-sipil"];
  for (const path of publicPaths) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(400);
    expect(await response.text(), path).not.toContain(CONFIDENTIAL_DEMO_TEXT);
  }
  // An unknown code and a malformed one get the same message.
  await page.goto("/pengaduan/lacak/ZZZ-ZZZ-ZZZ");
  await expect(page.getByRole("alert")).toHaveText("Kode tidak dikenali. Periksa kembali penulisannya.");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/pengaduan/lacak?kode=12");
  await expect(page.getByRole("alert")).toHaveText("Kode tidak dikenali. Periksa kembali penulisannya.");
  // Context from the counter page is checked: an officer from elsewhere is dropped.
  const counters = await query<{ public_code: string }>("select c.public_code from counters c join units u on u.id = c.unit_id where u.id = $1 order by c.id limit 1", [Number(unitId)]);
  await page.goto(`/pengaduan/baru?loket=${counters[0]!.public_code}&petugas=999999&waktu=not-a-time`);
  await expect(page.getByText("Data loket, layanan, dan petugas diisi dari halaman penilaian.")).toBeVisible();
  await expect(page.getByLabel("Petugas yang melayani (bila tahu)")).toHaveValue("");
  // Staff pages and attachments need a sign-in.
  for (const path of ["/staf/pengaduan", "/staf/pengaduan/1", "/staf/pengaduan/lampiran/1", "/staf/kotak-masuk", "/staf/admin/libur"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    expect(response.headers().location, path).toContain("/masuk");
  }
});

test("bad input gets a clear message at the field and nothing is filed", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/pengaduan/baru");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Unit layanan yang Anda adukan").selectOption(await dukcapilPariamanId(page));
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel(/Tanggal Anda dilayani/).fill("2099-01-01");
  await page.locator("#attachments").setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: Buffer.from("MZ this is a program, not a photo") });
  await page.getByRole("button", { name: "Kirim pengaduan" }).click();
  // "Kirim" is at the bottom of a long form: the list of errors takes the focus, in view, and leads to each field.
  const summary = page.getByRole("group", { name: "Periksa kembali isian yang ditandai." });
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(page.locator("#body-error")).toHaveText("Wajib diisi.");
  await expect(page.getByLabel("Apa yang terjadi?")).toHaveAttribute("aria-invalid", "true");
  await summary.getByRole("link", { name: "Apa yang terjadi? — Wajib diisi." }).click();
  await expect(page.getByLabel("Apa yang terjadi?")).toBeFocused();
  await expect(page.getByLabel("Apa yang terjadi?")).toBeInViewport();
  await page.getByLabel("Apa yang terjadi?").fill("Isi pengaduan");
  // The page is a plain form: a browser never keeps a chosen file across a reload, so it is chosen again.
  await page.locator("#attachments").setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: Buffer.from("MZ this is a program, not a photo") });
  await page.getByRole("button", { name: "Kirim pengaduan" }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Tanggal Anda dilayani — Tanggal dilayani tidak boleh di masa depan.",
    "Foto atau dokumen (tidak wajib) — Berkas harus berupa foto JPEG atau PNG, atau dokumen PDF (diperiksa dari isinya).",
  ]);
  await expect(page.locator("#visitDate-error")).toHaveText("Tanggal dilayani tidak boleh di masa depan.");
  await expect(page.locator("#attachments-error")).toContainText("Berkas harus berupa foto JPEG atau PNG, atau dokumen PDF");
  await expect(page).toHaveURL(/\/pengaduan\/baru/);
  await expectNoSeriousA11yViolations(page);
});

test("a handler outside the unit's scope is refused, and the supervisor sees late complaints", async ({ page }) => {
  test.setTimeout(90_000);
  const [complaint] = await query<{ id: number }>("select c.id from complaints c join agencies a on a.id = c.agency_id where a.slug = 'kota-pariaman' order by c.id limit 1");
  await as(page, "supervisor.sorong");
  const response = await page.goto(`/staf/pengaduan/${complaint!.id}`);
  expect(response?.status()).toBe(404);
  await as(page, "supervisor");
  await page.goto("/staf/pengaduan?status=open&tampil=terlambat");
  await expect(page.getByText("Terlambat").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen files a complaint and tracks it", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/pengaduan/baru");
    await page.getByLabel("Unit layanan yang Anda adukan").selectOption(await dukcapilPariamanId(page));
    await page.getByRole("button", { name: "Lanjut" }).click();
    await page.getByRole("button", { name: "Kirim pengaduan" }).click();
    await expect(page.getByRole("group", { name: "Periksa kembali isian yang ditandai." })).toBeInViewport();
    await expect(page.locator("#body-error")).toHaveText("Wajib diisi.");
    await page.getByLabel("Apa yang terjadi?").fill("Tanpa JavaScript: petugas tidak ada di loket selama satu jam.");
    await page.getByRole("radio", { name: /^Rahasia/ }).check();
    await page.locator("#attachments").setInputFiles({ name: "bukti.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Kirim pengaduan" }).click();
    await expect(page).toHaveURL(/\/pengaduan\/lacak\/.+\?baru=1$/);
    const code = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    await expect(page.getByRole("heading", { name: /Status sekarang: Diterima/ })).toBeVisible();
    await page.goto("/pengaduan/lacak");
    await page.getByLabel("Kode pelacakan").fill(code);
    await page.getByRole("button", { name: "Lacak" }).click();
    await expect(page.getByText("Tanpa JavaScript: petugas tidak ada")).toBeVisible();
  });
});
