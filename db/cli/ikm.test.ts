import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const REPOSITORY_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(REPOSITORY_ROOT, "db", "cli", "ikm.ts");

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function runCli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", CLI, ...args], {
      cwd: REPOSITORY_ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

let directory = "";
const GOOD_CSV = ["No;U1;U2;U3;U4;U5;U6;U7;U8;U9", "1;4;3;3;4;3;3;4;3;3", "2;3;3;3;3;;3;3;3;2", ""].join("\r\n");
const BAD_CSV = ["U1,U2,U3,U4,U5,U6,U7,U8,U9", "1,2,3,4,1,2,3,4,1", "1,2,3,5,1,2,3,4,1", ""].join("\n");

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "suara-ikm-cli-"));
  await writeFile(join(directory, "good.csv"), `\uFEFF${GOOD_CSV}`);
  await writeFile(join(directory, "bad.csv"), BAD_CSV);
});

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe("tsx db/cli/ikm.ts", { timeout: 30_000 }, () => {
  it("prints the JSON report of a good file", async () => {
    const result = await runCli(join(directory, "good.csv"), "--population", "120");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      respondents: 2,
      nrr: { U1: 3.5, U2: 3, U3: 3, U4: 3.5, U5: 3, U6: 3, U7: 3.5, U8: 3, U9: 2.5 },
      ikm: 28 / 9,
      ikmUnit: 700 / 9,
      mutu: "B",
      kinerja: "Baik",
      lowest: "U9",
      sampleRequired: 92,
      sufficient: false,
    });
  });

  it("exits 1 with one line naming the file, line 3 and column U4 for an answer of 5", async () => {
    const file = join(directory, "bad.csv");
    const result = await runCli(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain("line 3");
    expect(result.stderr).toContain("U4");
  });

  it.each([
    [["--population", "many"], "--population"],
    [["--population=-5"], "--population"],
    [["--frobnicate"], "unknown option"],
    [["--weights", "U1=0,3;U2=0,1;U3=0,1;U4=0,1;U5=0,1;U6=0,1;U7=0,1;U8=0,1;U9=0,1"], "sum to exactly 1"],
    [["--weights", "U1=0,2;U2=0,1"], "U3"],
  ])("exits 1 on the bad argument %j", async (extra, message) => {
    const result = await runCli(join(directory, "good.csv"), ...extra);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("good.csv");
    expect(result.stderr).toContain(message);
  });

  it("weighs the elements as told with --weights", async () => {
    const result = await runCli(join(directory, "good.csv"), "--weights", "U1=1/2;U2=1/16;U3=1/16;U4=1/16;U5=1/16;U6=1/16;U7=1/16;U8=1/16;U9=1/16");
    expect(result.code).toBe(0);
    // (3.5 × 1/2 + (3 + 3 + 3.5 + 3 + 3 + 3.5 + 3 + 2.5) / 16) × 25
    expect(JSON.parse(result.stdout).ikmUnit).toBeCloseTo(82.03125, 9);
  });

  it("exits 1 when the file cannot be read", async () => {
    const result = await runCli(join(directory, "missing.csv"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("missing.csv");
  });

  it("exits 1 without a file", async () => {
    const result = await runCli();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("usage");
  });
});
