// IKM report of a CSV of SKM answers (PermenPANRB 14/2017):
//
//   tsx db/cli/ikm.ts FILE.csv [--population N] [--weights "U1=0,05;U2=0,05;…;U9=0,05"]
//
// --weights: the unit's own IKM weights, as its unit settings page holds them (decimals with a comma or a point,
// or fractions like 1/9; all nine, summing to exactly 1); without it each element weighs 1/9.
// Prints the JSON report on stdout. A malformed file or a bad argument prints one line on stderr, naming the
// file, line and column where there is one, and exits with code 1.

import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

import { ikmReportFromCsv } from "~/domain/indicators/csv-ikm";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { EQUAL_WEIGHTS, parseWeights, rationalToNumber, type IkmWeights, type Rational } from "~/domain/indicators/ikm";
import { parseWeightText } from "~/domain/unit-settings";

const USAGE = 'usage: tsx db/cli/ikm.ts FILE.csv [--population N] [--weights "U1=0,05;…;U9=0,05"]';

export interface CliIo {
  readText(path: string): Promise<string>;
  writeOut(text: string): void;
  writeErr(text: string): void;
}

type ParsedArguments =
  | { ok: true; kind: "help" }
  | { ok: true; kind: "report"; file: string; population: number | undefined; weights: IkmWeights }
  | { ok: false; file: string | undefined; message: string };

function parsePopulation(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** "U1=0,05;U2=1/9;…": all nine elements once each, summing to exactly 1; a message otherwise. */
export function parseWeightsArgument(text: string): IkmWeights | string {
  const parsed: Partial<Record<string, Rational>> = {};
  for (const item of text.split(/[;\s]+/).filter(Boolean)) {
    const match = /^(U[1-9])=(.+)$/i.exec(item);
    const code = match?.[1]?.toUpperCase();
    const weight = match ? parseWeightText(match[2]!) : null;
    if (!code || weight === null) return `--weights: "${item}" is not ELEMENT=WEIGHT (e.g. U1=0,05 or U1=1/9)`;
    if (parsed[code]) return `--weights: ${code} is given twice`;
    parsed[code] = weight;
  }
  const missing = ELEMENT_CODES.filter((code) => !parsed[code]);
  if (missing.length > 0) return `--weights: ${missing.join(", ")} missing; give all nine elements`;
  const checked = parseWeights(parsed as Record<(typeof ELEMENT_CODES)[number], Rational>);
  if (checked.ok) return checked.weights;
  return checked.reason === "sum_not_one" ? `--weights must sum to exactly 1, they sum to ${rationalToNumber(checked.sum)}` : `--weights: ${checked.reason}`;
}

export function parseArguments(args: readonly string[]): ParsedArguments {
  const files: string[] = [];
  const problems: string[] = [];
  let population: number | undefined;
  let weights: IkmWeights = EQUAL_WEIGHTS;
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index] as string;
    if (argument === "--help" || argument === "-h") return { ok: true, kind: "help" };
    if (argument === "--population" || argument.startsWith("--population=")) {
      const text = argument === "--population" ? args[++index] : argument.slice("--population=".length);
      const value = parsePopulation(text);
      if (value === null) problems.push(`--population needs a whole number of service users, got "${text ?? ""}"`);
      else population = value;
    } else if (argument === "--weights" || argument.startsWith("--weights=")) {
      const text = argument === "--weights" ? args[++index] : argument.slice("--weights=".length);
      const value = parseWeightsArgument(text ?? "");
      if (typeof value === "string") problems.push(value);
      else weights = value;
    } else if (argument.startsWith("-")) {
      problems.push(`unknown option ${argument}`);
    } else {
      files.push(argument);
    }
  }
  const [file, ...extra] = files;
  const [problem] = problems;
  if (problem !== undefined) return { ok: false, file, message: problem };
  if (file === undefined) return { ok: false, file, message: `no CSV file given; ${USAGE}` };
  if (extra.length > 0) return { ok: false, file, message: `expected one CSV file, got ${files.length}; ${USAGE}` };
  return { ok: true, kind: "report", file, population, weights };
}

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs the command and returns the exit code. */
export async function runIkmCli(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args);
  if (!parsed.ok) {
    io.writeErr(`ikm: ${parsed.file === undefined ? "" : `${parsed.file}: `}${parsed.message}\n`);
    return 1;
  }
  if (parsed.kind === "help") {
    io.writeOut(`${USAGE}\n`);
    return 0;
  }

  let text: string;
  try {
    text = await io.readText(parsed.file);
  } catch (error) {
    io.writeErr(`ikm: ${parsed.file}: cannot read the file (${errorCode(error)})\n`);
    return 1;
  }

  const result = ikmReportFromCsv(text, parsed.population, parsed.weights);
  if (!result.ok) {
    const column = result.column === null ? "" : `, column ${result.column}`;
    io.writeErr(`ikm: ${parsed.file}: line ${result.line}${column}: ${result.message}\n`);
    return 1;
  }
  io.writeOut(`${JSON.stringify(result.report, null, 2)}\n`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  process.exitCode = await runIkmCli(process.argv.slice(2), {
    readText: (path) => readFile(path, "utf8"),
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
  });
}
