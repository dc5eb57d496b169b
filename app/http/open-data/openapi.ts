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

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});
const json = (description: string, schema: z.ZodTypeAny) => ({
  description,
  content: { "application/json": { schema } },
});
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
    config: {
      method: "get",
      path: `${API_BASE}/agencies`,
      summary: "Agencies",
      description: "Every government publishing on the portal.",
      tags: ["Organisation"],
      responses: { 200: json("The agencies.", AgencyListSchema), 429: common[429] },
    },
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
      description:
        "The unit's (and its sub-units') SKM results for a period. Below the agency's minimum of full surveys the IKM, mutu and element values are null and suppressed is true. recommendations lists what the unit committed to in its SKM reports (the lowest element's first) and the previous period's recommendations with their follow-up status.",
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
      description: "The same as for a unit, for one service; recommendations are the unit's that name this service or no service.",
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
      description:
        "Handling figures and the public and anonymous complaints received in the period (verified ones only; confidential ones never). Fields follow Open311 GeoReport v2, except that service_request_id is the complaint's number and not its tracking code: the tracking code opens the citizen's own tracking page, where its holder can answer on the citizen's behalf, so it never leaves the citizen.",
      tags: ["Complaints"],
      request: { params: IdParamSchema("unitId"), query: PeriodQuerySchema },
      responses: { 200: json("The unit's complaints.", ComplaintListSchema), ...common },
    },
    example: `${API_BASE}/units/{unitId}/complaints?period=2026-Q3`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/forums`,
      summary: "Published forums",
      description: "Public consultation forums with a published berita acara.",
      tags: ["Forums"],
      responses: { 200: json("The forums.", ForumListSchema), 429: common[429] },
    },
    example: `${API_BASE}/forums`,
  },
  {
    config: {
      method: "get",
      path: `${API_BASE}/forums/{forumId}`,
      summary: "A published berita acara",
      description:
        "Themes, the inputs they cite (hidden ones left out, names only where agreed) and the follow-up actions with their progress.",
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
      description:
        "One row per unit and per service, the same figures and suppression as the JSON answers. UTF-8, comma-separated, decimal point.",
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
      responses: {
        200: {
          description: "XLSX file.",
          content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: z.string().openapi({ format: "binary" }),
            },
          },
        },
        ...common,
      },
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

// ---------------------------------------------------------------------------------------------------------
// The reference page's view of the document

interface SchemaObject {
  type?: string | string[];
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  enum?: unknown[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
}

export interface ReferenceField {
  name: string;
  type: string;
  description: string;
}

export interface ReferenceEntry {
  method: string;
  path: string;
  summary: string;
  description: string;
  example: string;
  parameters: { name: string; in: string; required: boolean; description: string }[];
  statuses: string[];
  fields: ReferenceField[];
}

type Document = ReturnType<typeof openApiDocument>;

function typeName(schema: SchemaObject | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "";
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeName).join(" | ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
  if (type === "array") return `${typeName(schema.items)}[]`;
  return type;
}

/** Each path with its parameters, statuses and the answer's top-level fields, for the readable reference. */
export function apiReference(document: Document): ReferenceEntry[] {
  const components = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const resolve = (schema: SchemaObject | undefined) =>
    schema?.$ref ? components[schema.$ref.split("/").pop() ?? ""] : schema;
  return API_PATHS.map(({ config, example }) => {
    const operation =
      (
        document.paths?.[config.path.replace(/\{(\w+)\}/g, "{$1}")] as
          Record<string, Record<string, unknown>> | undefined
      )?.[config.method] ?? {};
    const parameters = (
      (operation.parameters ?? []) as {
        name: string;
        in: string;
        required?: boolean;
        description?: string;
        schema?: SchemaObject;
      }[]
    ).map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      description: parameter.description ?? parameter.schema?.description ?? "",
    }));
    const responses = (operation.responses ?? {}) as Record<
      string,
      { content?: Record<string, { schema?: SchemaObject }> }
    >;
    const ok = responses["200"]?.content?.["application/json"]?.schema;
    const properties = resolve(ok)?.properties ?? {};
    return {
      method: config.method.toUpperCase(),
      path: config.path,
      summary: config.summary ?? "",
      description: config.description ?? "",
      example,
      parameters,
      statuses: Object.keys(responses),
      fields: Object.entries(properties).map(([name, schema]) => ({
        name,
        type: typeName(schema),
        description: schema.description ?? resolve(schema)?.description ?? "",
      })),
    };
  });
}
