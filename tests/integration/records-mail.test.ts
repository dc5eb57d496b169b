import { afterAll, describe, expect, it } from "vitest";
import { decideObjection, finaliseAssessment, respondToAssessment } from "~/data/assessments/commands.server";
import { deliverDueMail } from "~/data/mail-outbox.server";
import { inboxOf } from "~/data/notifications.server";
import { addFeedback } from "~/data/skp/period.server";
import { smtpTransport } from "~/platform/mail.server";
import { startTestSmtpServer } from "../support/smtp";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";

// The performance record's notices reach people: the inbox and an e-mail read back from a real SMTP server.
describe("performance record notices by e-mail", async () => {
  const { db } = await freshDemoDatabase();
  const smtp = await startTestSmtpServer();
  const transport = smtpTransport(smtp.url, "Suara <no-reply@suara.test>");
  afterAll(async () => {
    transport.close();
    await smtp.close();
  });
  const petugas = await demoStaff(db, "petugas");
  const kabid = await demoStaff(db, "kabid.dukcapil");
  const head = await demoStaff(db, "supervisor");
  await db.updateTable("users").set({ email: "petugas@dukcapil.pariamankota.go.id" }).where("id", "=", petugas.id).execute();
  await db.updateTable("mail_outbox").set({ sent_at: new Date() }).where("sent_at", "is", null).execute();
  const plan = await db.selectFrom("skp_plans").select(["id", "period_end"]).where("officer_id", "=", petugas.officerId!).executeTakeFirstOrThrow();
  const afterPeriod = new Date(`${plan.period_end}T05:00:00Z`);
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to && "text" in m.to && m.to.text.includes(address));

  it("feedback from the supervisor: the officer's inbox and an e-mail with the note", async () => {
    expect((await addFeedback(db, kabid, plan.id, { body: "Catat jumlah siswa per kunjungan.", achievementId: null }, afterPeriod)).ok).toBe(true);
    expect((await inboxOf(db, petugas.id)).map((n) => n.kind)).toContain("skp_feedback");
    expect((await deliverDueMail(db, transport, afterPeriod)).sent).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(1);
    const [mail] = mailsTo("petugas@dukcapil.pariamankota.go.id");
    expect(mail?.subject).toMatch(/umpan balik/);
    expect(mail?.text).toContain("Catat jumlah siswa per kunjungan.");
    expect(mail?.text).toContain(`/staf/skp/${plan.id}`);
  });

  it("finalising tells the officer the predikat and the last day to object; the decision is mailed too", async () => {
    const before = new Date(`${plan.period_end}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 2);
    const ratings = { ratingHasilKerja: "sesuai", ratingPerilaku: "sesuai", justificationHasilKerja: "Dibahas dalam dialog kinerja akhir periode.", justificationPerilaku: "Dibahas dalam dialog kinerja akhir periode." } as const;
    expect(await finaliseAssessment(db, kabid, plan.id, ratings, before)).toEqual({ ok: false, reason: "periodNotOver" });
    const finalised = await finaliseAssessment(db, kabid, plan.id, ratings, afterPeriod);
    expect(finalised.ok).toBe(true);
    await deliverDueMail(db, transport, afterPeriod);
    await smtp.waitFor(2);
    const mail = mailsTo("petugas@dukcapil.pariamankota.go.id").find((m) => m.subject?.includes("hasil penilaian"));
    expect(mail?.text).toMatch(/predikat Baik/);
    // 14 calendar days after receipt (PP 30/2019 Pasal 59), the day in words.
    const last = new Date(afterPeriod.getTime() + 14 * 86_400_000);
    const words = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Jakarta" }).format(last);
    expect(mail?.text).toContain(`paling lambat ${words}`);

    expect((await respondToAssessment(db, petugas, plan.id, { kind: "objected", reason: "Ulasan rekan belum dipertimbangkan." }, afterPeriod)).ok).toBe(true);
    expect((await decideObjection(db, head, plan.id, { outcome: "rejected", reason: "Bukti sudah dipertimbangkan." }, afterPeriod)).ok).toBe(true);
    await deliverDueMail(db, transport, afterPeriod);
    await smtp.waitFor(3);
    const decided = mailsTo("petugas@dukcapil.pariamankota.go.id").find((m) => m.subject?.includes("keputusan atas keberatan"));
    expect(decided?.text).toContain("ditolak, penilaian tetap");
    expect(decided?.text).toContain("Bukti sudah dipertimbangkan.");
    expect((await inboxOf(db, petugas.id)).map((n) => n.kind)).toEqual(expect.arrayContaining(["skp_assessment_finalised", "skp_objection_decided"]));
  });
});
