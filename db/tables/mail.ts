import type { Generated } from "kysely";
import type { Columns, Timestamp } from "./columns";

/** One e-mail to send: written with the event it reports, sent by the outbox worker. */
export interface MailOutboxTable {
  id: Generated<number>;
  agency_id: number | null;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: Generated<Date>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  claimed_until: Timestamp | null;
  sent_at: Timestamp | null;
  failed_at: Timestamp | null;
  last_error: string | null;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
}

export const MAIL_COLUMNS = {
  mail_outbox: {
    id: true,
    agency_id: true,
    kind: true,
    recipient: true,
    subject: true,
    body: true,
    created_at: true,
    attempts: true,
    next_attempt_at: true,
    claimed_until: true,
    sent_at: true,
    failed_at: true,
    last_error: true,
  },
} satisfies Columns<MailTables>;
