import type { TestProject } from "vitest/node";
import { startTestPostgres } from "../support/postgres";
import { prepareTemplates } from "../support/templates";
import { DEMO_TEMPLATE, SCHEMA_TEMPLATE, templatesAreReady } from "../support/test-run";

export const TEMPLATE_DATABASE = SCHEMA_TEMPLATE;
export const DEMO_TEMPLATE_DATABASE = DEMO_TEMPLATE;

// One server for the run and two templates made once, unless `npm test` has made them already for every runner.
// Each test file copies one of them into its own database.
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  if (!templatesAreReady()) await prepareTemplates(server.adminUrl);
  project.provide("pgAdminUrl", server.adminUrl);
  return async () => {
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
