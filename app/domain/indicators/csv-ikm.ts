// IKM report from a CSV of SKM answers, one respondent per row (PermenPANRB 14/2017). Units often keep
// their paper or spreadsheet surveys in this shape; the same report builder serves the CLI and the pages.
//
// Accepted: an optional UTF-8 BOM, CRLF or LF line ends, quoted fields ("" for a quote inside), and `;` or `,`
// as delimiter, whichever occurs more often outside quotes in the header. The header names the columns U1..U9
// (any case); other columns are ignored. Answers are 1..4, blank for unanswered. Errors are values that name
// the line (the header is line 1; a record spanning lines is reported at its first line) and the column.

import { ELEMENT_CODES, type ElementCode, isElementCode, mapElements } from "./elements";
import { computeIkm, emptyTallies, type ElementTally, type IkmWeights, type KinerjaKey, type Mutu } from "./ikm";
import { sampleSufficiency } from "./sample-size";

export interface CsvError {
  ok: false;
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** The column's header name (e.g. "U4"), or null when the problem is not in one column. */
  column: string | null;
  message: string;
}

export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvDelimiter = "," | ";";

/** Kinerja unit labels as printed in PermenPANRB 14/2017 (DOMAIN.md §1.3). */
export const KINERJA_LABELS_ID: Readonly<Record<KinerjaKey, string>> = {
  sangat_baik: "Sangat baik",
  baik: "Baik",
  kurang_baik: "Kurang baik",
  tidak_baik: "Tidak baik",
};

const BYTE_ORDER_MARK = "\uFEFF";

function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** `;` when the header line has more semicolons than commas outside quotes, otherwise `,`. */
export function detectDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const character of stripByteOrderMark(text)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && character === ";") semicolons += 1;
    else if (!quoted && character === ",") commas += 1;
  }
  return semicolons > commas ? ";" : ",";
}

function isBlankRecord(fields: readonly string[], quoted: boolean): boolean {
  return !quoted && fields.length === 1 && (fields[0] ?? "").trim() === "";
}

/** Splits CSV text into records with their starting line; blank lines are skipped. */
export function parseCsvRecords(
  text: string,
  delimiter: CsvDelimiter = detectDelimiter(text),
): { ok: true; records: CsvRecord[] } | CsvError {
  const source = stripByteOrderMark(text);
  const records: CsvRecord[] = [];
  let position = 0;
  let line = 1;

  const consumeLineEnd = (): void => {
    if (source[position] === "\r" && source[position + 1] === "\n") position += 2;
    else position += 1;
    line += 1;
  };

  while (position < source.length) {
    const recordLine = line;
    const fields: string[] = [];
    let anyQuoted = false;
    for (;;) {
      let field = "";
      if (source[position] === '"') {
        anyQuoted = true;
        position += 1;
        for (;;) {
          const character = source[position];
          if (character === undefined) {
            return {
              ok: false,
              line: recordLine,
              column: null,
              message: `field ${fields.length + 1} has an opening quote that is never closed`,
            };
          }
          if (character === '"') {
            if (source[position + 1] === '"') {
              field += '"';
              position += 2;
              continue;
            }
            position += 1;
            break;
          }
          if (character === "\n" || (character === "\r" && source[position + 1] !== "\n")) line += 1;
          field += character;
          position += 1;
        }
        const next = source[position];
        if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
          return {
            ok: false,
            line: recordLine,
            column: null,
            message: `field ${fields.length + 1} has text after its closing quote`,
          };
        }
      } else {
        while (position < source.length) {
          const character = source[position] as string;
          if (character === delimiter || character === "\r" || character === "\n") break;
          field += character;
          position += 1;
        }
      }
      fields.push(field);
      if (source[position] === delimiter) {
        position += 1;
        continue;
      }
      if (position < source.length) consumeLineEnd();
      break;
    }
    if (!isBlankRecord(fields, anyQuoted)) records.push({ line: recordLine, fields });
  }
  return { ok: true, records };
}

export interface IkmCsvData {
  ok: true;
  tallies: Record<ElementCode, ElementTally>;
  /** Data rows that answered at least one element. */
  respondents: number;
}

const ANSWER_PATTERN = /^[1-4]$/;

/** Reads the U1..U9 answers of a CSV into per-element sums and counts. */
export function readIkmCsv(text: string): IkmCsvData | CsvError {
  const parsed = parseCsvRecords(text);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, line: 1, column: null, message: "the file is empty; expected a header row" };

  const columnOf: Partial<Record<ElementCode, number>> = {};
  for (const [index, rawName] of header.fields.entries()) {
    const name = rawName.trim().toUpperCase();
    if (!isElementCode(name)) continue;
    if (columnOf[name] !== undefined) {
      return { ok: false, line: header.line, column: name, message: `column ${name} appears more than once` };
    }
    columnOf[name] = index;
  }
  const missing = ELEMENT_CODES.filter((code) => columnOf[code] === undefined);
  const firstMissing = missing[0];
  if (firstMissing !== undefined) {
    return {
      ok: false,
      line: header.line,
      column: firstMissing,
      message: `the header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
    };
  }

  const tallies = emptyTallies();
  let respondents = 0;
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      return {
        ok: false,
        line: row.line,
        column: null,
        message: `expected ${header.fields.length} fields as in the header, found ${row.fields.length}`,
      };
    }
    let answeredAny = false;
    for (const code of ELEMENT_CODES) {
      const value = (row.fields[columnOf[code] as number] ?? "").trim();
      if (value === "") continue;
      if (!ANSWER_PATTERN.test(value)) {
        return {
          ok: false,
          line: row.line,
          column: code,
          message: `invalid answer "${value}"; expected 1, 2, 3, 4 or blank`,
        };
      }
      tallies[code] = { sum: tallies[code].sum + Number(value), count: tallies[code].count + 1 };
      answeredAny = true;
    }
    if (answeredAny) respondents += 1;
  }
  return { ok: true, tallies, respondents };
}

/** The JSON report printed by `npm run ikm`; numbers are full precision, rounding is for display. */
export interface IkmCsvReport {
  respondents: number;
  nrr: Record<ElementCode, number | null>;
  ikm: number | null;
  ikmUnit: number | null;
  mutu: Mutu | null;
  kinerja: string | null;
  lowest: ElementCode | null;
  sampleRequired?: number;
  sufficient?: boolean;
}

/**
 * IKM report of a CSV of answers. With a population, also the Krejcie–Morgan minimum sample and whether the
 * respondents reach it. A file without any answer gives a report with nulls rather than an error. `weights`: the
 * unit's own IKM weights (the same as the portal's figure for that unit uses).
 */
export function ikmReportFromCsv(text: string, population: number | undefined, weights: IkmWeights): { ok: true; report: IkmCsvReport } | CsvError {
  const data = readIkmCsv(text);
  if (!data.ok) return data;
  const outcome = computeIkm(data.tallies, weights);
  const report: IkmCsvReport =
    outcome.kind === "computed"
      ? {
          respondents: data.respondents,
          nrr: outcome.nrr,
          ikm: outcome.ikm,
          ikmUnit: outcome.ikmUnit,
          mutu: outcome.mutu,
          kinerja: KINERJA_LABELS_ID[outcome.kinerja],
          lowest: outcome.lowest,
        }
      : {
          respondents: data.respondents,
          nrr: mapElements(() => null),
          ikm: null,
          ikmUnit: null,
          mutu: null,
          kinerja: null,
          lowest: null,
        };
  if (population !== undefined) {
    const { required, sufficient } = sampleSufficiency(data.respondents, population);
    report.sampleRequired = required;
    report.sufficient = sufficient;
  }
  return { ok: true, report };
}
