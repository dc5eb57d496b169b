import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { afterFailedAttempt, CLAIM_SECONDS } from "~/domain/mail-retry";
import { logger } from "~/platform/log.server";
import { maskAddress, type MailTransport } from "~/platform/mail.server";
import { publish } from "~/platform/pg-events.server";

// The e-mail outbox. `enqueueMail` runs inside the transaction of the event the mail reports (a rolled-back
// event sends nothing, a committed one is never lost); `deliverDueMail` is the worker's step: it claims due mail
// with a lease (FOR UPDATE SKIP LOCKED, so several processes share the work without sending a mail twice), sends
// each one and marks it sent at once, and schedules a failed one again (app/domain/mail-retry.ts).
// A worker that dies mid-batch leaves its unsent claims to the next worker once the lease has run out.
// No transaction of its own: each statement stands alone.

export interface NewMail {
  agencyId: number | null;
  /** What the mail reports (`complaint_step`, `plan_submitted`, …), for the log and the figures. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** When the event happened: the mail is due from then. */
  at: Date;
}

export async function enqueueMail(db: Kysely<Database>, mails: NewMail | readonly NewMail[]): Promise<void> {
  const list = (Array.isArray(mails) ? mails : [mails]) as readonly NewMail[];
  const rows = list.filter((mail) => mail.to.includes("@"));
  if (rows.length === 0) return;
  await db
    .insertInto("mail_outbox")
    .values(rows.map((mail) => ({ agency_id: mail.agencyId, kind: mail.kind, recipient: mail.to, subject: mail.subject, body: mail.text, created_at: mail.at, next_attempt_at: mail.at })))
    .execute();
  await publish(db, "suara_mail", String(rows.length));
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** The Message-ID of an outbox row: the same on every attempt. */
export function messageIdOf(id: number): string {
  return `<outbox-${id}@suara>`;
}

/** Sends up to `limit` due mails through `transport`. */
export async function deliverDueMail(db: Kysely<Database>, transport: MailTransport, at: Date, limit = 20): Promise<DeliveryReport> {
  const leaseEnd = new Date(at.getTime() + CLAIM_SECONDS * 1000);
  const claimed = await sql<{ id: number; recipient: string; subject: string; body: string; attempts: number; kind: string }>`
    update mail_outbox set claimed_until = ${leaseEnd}, attempts = attempts + 1
    where id in (
      select id from mail_outbox
      where sent_at is null and failed_at is null and next_attempt_at <= ${at}
        and (claimed_until is null or claimed_until < ${at})
      order by id
      limit ${limit}
      for update skip locked
    )
    returning id, recipient, subject, body, attempts, kind`.execute(db);
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (const mail of claimed.rows.sort((a, b) => a.id - b.id)) {
    try {
      await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.body, messageId: messageIdOf(mail.id) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const decision = afterFailedAttempt(mail.attempts, at);
      await db
        .updateTable("mail_outbox")
        .set(decision.kind === "retry" ? { next_attempt_at: decision.at, claimed_until: null, last_error: reason } : { failed_at: at, claimed_until: null, last_error: reason })
        .where("id", "=", mail.id)
        .execute();
      logger("suara-mail").warn({ id: mail.id, kind: mail.kind, to: maskAddress(mail.recipient), attempt: mail.attempts, reason }, decision.kind === "retry" ? "e-mail refused; will retry" : "e-mail given up");
      if (decision.kind === "retry") report.retried += 1;
      else report.failed += 1;
      continue;
    }
    await db.updateTable("mail_outbox").set({ sent_at: new Date(), claimed_until: null, last_error: null }).where("id", "=", mail.id).execute();
    report.sent += 1;
  }
  return report;
}

/** Sends until nothing is due (or `maxRounds` batches went), for the worker's wake-ups. */
export async function drainOutbox(db: Kysely<Database>, transport: MailTransport, at: () => Date, maxRounds = 10): Promise<DeliveryReport> {
  const total: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (let round = 0; round < maxRounds; round += 1) {
    const report = await deliverDueMail(db, transport, at());
    total.sent += report.sent;
    total.retried += report.retried;
    total.failed += report.failed;
    if (report.sent + report.retried + report.failed === 0) break;
  }
  return total;
}

/** Counts for the README and the operators: waiting, sent, failed. */
export async function outboxCounts(db: Kysely<Database>) {
  const row = await db
    .selectFrom("mail_outbox")
    .select([
      sql<number>`count(*) filter (where sent_at is null and failed_at is null)`.as("waiting"),
      sql<number>`count(*) filter (where sent_at is not null)`.as("sent"),
      sql<number>`count(*) filter (where failed_at is not null)`.as("failed"),
    ])
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), sent: Number(row.sent), failed: Number(row.failed) };
}
