import { randomUUID } from "node:crypto";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { counterByCode, counterChoices } from "~/data/ratings.server";
import { formatOfficerName } from "~/domain/unit-settings";

/**
 * What every rating page needs: the counter, its services and officers on duty, a fresh idempotency key and the
 * visit code the QR link carried. Undefined for an unknown counter.
 */
export async function counterPage(code: string, visitCodeParam: string | null) {
  const counter = await counterByCode(db(), code);
  if (!counter) return undefined;
  const choices = await counterChoices(db(), counter.id, now());
  return {
    counter: { name: counter.name, code: counter.publicCode, unitName: counter.unitName, agencyName: counter.agencyName },
    services: choices.services,
    // Names as the unit chose to show them to the public (full, first name and initials, or initials).
    officers: choices.officers.map((officer) => ({ ...officer, name: formatOfficerName(officer.name, counter.officerNameDisplay ?? "full") })),
    idempotencyKey: randomUUID(),
    visitCode: (visitCodeParam ?? "").toUpperCase().slice(0, 6),
  };
}
