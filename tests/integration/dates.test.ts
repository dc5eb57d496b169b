import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { addHoliday, holidayCalendarFor, holidaysOfYear } from "~/data/holidays.server";
import { createImportPreview, importsOfUnit } from "~/data/paper-imports.server";
import { isWorkingDay } from "~/domain/working-days";
import { freshDatabase } from "./database";

// A DATE is a calendar day. Read as a JavaScript Date it becomes an instant at the process's local midnight, which
// names another day wherever the server's zone differs from the reader's, and a page that renders it fails.
describe("DATE columns", async () => {
  const { db } = await freshDatabase();
  const zoneBefore = process.env.TZ;

  it("come back as the 'YYYY-MM-DD' text PostgreSQL holds, whatever the process's time zone", async () => {
    try {
      for (const zone of ["Asia/Jayapura", "America/Los_Angeles", "UTC"]) {
        process.env.TZ = zone;
        const { rows } = await sql<{ day: unknown; nothing: unknown }>`select date '2026-10-31' as day, null::date as nothing`.execute(db);
        expect(rows[0]).toEqual({ day: "2026-10-31", nothing: null });
      }
    } finally {
      if (zoneBefore === undefined) delete process.env.TZ;
      else process.env.TZ = zoneBefore;
    }
  });

  it("keep a holiday on its day, in the list and in the working-day calendar", async () => {
    const admin = await db
      .insertInto("users")
      .values({ username: "dates.admin", display_name: "Admin", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const added = await addHoliday(db, admin.id, { date: "2026-12-30", name: "Hari uji", kind: "libur_nasional", agencyId: null });
    expect(added).toEqual({ ok: true });
    const listed = await holidaysOfYear(db, 2026, []);
    expect(listed.find((row) => row.name === "Hari uji")?.date).toBe("2026-12-30");
    expect(listed.find((row) => row.name.startsWith("Tahun Baru 2026"))?.date).toBe("2026-01-01");
    const calendar = await holidayCalendarFor(db, null);
    expect(isWorkingDay("2026-12-30", calendar)).toBe(false);
    expect(isWorkingDay("2026-12-29", calendar)).toBe(true);
  });

  it("give the paper-import list its period as days", async () => {
    const agency = await db.insertInto("agencies").values({ slug: "uji", name: "Kota Uji", province: "Uji" }).returning("id").executeTakeFirstOrThrow();
    const unit = await db
      .insertInto("units")
      .values({ agency_id: agency.id, kind: "kecamatan", name: "Kecamatan Uji", slug: "kecamatan-uji" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const service = await db
      .insertInto("services")
      .values({ unit_id: unit.id, name: "KTP", requirements: "-", procedure: "-", completion_days: 1, product: "KTP", complaint_channel: "-" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const counter = await db.insertInto("counters").values({ unit_id: unit.id, name: "Loket 1", public_code: "ujiloket1" }).returning("id").executeTakeFirstOrThrow();
    const user = await db.selectFrom("users").select("id").where("username", "=", "dates.admin").executeTakeFirstOrThrow();
    await createImportPreview(db, {
      agencyId: agency.id,
      counterId: counter.id,
      serviceId: service.id,
      from: "2026-07-01",
      to: "2026-09-30",
      fileName: "survei.csv",
      good: [],
      bad: [],
      userId: user.id,
    });
    const [listed] = await importsOfUnit(db, unit.id);
    expect(listed).toMatchObject({ fileName: "survei.csv", from: "2026-07-01", to: "2026-09-30" });
  });
});
