import { afterAll, describe, expect, it } from "vitest";
import { submitComplaint } from "~/data/complaints/intake.server";
import { lastCompleteQuarter } from "~/data/public-results.server";
import { previousPeriod } from "~/domain/indicators/period";
import { periodCode } from "~/domain/indicators/publication";
import { addCalendarDays as addDays } from "~/domain/working-days";
import { closeDatabase } from "~/platform/db.server";
import { IndicatorsSchema } from "~/http/open-data/schemas";
import { freshDemoDatabase } from "./database";

// The citizens' results pages (unit, service, agency comparison) against the demo in a real PostgreSQL, through
// the route modules' loaders.
describe("public results pages", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);

  const unitRoute = await import("~/routes/kantor.$agency.$unit");
  const serviceRoute = await import("~/routes/kantor.$agency.$unit_.layanan.$serviceId");
  const agencyRoute = await import("~/routes/kantor.$agency._index");

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

  async function unitAnswer(query = "") {
    return (await unitRoute.loader({
      request: new Request(`${base}${query}`),
      params: { agency: dukcapil.agencySlug, unit: dukcapil.slug },
      context: {},
    } as never)) as Awaited<ReturnType<typeof unitRoute.loader>>;
  }
  const unitPage = async (query = "") => (await unitAnswer(query)).data;
  async function servicePage(serviceId: number, query = "") {
    return (
      (await serviceRoute.loader({
        request: new Request(`${base}/layanan/${serviceId}${query}`),
        params: { agency: dukcapil.agencySlug, unit: dukcapil.slug, serviceId: String(serviceId) },
        context: {},
      } as never)) as Awaited<ReturnType<typeof serviceRoute.loader>>
    ).data;
  }
  async function agencyPage(query = "") {
    return (await agencyRoute.loader({
      request: new Request(`http://localhost/kantor/${dukcapil.agencySlug}${query}`),
      params: { agency: dukcapil.agencySlug },
      context: {},
    } as never)) as Awaited<ReturnType<typeof agencyRoute.loader>>;
  }
  const apiRoute = await import("~/routes/api.v1.units.$unitId.indicators");
  async function api(unitId: number, period: string) {
    const response = await apiRoute.loader({
      request: new Request(`http://localhost/api/v1/units/${unitId}/indicators?period=${period}`),
      params: { unitId: String(unitId) },
      context: { ip: "198.51.100.200", secure: false },
    } as never);
    expect(response.status).toBe(200);
    return IndicatorsSchema.parse(await response.json());
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

  it("a reader picks an earlier year: the page shows that year's figures, the API's, with its twelve months", async () => {
    const year = String(new Date().getUTCFullYear() - 1);
    const answer = await unitAnswer(`?periode=${year}`);
    expect(answer.init?.status).toBe(200);
    const page = answer.data;
    expect(page.results.picker).toMatchObject({ code: year, chosen: true, running: false, error: null });
    expect(page.results.indicators).toEqual(await api(dukcapil.id, year));
    expect(page.results.trend.map((point) => point.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`),
    );
    expect(page.results.picker.options.map((option) => option.code)).toContain(year);
    // The default is the last complete quarter, and the picker offers it first.
    const latest = await unitPage();
    expect(latest.results.picker).toMatchObject({ chosen: false, error: null });
    expect(latest.results.picker.options[0]!.code).toBe(latest.results.picker.code);
    expect(latest.results.indicators.period.code).toBe(latest.results.picker.code);
  });

  it.each([
    ["2099-Q1", "publicResults.period.errors.future"],
    ["kemarin", "publicResults.period.errors.malformed"],
  ])("a period %s is refused with 400 and the error, and the last complete quarter is shown", async (asked, error) => {
    const answer = await unitAnswer(`?periode=${asked}`);
    expect(answer.init?.status).toBe(400);
    const latest = await unitPage();
    expect(answer.data.results.picker).toMatchObject({ error, code: latest.results.picker.code });
    expect(answer.data.results.indicators).toEqual(latest.results.indicators);
  });

  it("the comparison keeps the chosen period, gives no figure under the minimum and sorts withheld figures last", async () => {
    const quarter = lastCompleteQuarter(new Date(), "Asia/Jakarta");
    const earlier = periodCode(previousPeriod(quarter))!;
    const answer = await agencyPage(`?periode=${earlier}&urut=ikm`);
    expect(answer.init?.status).toBe(200);
    const page = answer.data;
    expect(page.picker).toMatchObject({ code: earlier, chosen: true });
    expect(page.period.code).toBe(earlier);
    expect(page.rows.length).toBeGreaterThan(1);
    for (const row of page.rows) {
      const figures = await api(row.unitId, earlier);
      expect(row.ikm).toBe(figures.ikm);
      expect(row.respondents).toBe(figures.respondents);
      if (row.respondents < page.agency.minimum) expect(row.ikm).toBeNull();
    }
    const values = page.rows.map((row) => row.ikm);
    const published = values.filter((value): value is number => value !== null);
    expect(values.slice(0, published.length)).toEqual([...published].sort((a, b) => b - a));
    expect(values.slice(published.length).every((value) => value === null)).toBe(true);
    // Raising the minimum above every unit withholds every figure.
    await db
      .updateTable("agencies")
      .set({ public_min_surveys: 5000 })
      .where("slug", "=", dukcapil.agencySlug)
      .execute();
    const withheld = (await agencyPage(`?periode=${earlier}&urut=ikm`)).data;
    expect(withheld.rows.every((row) => row.ikm === null && row.mutu === null)).toBe(true);
  });
});
