import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { BadRow, PaperRow } from "~/domain/ratings/paper-import";
import { appendAudit } from "./audit.server";

export interface ImportPreviewInput {
  agencyId: number;
  counterId: number;
  serviceId: number;
  from: string;
  to: string;
  fileName: string;
  good: PaperRow[];
  bad: BadRow[];
  userId: number;
}

/** Keeps a checked file as a preview; nothing reaches the indicators until it is confirmed. */
export async function createImportPreview(db: Kysely<Database>, input: ImportPreviewInput): Promise<number> {
  const row = await db
    .insertInto("rating_imports")
    .values({
      agency_id: input.agencyId,
      counter_id: input.counterId,
      service_id: input.serviceId,
      period_from: input.from,
      period_to: input.to,
      file_name: input.fileName.slice(0, 200),
      rows: JSON.stringify(input.good),
      bad_rows: JSON.stringify(input.bad),
      created_by: input.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ConfirmOutcome = { ok: true; imported: number } | { ok: false; reason: "not_preview" | "bad_rows_not_accepted" | "nothing_to_import" | "duplicate" };

/**
 * An import of the same rows for the same counter, service and period that is in the indicators now (not
 * undone): a second upload of the same file would double its ratings. Rows are compared as stored (jsonb
 * equality, line numbers included), so a renamed copy of the file is caught too.
 */
export async function sameImportInForce(db: Kysely<Database>, importId: number) {
  return db
    .selectFrom("rating_imports as earlier")
    .innerJoin("rating_imports as candidate", (join) =>
      join
        .onRef("candidate.counter_id", "=", "earlier.counter_id")
        .onRef("candidate.service_id", "=", "earlier.service_id")
        .onRef("candidate.period_from", "=", "earlier.period_from")
        .onRef("candidate.period_to", "=", "earlier.period_to")
        .on(sql<boolean>`candidate.rows = earlier.rows`),
    )
    .select(["earlier.id", "earlier.file_name as fileName", "earlier.imported_at as importedAt"])
    .where("candidate.id", "=", importId)
    .where("earlier.id", "!=", importId)
    .where("earlier.status", "=", "imported")
    .orderBy("earlier.id")
    .executeTakeFirst();
}

/** Imports the good rows as paper ratings in one transaction; with bad rows, only after an explicit choice. */
export async function confirmImport(db: Kysely<Database>, importId: number, userId: number, acceptGoodRowsOnly: boolean): Promise<ConfirmOutcome> {
  return db.transaction().execute(async (trx) => {
    const preview = await trx
      .selectFrom("rating_imports")
      .innerJoin("counters", "counters.id", "rating_imports.counter_id")
      .innerJoin("units", "units.id", "counters.unit_id")
      .innerJoin("agencies", "agencies.id", "units.agency_id")
      .select(["rating_imports.status", "rating_imports.rows", "rating_imports.bad_rows", "rating_imports.counter_id", "rating_imports.service_id", "rating_imports.period_to", "units.id as unitId", "agencies.id as agencyId", "agencies.time_zone as timeZone"])
      .where("rating_imports.id", "=", importId)
      .forUpdate()
      .executeTakeFirst();
    if (!preview || preview.status !== "preview") return { ok: false, reason: "not_preview" } as const;
    const good = preview.rows as unknown as PaperRow[];
    const bad = preview.bad_rows as unknown as BadRow[];
    if (bad.length > 0 && !acceptGoodRowsOnly) return { ok: false, reason: "bad_rows_not_accepted" } as const;
    if (good.length === 0) return { ok: false, reason: "nothing_to_import" } as const;
    // Two previews of the same file confirmed at once: the counter's row lock makes the second one see the first.
    await trx.selectFrom("counters").select("id").where("id", "=", preview.counter_id).forUpdate().execute();
    if (await sameImportInForce(trx, importId)) return { ok: false, reason: "duplicate" } as const;
    await sql`
      insert into ratings (agency_id, unit_id, counter_id, service_id, officer_id, submitted_at, channel, kind,
        u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, comment, idempotency_key, content_hash, import_id)
      select ${preview.agencyId}, ${preview.unitId}, ${preview.counter_id}, ${preview.service_id}, null,
        (coalesce(r.date, ${preview.period_to})::date + time '12:00') at time zone ${preview.timeZone}, 'paper', 'full',
        r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9, r.sex, r.age_band, r.education, r.occupation, r.comment,
        gen_random_uuid(), 'paper', ${importId}
      from jsonb_to_recordset(${JSON.stringify(good.map((row) => ({ date: row.date, u1: row.answers.U1, u2: row.answers.U2, u3: row.answers.U3, u4: row.answers.U4, u5: row.answers.U5, u6: row.answers.U6, u7: row.answers.U7, u8: row.answers.U8, u9: row.answers.U9, sex: row.sex, age_band: row.ageBand, education: row.education, occupation: row.occupation, comment: row.comment })))}::jsonb)
        as r(date text, u1 smallint, u2 smallint, u3 smallint, u4 smallint, u5 smallint, u6 smallint, u7 smallint, u8 smallint, u9 smallint,
             sex text, age_band text, education text, occupation text, comment text)`.execute(trx);
    await trx.updateTable("rating_imports").set({ status: "imported", imported_at: new Date() }).where("id", "=", importId).execute();
    await appendAudit(trx, { actorUserId: userId, action: "paper_import.confirm", subjectType: "rating_import", subjectId: importId, after: { imported: good.length, skippedBadRows: bad.length } });
    return { ok: true, imported: good.length } as const;
  });
}

/** Takes a whole import back out (the indicators follow through the rollup trigger). */
export async function undoImport(db: Kysely<Database>, importId: number, userId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("rating_imports").select("status").where("id", "=", importId).forUpdate().executeTakeFirst();
    if (current?.status !== "imported") return false;
    const removed = await trx.deleteFrom("ratings").where("import_id", "=", importId).executeTakeFirst();
    await trx.updateTable("rating_imports").set({ status: "undone", undone_at: new Date() }).where("id", "=", importId).execute();
    await appendAudit(trx, { actorUserId: userId, action: "paper_import.undo", subjectType: "rating_import", subjectId: importId, after: { removed: Number(removed.numDeletedRows) } });
    return true;
  });
}

/** Every import of a unit (newest first), for the history table. */
export async function importsOfUnit(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("rating_imports")
    .innerJoin("counters", "counters.id", "rating_imports.counter_id")
    .innerJoin("services", "services.id", "rating_imports.service_id")
    .select([
      "rating_imports.id",
      "rating_imports.file_name as fileName",
      "rating_imports.status",
      "rating_imports.period_from as from",
      "rating_imports.period_to as to",
      "rating_imports.created_at as createdAt",
      "rating_imports.imported_at as importedAt",
      "rating_imports.undone_at as undoneAt",
      "counters.name as counterName",
      "services.name as serviceName",
      sql<number>`jsonb_array_length(rating_imports.rows)`.as("goodRows"),
      sql<number>`jsonb_array_length(rating_imports.bad_rows)`.as("badRows"),
      "counters.unit_id as unitId",
    ])
    .where("counters.unit_id", "=", unitId)
    .orderBy("rating_imports.id", "desc")
    .limit(50)
    .execute();
}

export async function importById(db: Kysely<Database>, importId: number) {
  return db
    .selectFrom("rating_imports")
    .innerJoin("counters", "counters.id", "rating_imports.counter_id")
    .select(["rating_imports.id", "rating_imports.status", "rating_imports.bad_rows as badRows", "rating_imports.file_name as fileName", sql<number>`jsonb_array_length(rating_imports.rows)`.as("goodRows"), "counters.unit_id as unitId", "rating_imports.counter_id as counterId"])
    .where("rating_imports.id", "=", importId)
    .executeTakeFirst();
}

/** Which services each counter of a unit offers, so the import form lists only the chosen counter's. */
export async function counterServicesOfUnit(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("counter_services")
    .innerJoin("counters", "counters.id", "counter_services.counter_id")
    .select(["counter_services.counter_id as counterId", "counter_services.service_id as serviceId"])
    .where("counters.unit_id", "=", unitId)
    .execute();
}
