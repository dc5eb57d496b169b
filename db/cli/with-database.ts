import { parseEnv, ConfigurationError } from "../../app/platform/env.server";
import { startEmbeddedPostgres } from "./embedded";

/** Runs a command against DATABASE_URL, or against the embedded server (started and stopped around it). */
export async function withDatabase(task: (connectionString: string) => Promise<void>): Promise<void> {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof ConfigurationError ? error.message : String(error));
    process.exit(1);
  }
  if (env.DATABASE_URL) return task(env.DATABASE_URL);
  const server = await startEmbeddedPostgres(env.DATA_DIR, env.EMBEDDED_PG_PORT);
  try {
    await task(server.connectionString);
  } finally {
    await server.stop();
  }
}
