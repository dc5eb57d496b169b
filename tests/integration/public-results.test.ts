import { afterAll, describe, expect, it } from "vitest";
import { submitComplaint } from "~/data/complaints/intake.server";
import { lastCompleteQuarter } from "~/data/public-results.server";
import { addCalendarDays as addDays } from "~/domain/working-days";
import { closeDatabase } from "~/platform/db.server";
import { freshDemoDatabase } from "./database";

// The citizens' results pages (unit, service, agency comparison) against the demo in a real PostgreSQL, through
// the route modules' loaders.
describe("public results pages", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);

  const unitRoute = await import("~/routes/kantor.$agency.$unit");
  const serviceRoute = await import("~/routes/kantor.$agency.$unit_.layanan.$serviceId");

  const dukcapil = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.slug", "agencies.slug as agencySlug"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirstOrThrow();
  const [serviceA, serviceB] = await db
    .selectFrom("services")
    .select(["id", "name"])
    .where("unit_id", "=", dukcapil.id)
    .orderBy("id")
    .execute();
  const base = `http://localhost/kantor/${dukcapil.agencySlug}/${dukcapil.slug}`;

  async function unitPage(query = "") {
    return (await unitRoute.loader({
      request: new Request(`${base}${query}`),
      params: { agency: dukcapil.agencySlug, unit: dukcapil.slug },
      context: {},
    } as never)) as Awaited<ReturnType<typeof unitRoute.loader>>;
  }
  async function servicePage(serviceId: number, query = "") {
    return (await serviceRoute.loader({
      request: new Request(`${base}/layanan/${serviceId}${query}`),
      params: { agency: dukcapil.agencySlug, unit: dukcapil.slug, serviceId: String(serviceId) },
      context: {},
    } as never)) as Awaited<ReturnType<typeof serviceRoute.loader>>;
  }

  it("a service's page counts only the complaints that name the service, the unit's page counts them all", async () => {
    const quarter = lastCompleteQuarter(new Date(), "Asia/Jakarta");
    const before = { unit: await unitPage(), a: await servicePage(serviceA!.id), b: await servicePage(serviceB!.id) };
    const at = new Date(`${addDays(quarter.from, 20)}T03:00:00Z`);
    const file = (serviceId: number | null, body: string) =>
      submitComplaint(
        db,
        {
          unitId: dukcapil.id,
          serviceId,
          category: "pengaduan",
          visibility: "anonim",
          body,
          visitDate: addDays(quarter.from, 19),
        },
        at,
      );
    for (const result of [
      await file(serviceA!.id, "Berkas KTP-el saya hilang di loket."),
      await file(serviceA!.id, "Antrean KTP-el tidak jelas."),
      await file(null, "Parkir penuh."),
    ])
      expect(result.ok).toBe(true);

    const after = { unit: await unitPage(), a: await servicePage(serviceA!.id), b: await servicePage(serviceB!.id) };
    expect(after.unit.results.complaintFigures.received).toBe(before.unit.results.complaintFigures.received + 3);
    expect(after.a.results.complaintFigures.received).toBe(before.a.results.complaintFigures.received + 2);
    expect(after.b.results.complaintFigures.received).toBe(before.b.results.complaintFigures.received);
    // Three weeks before today's quarter began, none was verified: each is past its 3 working days, none on time.
    expect(after.a.results.complaintFigures.verificationDecided).toBe(
      before.a.results.complaintFigures.verificationDecided + 2,
    );
  });

  it("a service's page shows the forum actions of the forums held about that service", async () => {
    const unit = await unitPage();
    expect(unit.results.forum.total).toBeGreaterThan(0);
    const withService = await servicePage(serviceA!.id);
    expect(withService.results.forum.total).toBe(unit.results.forum.total);
    expect(withService.results.forum.actions.map((action) => action.description)).toEqual(
      unit.results.forum.actions.map((action) => action.description),
    );
    // The forums stop being about service A: its page no longer lists their actions, the unit's still does.
    await db.deleteFrom("forum_services").where("service_id", "=", serviceA!.id).execute();
    expect((await servicePage(serviceA!.id)).results.forum).toEqual({ actions: [], done: 0, total: 0 });
    expect((await unitPage()).results.forum.total).toBe(unit.results.forum.total);
  });
});
