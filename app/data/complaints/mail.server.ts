import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { mailAdapter } from "../notifications.server";
import mailTexts from "../../../public/locales/id/complaints.json";
import type { Db } from "./rows.server";

// Mail to a citizen who left an address. The texts are the Indonesian locale file's (the citizen's
// language is not known after filing); imported directly so that the seed and the CLI, run outside Vite,
// send the same words. Read only: no transaction.

/** E-mails a citizen who left an address that their complaint has moved on (the tracking page has the rest). */
export async function mailCitizen(db: Db, complaintId: number, trackingCode: string): Promise<void> {
  const contact = await db.selectFrom("complaint_contacts").select("email").where("complaint_id", "=", complaintId).executeTakeFirst();
  if (!contact?.email) return;
  const code = formatTrackingCode(trackingCode);
  const texts = mailTexts.complaints.mail;
  await mailAdapter().send({
    to: contact.email,
    subject: texts.subject.replace("{{code}}", code),
    text: texts.body.replace("{{code}}", code).replace("{{path}}", `/pengaduan/lacak/${code}`),
  });
}

