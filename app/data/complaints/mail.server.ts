import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { env } from "~/platform/env.server";
import { enqueueMail } from "../mail-outbox.server";
import mailTexts from "../../../public/locales/id/complaints.json";
import type { Db } from "./rows.server";

// Mail to a citizen who left an address. The texts are the Indonesian locale file's (the citizen's
// language is not known after filing); imported directly so that the seed and the CLI, run outside Vite,
// send the same words. Runs inside the step's transaction: the mail goes to the outbox with the step.

/** Puts the e-mail telling a citizen who left an address that their complaint has moved on into the outbox. */
export async function mailCitizen(db: Db, complaintId: number, agencyId: number, trackingCode: string, at: Date): Promise<void> {
  const contact = await db.selectFrom("complaint_contacts").select("email").where("complaint_id", "=", complaintId).executeTakeFirst();
  if (!contact?.email) return;
  const code = formatTrackingCode(trackingCode);
  const texts = mailTexts.complaints.mail;
  await enqueueMail(db, {
    agencyId,
    kind: "complaint_step",
    at,
    to: contact.email,
    subject: texts.subject.replace("{{code}}", code),
    text: texts.body.replace("{{code}}", code).replace("{{path}}", `${env().PUBLIC_BASE_URL ?? ""}/pengaduan/lacak/${code}`),
  });
}
