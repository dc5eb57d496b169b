import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { ElementCode } from "../../app/domain/indicators/elements";
import { previousPeriod } from "../../app/domain/indicators/period";
import { addCalendarDays, localDateOf } from "../../app/domain/working-days";
import { roleGrantsOf } from "../../app/data/users.server";
import { lastCompleteQuarter, publicSubject, publishedIkmFor } from "../../app/data/public-results.server";
import { addRecommendation, changeRecommendationStatus } from "../../app/data/skm-recommendations.server";

// Demo recommendations of the Disdukcapil of Kota Pariaman, through the same data functions as the SKM report
// page: for the last complete quarter, two about its lowest element (one in progress, one planned) and one done;
// for the quarter before, one done, one late, one planned for a service. The public unit page then shows what the
// unit committed to, with every status.

const ACTIONS: Record<ElementCode, string> = {
  U1: "Menempel daftar persyaratan setiap layanan di depan loket dan mengumumkannya di media sosial dinas.",
  U2: "Menyederhanakan alur pelayanan menjadi satu pintu dengan papan petunjuk langkah demi langkah.",
  U3: "Menambah satu loket perekaman KTP-el pada hari Senin dan Selasa agar antrean tidak lewat dari satu jam.",
  U4: "Memasang pengumuman bahwa semua layanan adminduk gratis, dengan nomor pengaduan pungutan liar.",
  U5: "Memeriksa ulang data sebelum dokumen dicetak agar tidak ada lagi salah ketik nama dan tanggal lahir.",
  U6: "Melatih petugas loket tentang aturan pindah domisili dan akta kelahiran terbaru.",
  U7: "Melatih petugas loket dalam melayani dengan ramah, terutama bagi lansia dan penyandang disabilitas.",
  U8: "Membalas setiap pengaduan WhatsApp dalam satu hari kerja dan membuka kotak saran setiap Jumat.",
  U9: "Memperbaiki kipas angin dan menambah kursi di ruang tunggu, serta membersihkan toilet dua kali sehari.",
};

const FURTHER: Record<ElementCode, string> = {
  U1: "Menyediakan formulir isian yang bisa diunduh dari situs dinas sebelum warga datang.",
  U2: "Membuka antrean daring untuk layanan akta kelahiran.",
  U3: "Mengumumkan waktu tunggu rata-rata setiap minggu di ruang tunggu.",
  U4: "Menyediakan materai dan map di loket tanpa biaya tambahan bagi warga.",
  U5: "Menyediakan cetak ulang gratis pada hari yang sama untuk dokumen yang salah cetak.",
  U6: "Menyusun buku saku tanya-jawab untuk petugas loket.",
  U7: "Meminta warga menilai sikap petugas setiap bulan dan membahas hasilnya dalam rapat staf.",
  U8: "Menampilkan jumlah pengaduan dan tindak lanjutnya di papan informasi setiap bulan.",
  U9: "Menyediakan ruang laktasi dan kursi roda di ruang tunggu.",
};

export async function seedRecommendations(db: Kysely<Database>): Promise<void> {
  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "agencies.time_zone"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirst();
  const user = await db.selectFrom("users").select("id").where("username", "=", "supervisor").executeTakeFirst();
  if (!unit || !user) return;
  const subject = await publicSubject(db, { kind: "unit", unitId: unit.id });
  if (!subject) return;
  const actor = { userId: user.id, grants: await roleGrantsOf(db, user.id) };
  const now = new Date();
  const today = localDateOf(now, unit.time_zone);
  const quarter = lastCompleteQuarter(now, unit.time_zone);
  const before = previousPeriod(quarter);
  const { published } = await publishedIkmFor(db, subject, quarter);
  const lowest: ElementCode = published.kind === "published" && published.lowest ? published.lowest : "U3";
  const other: ElementCode = lowest === "U1" ? "U9" : "U1";
  const service = await db.selectFrom("services").select("id").where("unit_id", "=", unit.id).orderBy("id").executeTakeFirst();

  const add = async (period: typeof quarter, element: ElementCode, action: string, responsible: string, dueOn: string, serviceId: number | null = null) => {
    const result = await addRecommendation(db, actor, { unitId: unit.id, period, serviceId, element, action, responsible, dueOn });
    if (!result.ok) throw new Error(`demo recommendation refused: ${JSON.stringify(result)}`);
    return result.id;
  };
  const move = async (recommendationId: number, status: "in_progress" | "done", notedOn: string, note: string, evidence = "") => {
    const result = await changeRecommendationStatus(db, actor, { recommendationId, unitId: unit.id, status, note, evidence, notedOn, today });
    if (!result.ok) throw new Error(`demo recommendation update refused: ${JSON.stringify(result)}`);
  };
  // Dates relative to today, never before the period began nor after today.
  const dayOf = (offset: number, floor: string) => {
    const day = addCalendarDays(today, offset);
    return day < floor ? floor : day;
  };

  // The last complete quarter's report.
  const first = await add(quarter, lowest, ACTIONS[lowest], "Kepala Bidang Pelayanan Pendaftaran Penduduk", addCalendarDays(today, 45));
  await move(first, "in_progress", dayOf(-20, quarter.from), "Pekerjaan sudah dimulai: tahap pertama selesai, tahap kedua dijadwalkan bulan depan.");
  await add(quarter, lowest, FURTHER[lowest], "Sekretaris Dinas", addCalendarDays(today, 90));
  const third = await add(quarter, other, ACTIONS[other], "Kepala Seksi Pelayanan", dayOf(-10, quarter.from));
  await move(third, "in_progress", dayOf(-30, quarter.from), "Pekerjaan sudah dimulai dan bahannya sedang disiapkan.");
  await move(third, "done", dayOf(-12, quarter.from), "Sudah dikerjakan di semua loket dan diumumkan di Instagram dinas.", "Foto sebelum dan sesudah di loket 1–4, diunggah di Instagram dinas");

  // The quarter before: what the unit said then, and what it did.
  const done = await add(before, "U4", ACTIONS.U4, "Kepala Seksi Pelayanan", addCalendarDays(before.to, 30));
  await move(done, "done", addCalendarDays(before.to, 20), "Pengumuman layanan gratis dan nomor pengaduan pungli terpasang di pintu masuk dan setiap loket.", "Surat Edaran Kepala Dinas Nomor 470/112/Dukcapil/2026");
  const late = await add(before, "U3", ACTIONS.U3, "Kepala Bidang Pelayanan Pendaftaran Penduduk", addCalendarDays(before.to, 45));
  await move(late, "in_progress", addCalendarDays(before.to, 10), "Satu petugas tambahan sudah dilatih; perangkat perekaman kedua masih menunggu pengadaan.");
  await add(before, "U2", "Menempatkan petugas informasi di pintu masuk untuk menjelaskan alur pelayanan KTP-el.", "Sekretaris Dinas", addCalendarDays(today, 60), service?.id ?? null);
}
