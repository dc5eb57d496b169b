// `npm test`: the whole suite on one PostgreSQL, with the demo seeded once for every runner. The checks and the
// build run beside the seeding (each keeps about one core busy), then unit and integration tests, then the
// end-to-end tests in Chromium. Every stage runs even when an earlier one failed (except e2e without a build), so
// one run reports everything; the exit code is 1 when anything failed.
import { spawn } from "node:child_process";
import { startTestPostgres } from "./support/postgres";
import { prepareTemplates } from "./support/templates";
import { TEMPLATES_READY_FLAG, TEST_SECRETS } from "./support/test-run";

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const startedAt = performance.now();
const outcomes: Outcome[] = [];

Object.assign(process.env, TEST_SECRETS);
const postgres = await startTestPostgres();
const sharedEnv = { ...process.env, TEST_DATABASE_URL: postgres.adminUrl, [TEMPLATES_READY_FLAG]: "1" };
let stopping = false;
const children = new Set<ReturnType<typeof spawn>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    void postgres.stop().finally(() => process.exit(130));
  });
}

try {
  const [, , build] = await Promise.all([
    run("typecheck", bin("tsc"), ["--noEmit"], { buffered: true }),
    run("lint", bin("eslint"), ["."], { buffered: true }),
    run("build", "npm", ["run", "--silent", "build"], { buffered: true }),
    timed("demo data", () => prepareTemplates(postgres.adminUrl)),
  ]);
  await run("unit and integration", bin("vitest"), ["run"], { env: sharedEnv });
  if (build.ok) await run("end-to-end", bin("playwright"), ["test"], { env: sharedEnv });
  else outcomes.push({ name: "end-to-end (skipped: the build failed)", ok: false, seconds: 0 });
} finally {
  await postgres.stop();
}

const total = (performance.now() - startedAt) / 1000;
console.log("\nnpm test");
for (const { name, ok, seconds } of outcomes) console.log(`  ${ok ? "ok    " : "FAILED"}  ${name.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s`);
console.log(`  ${"".padEnd(6)}  ${"total".padEnd(40)} ${total.toFixed(1).padStart(6)} s`);
process.exit(outcomes.every((outcome) => outcome.ok) ? 0 : 1);

async function timed(name: string, work: () => Promise<void>): Promise<Outcome> {
  const began = performance.now();
  let ok = true;
  try {
    await work();
  } catch (error) {
    ok = false;
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outcome = { name, ok, seconds: (performance.now() - began) / 1000 };
  outcomes.push(outcome);
  console.log(`${ok ? "✓" : "✗"} ${name} (${outcome.seconds.toFixed(1)} s)`);
  return outcome;
}

/** Runs a command; a buffered one prints its output in one piece if it fails, so parallel stages do not mix. */
function run(name: string, command: string, args: string[], options: { buffered?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Outcome> {
  return timed(name, () => {
    if (stopping) return Promise.reject(new Error("stopped"));
    return new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, {
        env: options.env ?? process.env,
        stdio: options.buffered ? ["ignore", "pipe", "pipe"] : "inherit",
      });
      children.add(child);
      const output: Buffer[] = [];
      child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
      child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        children.delete(child);
        // A passing stage's output (the build's file list) is noise; a failing one's is the report.
        const text = Buffer.concat(output).toString().trim();
        if (code !== 0 && text) console.log(`── ${name}\n${text}`);
        if (code === 0) resolve();
        else reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      });
    });
  });
}
