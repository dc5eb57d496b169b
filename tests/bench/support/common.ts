// Small helpers shared by the benchmark scripts: argument parsing, percentiles, tables, timing.
import { parseArgs } from "node:util";
import { createServer } from "node:net";

/** Reads `--name value` options as numbers (underscores and commas allowed: 10_000_000). */
export function numberOptions<T extends Record<string, number>>(defaults: T): T {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: "string" as const }])),
    allowPositionals: false,
  });
  const result = { ...defaults } as Record<string, number>;
  for (const [name, raw] of Object.entries(values)) {
    if (typeof raw !== "string") continue;
    const value = Number(raw.replace(/[_,]/g, ""));
    if (!Number.isFinite(value) || value < 0) {
      console.error(`--${name} must be a non-negative number, got "${raw}"`);
      process.exit(2);
    }
    result[name] = value;
  }
  return result as T;
}

/** The q-quantile (0..1) of a list of numbers, nearest-rank on the sorted values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Prints rows as an aligned text table; the first row is the header. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  rows.forEach((row, index) => {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
    if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The 1-minute load average and core count, printed beside every figure so readers know the conditions. */
export async function machineNote(): Promise<string> {
  const os = await import("node:os");
  const [one, five] = os.loadavg();
  return `${os.cpus().length} cores, load average ${one!.toFixed(2)} (1 min) / ${five!.toFixed(2)} (5 min), node ${process.version}`;
}
