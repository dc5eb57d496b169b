import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Period } from "~/domain/indicators/period";
import { addCalendarDays, startOfLocalDay } from "~/domain/working-days";
import type { PublicSubject } from "./public-results.server";
import { PUBLIC_VISIBILITIES, PUBLICLY_SHOWN_STATUSES, publicReporterName } from "./complaints/figures.server";

// A unit's complaints as open data (in the spirit of Open311 GeoReport v2). Read only: no transaction.

export interface PublicComplaintRequest {
  id: number;
  status: string;
  serviceName: string | null;
  body: string;
  submittedAt: Date;
  updatedAt: Date;
  responsibleUnitName: string;
  category: string | null;
  reporterName: string | null;
  followUp: string | null;
}

/**
 * The unit's (subtree's) public and anonymous complaints received in the period, once verified: never a
 * confidential one, never a contact, a name only for a public report whose reporter agreed to be named, never
 * the tracking code (whoever holds it can answer on the citizen's behalf) and never the officer concerned.
 */
export async function publicComplaintRequests(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Pick<Period, "from" | "to">,
): Promise<PublicComplaintRequest[]> {
  const from = startOfLocalDay(period.from, subject.agency.timeZone);
  const to = startOfLocalDay(addCalendarDays(period.to, 1), subject.agency.timeZone);
  const rows = await db
    .selectFrom("complaints")
    .innerJoin("units as received", "received.id", "complaints.received_unit_id")
    .leftJoin("units as responsible", "responsible.id", "complaints.unit_id")
    .leftJoin("services", "services.id", "complaints.service_id")
    .leftJoin("complaint_contacts", "complaint_contacts.complaint_id", "complaints.id")
    .select((eb) => [
      "complaints.id",
      "complaints.status",
      "complaints.visibility",
      "complaints.body",
      "complaints.category",
      "complaints.submitted_at as submittedAt",
      "complaints.updated_at as updatedAt",
      "services.name as serviceName",
      "received.name as receivedUnitName",
      "responsible.name as responsibleUnitName",
      publicReporterName.as("reporterName"),
      eb
        .selectFrom("complaint_events")
        .select("complaint_events.details")
        .whereRef("complaint_events.complaint_id", "=", "complaints.id")
        .where("complaint_events.type", "=", "follow_up")
        .orderBy("complaint_events.id", "desc")
        .limit(1)
        .as("followUp"),
    ])
    .where("complaints.visibility", "in", PUBLIC_VISIBILITIES)
    .where("complaints.status", "in", PUBLICLY_SHOWN_STATUSES)
    .where("complaints.submitted_at", ">=", from)
    .where("complaints.submitted_at", "<", to)
    .where((eb) =>
      eb.or([
        eb("received.path", "like", `${subject.unit.path}%`),
        eb("responsible.path", "like", `${subject.unit.path}%`),
      ]),
    )
    .orderBy("complaints.submitted_at", "desc")
    .limit(1000)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    serviceName: row.serviceName,
    body: row.body,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    responsibleUnitName: row.responsibleUnitName ?? row.receivedUnitName,
    category: row.category,
    reporterName: row.visibility === "public" ? row.reporterName : null,
    followUp:
      row.followUp && typeof row.followUp === "object" && "text" in row.followUp
        ? String((row.followUp as { text: unknown }).text)
        : null,
  }));
}
