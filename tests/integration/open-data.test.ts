import { Validator } from "@seriousme/openapi-schema-validator";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { closeDatabase } from "~/platform/db.server";
import { LIMITS } from "~/data/rate-limits.server";
import { API_PATHS } from "~/http/open-data/openapi";
import {
  ComplaintListSchema,
  ForumListSchema,
  ForumRecordSchema,
  IndicatorsSchema,
  ProblemSchema,
  UnitListSchema,
} from "~/http/open-data/schemas";
import { freshDemoDatabase } from "./database";

// The open-data API against the demo in a real PostgreSQL, through the route modules' loaders.
describe("open data", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);

  const routes: Record<string, { loader: (args: never) => Promise<Response> | Response }> = {
    "/api/v1/agencies": await import("~/routes/api.v1.agencies._index"),
    "/api/v1/agencies/{agency}/units": await import("~/routes/api.v1.agencies.$agency.units"),
    "/api/v1/units/{unitId}/indicators": await import("~/routes/api.v1.units.$unitId.indicators"),
    "/api/v1/services/{serviceId}/indicators": await import("~/routes/api.v1.services.$serviceId.indicators"),
    "/api/v1/units/{unitId}/complaints": await import("~/routes/api.v1.units.$unitId.complaints"),
    "/api/v1/forums": await import("~/routes/api.v1.forums._index"),
    "/api/v1/forums/{forumId}": await import("~/routes/api.v1.forums.$forumId"),
    "/api/v1/agencies/{agency}/indicators.csv": await import("~/routes/api.v1.agencies.$agency.indicators[.csv]"),
    "/api/v1/agencies/{agency}/indicators.xlsx": await import("~/routes/api.v1.agencies.$agency.indicators[.xlsx]"),
    "/api/v1/openapi.json": await import("~/routes/api.v1.openapi[.json]"),
  };
  const unitPage = await import("~/routes/kantor.$agency.$unit");

  let clients = 0;
  /** Calls the route for a concrete path, from its own client address unless one is given. */
  async function get(path: string, options: { headers?: Record<string, string>; ip?: string } = {}): Promise<Response> {
    const url = new URL(path, "http://localhost");
    for (const [template, module] of Object.entries(routes)) {
      const pattern = new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`);
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      const request = new Request(url, { headers: options.headers });
      return module.loader({
        request,
        params: { ...match.groups },
        context: { ip: options.ip ?? `198.51.100.${(clients++ % 250) + 1}`, secure: false },
      } as never);
    }
    throw new Error(`No route for ${path}`);
  }

  async function json<S extends z.ZodTypeAny>(schema: S, path: string): Promise<z.output<S>> {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    return schema.parse(await response.json());
  }

  const dukcapil = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.slug", "agencies.slug as agencySlug", "agencies.id as agencyId"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirstOrThrow();

  it("publishes a service's IKM from 30 full surveys and withholds it at 29", async () => {
    // The year with the most full surveys of a Disdukcapil service (a quarter of the demo, seeded relative to
    // today, may hold fewer than 30); exclude down to exactly 30, then 29.
    const busiest = await sql<{ service_id: number; month: string; n: number }>`
      select service_id, to_char(submitted_at at time zone 'Asia/Jakarta', 'YYYY') as month, count(*)::int as n
      from ratings where unit_id = ${dukcapil.id} and kind = 'full' and status = 'valid' and service_id is not null
      group by 1, 2 order by 3 desc limit 1`.execute(db);
    const { service_id: serviceId, month, n } = busiest.rows[0]!;
    expect(n).toBeGreaterThanOrEqual(30);
    const keep = async (count: number) => {
      await sql`
        update ratings set status = 'excluded', status_reason = 'test' where id in (
          select id from ratings where service_id = ${serviceId} and kind = 'full' and status = 'valid'
            and to_char(submitted_at at time zone 'Asia/Jakarta', 'YYYY') = ${month}
          order by id offset ${count})`.execute(db);
    };
    await keep(30);
    const at30 = await json(IndicatorsSchema, `/api/v1/services/${serviceId}/indicators?period=${month}`);
    expect(at30).toMatchObject({ respondents: 30, minimum: 30, suppressed: false, service: { id: serviceId } });
    expect(at30.ikm).toBeGreaterThanOrEqual(25);
    expect(at30.mutu).toMatch(/^[ABCD]$/);
    expect(at30.elements.every((element) => element.nrr !== null)).toBe(true);

    await keep(29);
    const at29 = await json(IndicatorsSchema, `/api/v1/services/${serviceId}/indicators?period=${month}`);
    expect(at29).toMatchObject({
      respondents: 29,
      suppressed: true,
      ikm: null,
      mutu: null,
      lowest: null,
      sufficient: null,
    });
    expect(at29.elements.map((element) => element.nrr)).toEqual(Array(9).fill(null));
    expect(at29.elements.every((element) => element.answers > 0 && element.answers <= 29)).toBe(true);
  });

  it("never lists a confidential complaint, nor a reporter who did not agree to be named", async () => {
    const complaints = await db
      .selectFrom("complaints")
      .select(["id", "body", "visibility", "status"])
      .where("status", "!=", "diterima")
      .orderBy("id")
      .execute();
    // Make sure the demo holds a verified confidential complaint with a distinctive text.
    const secret = complaints.find((complaint) => complaint.status !== "diarsipkan")!;
    await db
      .updateTable("complaints")
      .set({ visibility: "rahasia", body: "RAHASIA-UJI laporan yang tidak boleh terbit" })
      .where("id", "=", secret.id)
      .execute();
    const units = await db.selectFrom("units").select("id").execute();
    const listed: z.infer<typeof ComplaintListSchema>["requests"] = [];
    for (const unit of units)
      listed.push(...(await json(ComplaintListSchema, `/api/v1/units/${unit.id}/complaints?period=2026`)).requests);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((request) => request.description.includes("RAHASIA-UJI"))).toBe(false);
    const confidential = new Set(
      (await db.selectFrom("complaints").select("id").where("visibility", "=", "rahasia").execute()).map((row) =>
        String(row.id),
      ),
    );
    expect(listed.filter((request) => confidential.has(request.service_request_id))).toEqual([]);
    const codes = new Set(
      (await db.selectFrom("complaints").select("tracking_code").execute()).map((row) => row.tracking_code),
    );
    expect(listed.some((request) => codes.has(request.service_request_id))).toBe(false);
    const named = await db
      .selectFrom("complaint_contacts")
      .innerJoin("complaints", "complaints.id", "complaint_contacts.complaint_id")
      .select(["complaint_contacts.name", "complaints.id"])
      .where((eb) =>
        eb.or([eb("complaint_contacts.show_name", "=", false), eb("complaints.visibility", "!=", "public")]),
      )
      .execute();
    for (const request of listed) {
      const contact = named.find((row) => String(row.id) === request.service_request_id);
      if (contact) expect(request.reporter_name).toBeNull();
    }
  });

  it("shows the same figures on the unit page, in the API and in the CSV", async () => {
    const api = await json(IndicatorsSchema, `/api/v1/units/${dukcapil.id}/indicators`);
    const page = (await unitPage.loader({
      request: new Request(`http://localhost/kantor/${dukcapil.agencySlug}/${dukcapil.slug}`),
      params: { agency: dukcapil.agencySlug, unit: dukcapil.slug },
      context: {},
    } as never)) as Awaited<ReturnType<typeof unitPage.loader>>;
    expect(page.init?.status).toBe(200);
    expect(page.data.results.indicators).toEqual(api);
    // The SKM report's commitments are part of the same answer (the demo has some in both periods).
    expect(api.recommendations.items.length).toBeGreaterThan(0);
    expect(api.recommendations.previous.items.length).toBeGreaterThan(0);
    const csv = await (
      await get(`/api/v1/agencies/${dukcapil.agencySlug}/indicators.csv?period=${api.period.code}`)
    ).text();
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    const columns = header!.split(",");
    const row = lines
      .map((line) => line.split(","))
      .find(
        (cells) =>
          cells[columns.indexOf("unit_id")] === String(dukcapil.id) && cells[columns.indexOf("service_id")] === "",
      )!;
    expect(row[columns.indexOf("respondents")]).toBe(String(api.respondents));
    expect(row[columns.indexOf("ikm")]).toBe(api.ikm === null ? "" : String(api.ikm));
    expect(row[columns.indexOf("mutu")]).toBe(api.mutu ?? "");
    expect(row[columns.indexOf("u7_nrr")]).toBe(String(api.elements.find((e) => e.code === "U7")!.nrr ?? ""));
    expect(row[columns.indexOf("sample_required")]).toBe(String(api.sampleRequired ?? ""));
  });

  it("gives the CSV's rows in the spreadsheet too", async () => {
    const response = await get(`/api/v1/agencies/${dukcapil.agencySlug}/indicators.xlsx?period=2026-Q3`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("suara-kota-pariaman-2026-Q3.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const csv = await (await get(`/api/v1/agencies/${dukcapil.agencySlug}/indicators.csv?period=2026-Q3`)).text();
    expect(workbook.worksheets[0]!.rowCount).toBe(csv.trimEnd().split("\r\n").length);
  });

  it("publishes an OpenAPI 3.1 document that validates, and every path it lists answers in its documented shape", async () => {
    const document = (await (await get("/api/v1/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(document.components.schemas.Indicators!.properties!)).toContain("recommendations");
    expect(Object.keys(document.components.schemas.Recommendation!.properties!)).not.toContain("responsible");
    expect(document.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths).sort()).toEqual(API_PATHS.map((path) => path.config.path).sort());

    const service = await db
      .selectFrom("services")
      .select("id")
      .where("unit_id", "=", dukcapil.id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const forum = (await json(ForumListSchema, "/api/v1/forums")).forums[0]!;
    const values: Record<string, string> = {
      unitId: String(dukcapil.id),
      serviceId: String(service.id),
      forumId: String(forum.id),
      agency: dukcapil.agencySlug,
    };
    for (const path of API_PATHS) {
      const concrete = path.example.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
      const response = await get(concrete);
      expect(response.status, concrete).toBe(200);
      const documented = (path.config.responses[200] as { content: Record<string, { schema: z.ZodTypeAny }> }).content;
      const [type, { schema }] = Object.entries(documented)[0]! as [string, { schema: z.ZodTypeAny }];
      expect(response.headers.get("Content-Type")!.startsWith(type), concrete).toBe(true);
      if (type === "application/json") schema.parse(await response.json());
      expect(response.headers.get("ETag")).toMatch(/^"[\w-]+"$/);
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=300");
    }
  });

  it("shows a forum's berita acara without hidden inputs and without the person in charge of an action", async () => {
    const forum = (await json(ForumListSchema, "/api/v1/forums")).forums[0]!;
    const hidden = await db
      .selectFrom("forum_items")
      .select(["number", "body"])
      .where("forum_id", "=", forum.id)
      .where("hidden_reason", "is not", null)
      .execute();
    const record = await json(ForumRecordSchema, `/api/v1/forums/${forum.id}`);
    const cited = record.themes.flatMap((theme) => theme.inputs.map((input) => input.number));
    for (const item of hidden) expect(cited).not.toContain(item.number);
    const officers = (
      await db.selectFrom("forum_actions").select("responsible_officer").where("forum_id", "=", forum.id).execute()
    )
      .map((row) => row.responsible_officer)
      .filter((name): name is string => !!name);
    const text = JSON.stringify(record);
    for (const name of officers) expect(text).not.toContain(name);
  });

  it("lists units with their parent, kind and services", async () => {
    const list = await json(UnitListSchema, `/api/v1/agencies/${dukcapil.agencyId}/units`);
    expect(list.agency.slug).toBe("kota-pariaman");
    const unit = list.units.find((u) => u.id === dukcapil.id)!;
    expect(unit.parentId).toBe(list.units[0]!.id);
    expect(unit.services.length).toBeGreaterThan(0);
    expect(unit.publicUrl).toBe(`/kantor/kota-pariaman/${dukcapil.slug}`);
  });

  it("answers 304 to a client that already holds the answer", async () => {
    const first = await get(`/api/v1/units/${dukcapil.id}/indicators?period=2026-Q3`);
    const etag = first.headers.get("ETag")!;
    const again = await get(`/api/v1/units/${dukcapil.id}/indicators?period=2026-Q3`, {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it.each([
    [`/api/v1/units/UNIT/indicators?period=2026-Q5`, 400],
    [`/api/v1/units/UNIT/indicators?period=kemarin`, 400],
    [`/api/v1/units/abc/indicators`, 400],
    [`/api/v1/units/0/complaints`, 400],
    [`/api/v1/services/999999/indicators`, 404],
    [`/api/v1/agencies/tidak-ada/units`, 404],
    [`/api/v1/forums/999999`, 404],
  ])("answers %s with %i and a JSON problem", async (path, status) => {
    const response = await get(path.replace("UNIT", String(dukcapil.id)));
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(ProblemSchema.parse(await response.json()).status).toBe(status);
  });

  it("holds each address to the open-data limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.openData.limit + 3; i++)
      statuses.push((await get("/api/v1/agencies", { ip: "203.0.113.50" })).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    const refused = await get("/api/v1/agencies", { ip: "203.0.113.50" });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await get("/api/v1/agencies", { ip: "203.0.113.51" })).status).toBe(200);
  });
});
