import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { hashPassword } from "../../app/platform/password.server";
import { demoAccount } from "./demo-organisation";
import { periodContaining } from "../../app/domain/skp";
import { addCalendarDays, localDateOf } from "../../app/domain/working-days";
import type { Viewer } from "../../app/data/skp/access.server";
import { addResult, createPlan, decidePlan, saveBehaviours, submitPlan } from "../../app/data/skp/commands.server";
import { addAchievement, addFeedback, changePeer } from "../../app/data/skp/period.server";

const DEMO_PASSWORD = "Suara-Demo-2026";

/**
 * Performance records for the demo. The `petugas` officer's direct supervisor (a Kepala Bidang, the assessor)
 * gets a sign-in, `kabid.dukcapil`; `supervisor` (the head of the Dinas) is the assessor's own supervisor and
 * decides objections. A counter colleague, `rekan.petugas`, can be chosen as a peer reviewer.
 * Writes an approved SKP for the quarter before the current one, with achievements and a feedback note,
 * through the same commands the pages use (so the audit log holds every step).
 */
export async function seedAssessments(db: Kysely<Database>): Promise<void> {
  const petugas = await db
    .selectFrom("users")
    .innerJoin("officers", "officers.id", "users.officer_id")
    .select([
      "users.id as userId",
      "officers.id as officerId",
      "officers.supervisor_id as supervisorId",
      "officers.unit_id as unitId",
    ])
    .where("users.username", "=", "petugas")
    .executeTakeFirst();
  if (!petugas?.supervisorId) return;
  const exists = await db.selectFrom("users").select("id").where("username", "=", "kabid.dukcapil").executeTakeFirst();
  if (exists) return;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const account = async (username: string, officerId: number, roles: ("supervisor" | "officer")[]) => {
    const officer = await db
      .selectFrom("officers")
      .select("name")
      .where("id", "=", officerId)
      .executeTakeFirstOrThrow();
    const userId = await demoAccount(db, { username, officerId, displayName: officer.name, passwordHash });
    for (const role of roles)
      await db.insertInto("user_roles").values({ user_id: userId, role, unit_id: petugas.unitId }).onConflict((oc) => oc.doNothing()).execute();
    return userId;
  };
  const kabidUserId = await account("kabid.dukcapil", petugas.supervisorId, ["supervisor", "officer"]);
  const colleague = await db
    .selectFrom("officers")
    .leftJoin("users", "users.officer_id", "officers.id")
    .select("officers.id")
    .where("officers.unit_id", "=", petugas.unitId)
    .where("officers.supervisor_id", "=", petugas.supervisorId)
    .where("officers.id", "!=", petugas.officerId)
    // Not yet a demo sign-in: no account, or the imported one awaiting activation (username = NIP).
    .where((eb) => eb.or([eb("users.id", "is", null), eb("users.username", "=", eb.ref("officers.nip"))]))
    .orderBy("officers.id")
    .executeTakeFirst();
  if (colleague) await account("rekan.petugas", colleague.id, ["officer"]);

  const officer: Viewer = { id: petugas.userId, officerId: petugas.officerId, grants: [] };
  const assessor: Viewer = { id: kabidUserId, officerId: petugas.supervisorId, grants: [] };
  const now = new Date();
  const today = localDateOf(now);
  const current = periodContaining("quarterly", today);
  const previous = periodContaining("quarterly", addCalendarDays(current.start, -1));

  const created = await createPlan(db, officer, { kind: "quarterly", start: previous.start });
  if (!created.ok) return;
  const planId = created.planId;
  await addResult(db, officer, planId, {
    description: "Pelayanan perekaman KTP-el di loket",
    indicator: "Jumlah perekaman KTP-el yang diselesaikan",
    target: 600,
    unitOfMeasure: "perekaman",
    portalIndicator: null,
  });
  await addResult(db, officer, planId, {
    description: "Verifikasi berkas Kartu Keluarga",
    indicator: "Berkas KK yang diverifikasi lengkap pada hari yang sama",
    target: 300,
    unitOfMeasure: "berkas",
    portalIndicator: null,
  });
  await addResult(db, officer, planId, {
    description: "Kepuasan warga atas layanan di loket",
    indicator: "Skor layanan petugas dari penilaian warga (skala 1–4)",
    target: 3.3,
    unitOfMeasure: "skor",
    portalIndicator: "officer_service_score",
  });
  await saveBehaviours(db, officer, planId, {
    berorientasi_pelayanan: "Menjelaskan persyaratan dengan bahasa sederhana sebelum warga mengantre.",
    akuntabel: "Mencatat setiap berkas yang ditolak beserta alasannya.",
    kompeten: "",
    harmonis: "",
    loyal: "",
    adaptif: "Membantu warga memakai layanan antrean daring.",
    kolaboratif: "",
  });
  await submitPlan(db, officer, planId, new Date(`${previous.start}T02:00:00Z`));
  await decidePlan(
    db,
    assessor,
    planId,
    { action: "approve" },
    new Date(`${addCalendarDays(previous.start, 2)}T03:00:00Z`),
  );

  const results = await db
    .selectFrom("skp_results")
    .select(["id", "position"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const entries: { day: number; text: string; result: number; quantity: number }[] = [
    {
      day: 20,
      text: "Perekaman KTP-el bulan pertama, termasuk layanan jemput bola di SMA 2.",
      result: 0,
      quantity: 215,
    },
    { day: 27, text: "Verifikasi berkas KK bulan pertama.", result: 1, quantity: 98 },
    { day: 50, text: "Perekaman KTP-el bulan kedua.", result: 0, quantity: 204 },
    {
      day: 57,
      text: "Verifikasi berkas KK bulan kedua; dua berkas dikembalikan karena akta tidak terbaca.",
      result: 1,
      quantity: 104,
    },
    { day: 80, text: "Perekaman KTP-el bulan ketiga.", result: 0, quantity: 198 },
    { day: 85, text: "Verifikasi berkas KK bulan ketiga.", result: 1, quantity: 101 },
  ];
  let firstAchievement: number | null = null;
  for (const entry of entries) {
    const achievedOn = addCalendarDays(previous.start, entry.day);
    if (achievedOn > previous.end) continue;
    const added = await addAchievement(
      db,
      officer,
      planId,
      {
        achievedOn,
        description: entry.text,
        resultId: results[entry.result]!.id,
        quantity: entry.quantity,
        file: null,
      },
      // Logged on the day, as the back-dating window asks.
      { now: new Date(`${achievedOn}T09:00:00Z`), timeZone: "Asia/Jakarta", evidenceDir: "" },
    );
    if (added.ok) firstAchievement ??= added.achievementId;
  }
  await addFeedback(db, assessor, planId, {
    body: "Layanan jemput bola di sekolah sangat membantu; tolong catat jumlah siswa yang direkam per kunjungan.",
    achievementId: firstAchievement,
  }, new Date(`${addCalendarDays(previous.start, 21)}T03:00:00Z`));
  if (colleague) await changePeer(db, assessor, planId, { action: "add", peerOfficerId: colleague.id }, new Date(`${addCalendarDays(previous.start, 3)}T03:00:00Z`));
}
