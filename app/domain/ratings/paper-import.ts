import { ELEMENT_CODES, type ElementCode } from "../indicators/elements";
import type { CsvRecord } from "../indicators/csv-ikm";
import { AGE_BANDS, COMMENT_MAX, EDUCATIONS, OCCUPATIONS, SEXES } from "./submission";

// Paper SKM forms typed into a spreadsheet: one row per form. U1..U9 columns are required (blank = skipped);
// the date, profile and comment columns are optional. Values may be written in Indonesian as on the paper form.
export const OPTIONAL_COLUMNS = ["tanggal", "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "saran"] as const;
/** The columns of the downloadable template, in its order: the nine elements, then the optional ones. */
export const TEMPLATE_COLUMNS: readonly string[] = [...ELEMENT_CODES, ...OPTIONAL_COLUMNS];
export const MAX_ROWS = 5_000;

export interface PaperRow {
  line: number;
  date: string | null;
  answers: Record<ElementCode, number | null>;
  sex: string | null;
  ageBand: string | null;
  education: string | null;
  occupation: string | null;
  comment: string | null;
}

export interface BadRow {
  line: number;
  column: string | null;
  reason: "missing_column" | "score" | "no_answers" | "date" | "date_outside_period" | "not_in_list" | "comment_too_long" | "too_many_rows";
  value?: string;
}

export interface PaperImportCheck {
  good: PaperRow[];
  bad: BadRow[];
}

// Words people write on paper forms, mapped to the stored codes.
const SYNONYMS: Record<string, Record<string, string>> = {
  jenis_kelamin: { l: "male", "laki-laki": "male", laki: "male", pria: "male", male: "male", p: "female", perempuan: "female", wanita: "female", female: "female" },
  usia: { "<20": "lt20", "di bawah 20": "lt20", "20-29": "20_29", "30-39": "30_39", "40-49": "40_49", "50-59": "50_59", "60+": "60plus", ">=60": "60plus" },
  pendidikan: { sd: "sd", smp: "smp", sltp: "smp", sma: "sma", slta: "sma", smk: "sma", d1: "d1_d3", d2: "d1_d3", d3: "d1_d3", d4: "d4_s1", s1: "d4_s1", s2: "s2", s3: "s3" },
  pekerjaan: { pns: "pns", asn: "pns", tni: "tni", polri: "polri", swasta: "swasta", "pegawai swasta": "swasta", wirausaha: "wirausaha", wiraswasta: "wirausaha", pelajar: "pelajar", mahasiswa: "pelajar", lainnya: "lainnya" },
};
const ALLOWED: Record<string, readonly string[]> = { jenis_kelamin: SEXES, usia: AGE_BANDS, pendidikan: EDUCATIONS, pekerjaan: OCCUPATIONS };

function normaliseChoice(column: string, raw: string): string | null | "invalid" {
  const value = raw.trim().toLowerCase();
  if (value === "") return null;
  const mapped = SYNONYMS[column]?.[value] ?? value;
  return ALLOWED[column]?.includes(mapped) ? mapped : "invalid";
}

/** Checks every row of a paper-survey sheet against the period; bad rows carry their line and column. */
export function checkPaperRows(records: readonly CsvRecord[], period: { from: string; to: string }): PaperImportCheck {
  const [header, ...rows] = records;
  if (!header) return { good: [], bad: [{ line: 1, column: null, reason: "missing_column", value: "U1" }] };
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = ELEMENT_CODES.filter((code) => !index.has(code.toLowerCase()));
  if (missing.length > 0) return { good: [], bad: missing.map((code) => ({ line: header.line, column: code, reason: "missing_column" as const })) };
  if (rows.length > MAX_ROWS) return { good: [], bad: [{ line: header.line, column: null, reason: "too_many_rows", value: String(rows.length) }] };

  const good: PaperRow[] = [];
  const bad: BadRow[] = [];
  const cell = (record: CsvRecord, column: string) => {
    const at = index.get(column);
    return at === undefined ? "" : (record.fields[at] ?? "").trim();
  };
  for (const record of rows) {
    if (record.fields.every((field) => field.trim() === "")) continue;
    const problems: BadRow[] = [];
    const answers = {} as Record<ElementCode, number | null>;
    for (const code of ELEMENT_CODES) {
      const raw = cell(record, code.toLowerCase());
      if (raw === "") answers[code] = null;
      else if (/^[1-4]$/.test(raw)) answers[code] = Number(raw);
      else {
        answers[code] = null;
        problems.push({ line: record.line, column: code, reason: "score", value: raw });
      }
    }
    if (problems.length === 0 && ELEMENT_CODES.every((code) => answers[code] === null)) problems.push({ line: record.line, column: null, reason: "no_answers" });
    const date = cell(record, "tanggal");
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push({ line: record.line, column: "tanggal", reason: "date", value: date });
    else if (date && (date < period.from || date > period.to)) problems.push({ line: record.line, column: "tanggal", reason: "date_outside_period", value: date });
    const choices: Record<string, string | null> = {};
    for (const column of ["jenis_kelamin", "usia", "pendidikan", "pekerjaan"]) {
      const value = normaliseChoice(column, cell(record, column));
      if (value === "invalid") problems.push({ line: record.line, column, reason: "not_in_list", value: cell(record, column) });
      choices[column] = value === "invalid" ? null : value;
    }
    const comment = cell(record, "saran");
    if (comment.length > COMMENT_MAX) problems.push({ line: record.line, column: "saran", reason: "comment_too_long" });
    if (problems.length > 0) {
      bad.push(...problems);
      continue;
    }
    good.push({
      line: record.line,
      date: date || null,
      answers,
      sex: choices.jenis_kelamin ?? null,
      ageBand: choices.usia ?? null,
      education: choices.pendidikan ?? null,
      occupation: choices.pekerjaan ?? null,
      comment: comment || null,
    });
  }
  return { good, bad };
}
