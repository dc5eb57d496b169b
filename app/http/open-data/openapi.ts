import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  AgencyListSchema,
  AgencyParamSchema,
  ComplaintListSchema,
  ForumListSchema,
  ForumRecordSchema,
  IdParamSchema,
  IndicatorsSchema,
  PeriodQuerySchema,
  ProblemSchema,
  UnitListSchema,
} from "./schemas";

// The OpenAPI 3.1 document of the open-data API, generated from the schemas the routes answer with. The list of
// paths here is the API: the reference page and the tests walk it.

export const API_BASE = "/api/v1";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });
const json = (description: string, schema: z.ZodTypeAny) => ({ description, content: { "application/json": { schema } } });
const common = {
  400: problem("A malformed period or id."),
  404: problem("No such agency, unit, service or forum."),
  429: problem("Too many requests from this address; see Retry-After."),
};

export interface ApiPath {
  config: RouteConfig;
  /** A path that answers on the demo data, for the reference page's examples and the tests. */
  example: string;
}

export const API_PATHS: ApiPath[] = [
  {
    config: { method: "get", path: `${API_BASE}/agencies`, summary: "Agencies", description: "Every government publishing on the portal.", tags: ["Organisation"], responses: { 200: json("The agencies.", AgencyListSchema), 429: common[429] } },
    example: `${API_BASE}/agencies`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/agencies/{agency}/units`,
      summary: "Units of an agency",
      description: "The agency's units in tree order (parent first), with their kind and active services.",
      tags: ["Organisation"],
      request: { params: AgencyParamSchema },
      responses: { 200: json("The units.", UnitListSchema), ...common },
    },
    example: `${API_BASE}/agencies/kota-pariaman/units`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/units/{unitId}/indicators`,
      summary: "IKM of a unit",
      description: "The unit's (and its sub-units') SKM results for a period. Below the agency's minimum of full surveys the IKM, mutu and element values are null and suppressed is true.",
      tags: ["Results"],
      request: { params: IdParamSchema("unitId"), query: PeriodQuerySchema },
      responses: { 200: json("The unit's results.", IndicatorsSchema), ...common },
    },
    example: `${API_BASE}/units/{unitId}/indicators?period=2026-Q3`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/services/{serviceId}/indicators`,
      summary: "IKM of a service",
      description: "The same as for a unit, for one service.",
      tags: ["Results"],
      request: { params: IdParamSchema("serviceId"), query: PeriodQuerySchema },
      responses: { 200: json("The service's results.", IndicatorsSchema), ...common },
    },
    example: `${API_BASE}/services/{serviceId}/indicators?period=2026-Q3`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/units/{unitId}/complaints`,
      summary: "Public complaints of a unit",
      description: "Handling figures and the public and anonymous complaints received in the period (verified ones only; confidential ones never).",
      tags: ["Complaints"],
      request: { params: IdParamSchema("unitId"), query: PeriodQuerySchema },
      responses: { 200: json("The unit's complaints.", ComplaintListSchema), ...common },
    },
    example: `${API_BASE}/units/{unitId}/complaints?period=2026-Q3`,
  },
  {
    config: { method: "get", path: `${API_BASE}/forums`, summary: "Published forums", description: "Public consultation forums with a published berita acara.", tags: ["Forums"], responses: { 200: json("The forums.", ForumListSchema), 429: common[429] } },
    example: `${API_BASE}/forums`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/forums/{forumId}`,
      summary: "A published berita acara",
      description: "Themes, the inputs they cite (hidden ones left out, names only where agreed) and the follow-up actions with their progress.",
      tags: ["Forums"],
      request: { params: IdParamSchema("forumId") },
      responses: { 200: json("The berita acara.", ForumRecordSchema), ...common },
    },
    example: `${API_BASE}/forums/{forumId}`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/agencies/{agency}/indicators.csv`,
      summary: "Results of a government as CSV",
      description: "One row per unit and per service, the same figures and suppression as the JSON answers. UTF-8, comma-separated, decimal point.",
      tags: ["Downloads"],
      request: { params: AgencyParamSchema, query: PeriodQuerySchema },
      responses: { 200: { description: "CSV file.", content: { "text/csv": { schema: z.string() } } }, ...common },
    },
    example: `${API_BASE}/agencies/kota-pariaman/indicators.csv?period=2026-Q3`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/agencies/{agency}/indicators.xlsx`,
      summary: "Results of a government as XLSX",
      description: "The CSV's rows as a spreadsheet.",
      tags: ["Downloads"],
      request: { params: AgencyParamSchema, query: PeriodQuerySchema },
      responses: { 200: { description: "XLSX file.", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) } } }, ...common },
    },
    example: `${API_BASE}/agencies/kota-pariaman/indicators.xlsx?period=2026-Q3`,
  },
];

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The OpenAPI 3.1 document (built once per process). */
export function openApiDocument(serverUrl: string) {
  if (!cached) {
    const registry = new OpenAPIRegistry();
    for (const path of API_PATHS) registry.registerPath(path.config);
    cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: "3.1.0",
      info: {
        title: "Suara open data",
        version: "1.0.0",
        description:
          "Read-only results of public services: SKM/IKM per unit and service (published only from the agency's minimum of full surveys), complaints handling and public consultation forums. No sign-in; answers carry ETag and Cache-Control; 600 requests per 10 minutes per address.",
      },
      servers: [{ url: "/" }],
    });
  }
  return { ...cached, servers: [{ url: serverUrl }] };
}
