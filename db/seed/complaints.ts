import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { submitComplaint } from "../../app/data/complaints/intake.server";
import { type StaffActor } from "../../app/data/complaints/rows.server";
import { actOnComplaint } from "../../app/data/complaints/steps.server";
import { respondAsCitizen } from "../../app/data/complaints/tracking.server";

const DAY = 86_400_000;

/**
 * A handful of complaints in Kota Pariaman, in various states, written through the same commands the pages
 * use: one past its verification deadline, one anonymous and public (closed), one confidential, one naming
 * the `petugas` officer (who has replied), and a fresh suggestion. Times are relative to the seeding moment.
 */
export async function seedComplaints(db: Kysely<Database>): Promise<void> {
  const any = await db.selectFrom("complaints").select("id").limit(1).executeTakeFirst();
  if (any) return;
  const units = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.kind", "units.slug"])
    .where("agencies.slug", "=", "kota-pariaman")
    .execute();
  const dukcapil = units.find((unit) => unit.slug === "dinas-kependudukan-dan-pencatatan-sipil");
  const puskesmas = units.find((unit) => unit.kind === "puskesmas");
  const handler = await staffActor(db, "pengaduan");
  const head = await staffActor(db, "supervisor");
  const officer = await staffActor(db, "petugas");
  if (!dukcapil || !puskesmas || !handler || !head || !officer?.officerId) return;

  const now = Date.now();
  // 09:00 WIB (02:00 UTC) on the day so many days ago, never later than a minute before now.
  const at = (daysAgo: number, hour = 2) => new Date(Math.min(now - 60_000, Math.floor((now - daysAgo * DAY) / DAY) * DAY + hour * 3_600_000));
  const date = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);
  const file = async (daysAgo: number, input: Omit<Parameters<typeof submitComplaint>[1], "visitDate"> & { visitDaysAgo?: number }) => {
    const result = await submitComplaint(db, { ...input, visitDate: date(input.visitDaysAgo ?? daysAgo) }, at(daysAgo));
    if (!result.ok) throw new Error(`demo complaint refused: ${JSON.stringify(result.errors)}`);
    return result;
  };
  const dukcapilId = String(dukcapil.id);

  // 1. Waiting for verification well past its 3 working days.
  await file(9, { unitId: dukcapil.id, category: "pengaduan", visibility: "public", body: "Sudah tiga kali datang untuk mengambil KTP-el, selalu dikatakan blanko habis tanpa kepastian kapan tersedia." });

  // 2. Anonymous and public: followed up, the citizen was satisfied, closed.
  const anonymous = await file(12, { unitId: dukcapil.id, category: "pengaduan", visibility: "anonim", body: "Nomor antrean dipanggil tidak berurutan; beberapa orang yang datang belakangan dilayani lebih dulu." });
  must(await actOnComplaint(db, handler, anonymous.complaintId, { type: "verify", category: "pengaduan", visibility: "anonim" }, at(11)));
  must(await actOnComplaint(db, handler, anonymous.complaintId, { type: "forward", unitId: dukcapilId }, at(11, 3)));
  must(await actOnComplaint(db, head, anonymous.complaintId, { type: "follow_up", text: "Mesin antrean sudah diperbaiki dan petugas loket diminta memanggil sesuai nomor. Terima kasih atas laporannya." }, at(9)));
  must(await respondAsCitizen(db, anonymous.trackingCode, { satisfied: true, handlingRating: 3 }, at(8)));
  must(await actOnComplaint(db, handler, anonymous.complaintId, { type: "close", upheld: true }, at(8, 4)));

  // 3. Confidential, with contact details, forwarded and waiting for the unit.
  const confidential = await file(4, {
    unitId: dukcapil.id,
    category: "pengaduan",
    visibility: "rahasia",
    body: "Saya diminta membayar Rp50.000 agar akta kelahiran anak saya selesai hari itu juga.",
    contact: { name: "Warga Pariaman", phone: "0812 0000 0000" },
  });
  must(await actOnComplaint(db, handler, confidential.complaintId, { type: "verify", category: "pengaduan", visibility: "rahasia" }, at(3)));
  must(await actOnComplaint(db, handler, confidential.complaintId, { type: "forward", unitId: dukcapilId }, at(3, 3)));

  // 4. Naming the petugas officer, who has replied; the unit's follow-up is due.
  const named = await file(3, { unitId: dukcapil.id, category: "pengaduan", visibility: "anonim", officerId: officer.officerId, body: "Petugas di loket berbicara dengan nada tinggi ketika saya bertanya tentang persyaratan Kartu Keluarga." });
  must(await actOnComplaint(db, handler, named.complaintId, { type: "verify", category: "pengaduan", visibility: "anonim" }, at(2)));
  must(await actOnComplaint(db, handler, named.complaintId, { type: "forward", unitId: dukcapilId, officerId: String(officer.officerId) }, at(2, 3)));
  must(await actOnComplaint(db, officer, named.complaintId, { type: "officer_reply", text: "Pada hari itu antrean sangat panjang dan ruang tunggu bising; saya mohon maaf bila terdengar kasar." }, at(1)));

  // 5. A fresh suggestion for the puskesmas.
  await file(0, { unitId: puskesmas.id, category: "aspirasi", visibility: "public", body: "Mohon disediakan kursi tambahan di ruang tunggu poli umum pada pagi hari." });
}

function must(result: { ok: boolean }): void {
  if (!result.ok) throw new Error(`demo complaint step refused: ${JSON.stringify(result)}`);
}

async function staffActor(db: Kysely<Database>, username: string): Promise<StaffActor | null> {
  const user = await db.selectFrom("users").select(["id", "officer_id"]).where("username", "=", username).executeTakeFirst();
  if (!user) return null;
  const grants = await db
    .selectFrom("user_roles")
    .innerJoin("units", "units.id", "user_roles.unit_id")
    .select(["user_roles.role", "user_roles.unit_id as unitId", "units.path as unitPath"])
    .where("user_roles.user_id", "=", user.id)
    .execute();
  return { id: user.id, officerId: user.officer_id, grants };
}
