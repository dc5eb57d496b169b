import nodemailer from "nodemailer";
import { env } from "./env.server";
import { logger } from "./log.server";

// The portal's way out to e-mail. SMTP_URL names the mail server (smtp://user:pass@host:587, smtps://… for TLS
// from the start; credentials URL-encoded); MAIL_FROM the sender. Without SMTP_URL a mail is written to the log
// (address masked) instead, so nothing external is needed to run the portal. Callers never send from a request:
// they write to the outbox (app/data/mail-outbox.server.ts), whose worker calls `send`.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row, so a mail sent twice after a crash is recognisable as the same message. */
  messageId: string;
}

export interface MailTransport {
  /** Resolves when the mail server accepted the message; rejects with the server's reason otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
    close() {
      transporter.close();
    },
  };
}

export const loggingTransport: MailTransport = {
  async send(mail) {
    logger("suara-mail").info({ to: maskAddress(mail.to), subject: mail.subject }, "e-mail not sent (SMTP_URL is not set)");
  },
  close() {},
};

let current: MailTransport | undefined;

/** The transport the settings ask for, made once per process. */
export function mailTransport(): MailTransport {
  if (!current) {
    const settings = env();
    current = settings.SMTP_URL ? smtpTransport(settings.SMTP_URL, settings.MAIL_FROM) : loggingTransport;
  }
  return current;
}

export function maskAddress(address: string): string {
  const [user = "", domain = ""] = address.split("@");
  return `${user.slice(0, 1)}***@${domain}`;
}
