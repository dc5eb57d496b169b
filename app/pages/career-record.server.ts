import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { officerAccess, type Viewer } from "~/data/skp/access.server";
import { careerRecord } from "~/data/skp/career.server";

// Whose career record a request may read: the officer's own, or (with ?pegawai=) an officer whose supervisor
// chain leads to the viewer (app/domain/access/officer-records.ts). Undefined answers 404.
export async function careerRecordFor(db: Kysely<Database>, viewer: Viewer, asked: string | null) {
  const officerId = asked === null ? viewer.officerId : /^\d{1,9}$/.test(asked) ? Number(asked) : null;
  if (officerId === null) return undefined;
  const access = await officerAccess(db, viewer, officerId);
  if (!access?.canView) return undefined;
  return careerRecord(db, officerId);
}
