import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { submitComplaint } from "~/data/complaints/intake.server";
import { actOnComplaint } from "~/data/complaints/steps.server";
import { deliverDueMail, enqueueMail, messageIdOf, outboxCounts } from "~/data/mail-outbox.server";
import { startMailWorker } from "~/data/mail-worker.server";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { CLAIM_SECONDS } from "~/domain/mail-retry";
import { smtpTransport, type MailTransport } from "~/platform/mail.server";
import { EventHub } from "~/platform/pg-events.server";
import { startTestSmtpServer } from "../support/smtp";
import { freshDatabase, freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";

const AT = new Date("2026-11-23T02:00:00Z");
const later = (seconds: number) => new Date(AT.getTime() + seconds * 1000);
const mail = (n: number, at = AT) => ({ agencyId: null, kind: "test", to: `pegawai${n}@contoh.go.id`, subject: `Surat ${n}`, text: `Isi surat ${n}`, at });

describe("the e-mail outbox, through a real SMTP server", async () => {
  const { db, url } = await freshDatabase();
  const smtp = await startTestSmtpServer();
  const transport = smtpTransport(smtp.url, "Suara <no-reply@suara.test>");
  afterAll(async () => {
    transport.close();
    await smtp.close();
  });
  beforeEach(async () => {
    await db.deleteFrom("mail_outbox").execute();
    smtp.messages.length = 0;
  });

  it("sends a mail written with its event; a rolled-back event leaves nothing to send", async () => {
    await db.transaction().execute((trx) => enqueueMail(trx, mail(1)));
    await db
      .transaction()
      .execute(async (trx) => {
        await enqueueMail(trx, mail(2));
        throw new Error("the event failed");
      })
      .catch(() => undefined);
    expect(await deliverDueMail(db, transport, AT)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [message] = await smtp.waitFor(1);
    expect(message?.subject).toBe("Surat 1");
    expect(message?.text?.trim()).toBe("Isi surat 1");
    expect(message?.from?.text).toContain("no-reply@suara.test");
    expect(smtp.messages).toHaveLength(1);
    expect(await outboxCounts(db)).toEqual({ waiting: 0, sent: 1, failed: 0 });
  });

  it("retries a mail the server refused, a minute later, and then delivers it once", async () => {
    await enqueueMail(db, mail(3));
    smtp.refuseNext(1);
    expect(await deliverDueMail(db, transport, AT)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await deliverDueMail(db, transport, later(30))).toEqual({ sent: 0, retried: 0, failed: 0 });
    const row = await db.selectFrom("mail_outbox").selectAll().executeTakeFirstOrThrow();
    expect(row.last_error).toMatch(/451/);
    expect(row.next_attempt_at.toISOString()).toBe(later(60).toISOString());
    expect(await deliverDueMail(db, transport, later(61))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await smtp.waitFor(1)).map((m) => m.subject)).toEqual(["Surat 3"]);
  });

  it("a worker stopped mid-send leaves the rest to the next one: each mail is sent once", async () => {
    await enqueueMail(db, [mail(4), mail(5), mail(6)]);
    // The first worker sends one mail, then hangs on the second (a process killed in the middle of a batch).
    let calls = 0;
    const dying: MailTransport = {
      async send(message) {
        calls += 1;
        if (calls === 1) return transport.send(message);
        await new Promise(() => undefined);
      },
      close() {},
    };
    void deliverDueMail(db, dying, AT);
    await smtp.waitFor(1);
    await expect.poll(async () => (await outboxCounts(db)).sent).toBe(1);
    // The restarted process: before the lease ends nothing is taken again; after it, the two unsent mails go.
    expect(await deliverDueMail(db, transport, later(CLAIM_SECONDS - 1))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverDueMail(db, transport, later(CLAIM_SECONDS + 1))).toEqual({ sent: 2, retried: 0, failed: 0 });
    await smtp.waitFor(3);
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(["Surat 4", "Surat 5", "Surat 6"]);
    const ids = (await db.selectFrom("mail_outbox").select("id").orderBy("id").execute()).map((row) => messageIdOf(row.id));
    expect(smtp.messages.map((m) => m.messageId).sort()).toEqual(ids.sort());
  });

  it("a mail server down for a day: the mail is marked failed after the last attempt, not retried forever", async () => {
    await enqueueMail(db, mail(7));
    const down: MailTransport = { send: () => Promise.reject(new Error("connect ECONNREFUSED")), close() {} };
    let at = AT;
    const outcomes = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      outcomes.push(await deliverDueMail(db, down, at));
      at = new Date(at.getTime() + 13 * 3600 * 1000);
    }
    expect(outcomes.map((o) => o.retried).reduce((a, b) => a + b)).toBe(6);
    expect(outcomes.map((o) => o.failed).reduce((a, b) => a + b)).toBe(1);
    expect(await outboxCounts(db)).toEqual({ waiting: 0, sent: 0, failed: 1 });
  });

  it("the worker is woken by the committing transaction (LISTEN/NOTIFY), without waiting for its sweep", async () => {
    const hub = new EventHub(url);
    const worker = await startMailWorker(db, transport, hub, () => new Date(), 3_600_000);
    try {
      await worker.idle();
      const start = Date.now();
      await db.transaction().execute((trx) => enqueueMail(trx, [mail(8, new Date()), mail(9, new Date())]));
      const messages = await smtp.waitFor(2, 5_000);
      expect(messages.map((m) => m.subject).sort()).toEqual(["Surat 8", "Surat 9"]);
      expect(Date.now() - start).toBeLessThan(5_000);
    } finally {
      await worker.stop();
      await hub.close();
    }
  });
});

describe("a complaint step mails the citizen who left an address", async () => {
  const { db } = await freshDemoDatabase();
  const smtp = await startTestSmtpServer();
  const transport = smtpTransport(smtp.url, "Suara <no-reply@suara.test>");
  afterAll(async () => {
    transport.close();
    await smtp.close();
  });
  const MONDAY = new Date("2030-11-25T02:00:00Z");

  it("verifying the complaint puts one mail in the outbox, which arrives with the tracking code", async () => {
    const seeded = await outboxCounts(db);
    const unit = await db
      .selectFrom("units")
      .innerJoin("agencies", "agencies.id", "units.agency_id")
      .select("units.id")
      .where("agencies.slug", "=", "kota-pariaman")
      .where("units.slug", "=", "dinas-kependudukan-dan-pencatatan-sipil")
      .executeTakeFirstOrThrow();
    const filed = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: "Antrean tidak dipanggil.", visitDate: "2030-11-22", visibility: "public", contact: { name: "Siti", email: "siti@contoh.id" } }, MONDAY);
    expect(filed.ok).toBe(true);
    if (!filed.ok) return;
    const handler = await demoStaff(db, "pengaduan");
    expect(await actOnComplaint(db, handler, filed.complaintId, { type: "verify", category: "pengaduan", visibility: "public" }, MONDAY)).toEqual({ ok: true });
    expect((await outboxCounts(db)).waiting).toBe(seeded.waiting + 1);
    await db.updateTable("mail_outbox").set({ sent_at: MONDAY }).where("recipient", "!=", "siti@contoh.id").where("sent_at", "is", null).execute();
    expect((await deliverDueMail(db, transport, MONDAY)).sent).toBe(1);
    const [message] = await smtp.waitFor(1);
    const code = formatTrackingCode(filed.trackingCode);
    expect(message?.to && "text" in message.to ? message.to.text : "").toContain("siti@contoh.id");
    expect(message?.subject).toContain(code);
    expect(message?.text).toContain(`/pengaduan/lacak/${code}`);
  });
});
