// The five sheets of an organisation import and the reading of their rows into typed records. Each row's own
// values are checked here (required cells, codes, kinds, numbers, NIPs, times, dates); references between rows
// and to what the portal holds already are checked in plan.ts. Pure.

import { validateNip } from "../nip";
import { parseLocalTime, parseWeekdays, type IsoWeekday, type LocalTime } from "../roster";
import type { IsoDate } from "../working-days";
import {
  CODE_PATTERN,
  cleanText,
  codeKey,
  normaliseNip,
  parseCodeList,
  parseCount,
  parseDate,
  parseEmail,
  parseRupiah,
  parseUnitKind,
  parseWorkingDays,
  type ImportUnitKind,
} from "./values";

export const SHEET_COLUMNS = {
  unit: ["kode", "nama", "jenis", "kode_induk", "alamat"],
  layanan: ["kode", "kode_unit", "nama", "persyaratan", "prosedur", "waktu_penyelesaian_hari", "biaya", "produk", "pengaduan", "jumlah_pengguna_per_tahun"],
  loket: ["kode", "kode_unit", "nama", "layanan"],
  pegawai: ["nip", "nama", "jabatan", "pangkat_golongan", "kode_unit", "nip_atasan", "email"],
  jadwal: ["kode_loket", "nip", "hari", "jam_mulai", "jam_selesai", "berlaku_dari", "berlaku_sampai"],
} as const;
export type SheetName = keyof typeof SHEET_COLUMNS;
export const SHEET_NAMES = Object.keys(SHEET_COLUMNS) as SheetName[];

/** Cells that may be left empty. */
const OPTIONAL: Readonly<Record<SheetName, readonly string[]>> = {
  unit: ["kode_induk", "alamat"],
  layanan: ["jumlah_pengguna_per_tahun", "biaya"],
  loket: [],
  pegawai: ["nip_atasan", "email", "pangkat_golongan"],
  jadwal: [],
};

export const MAX_TEXT = { name: 200, long: 4000 } as const;

export interface RawRecord {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  fields: string[];
  /** Cells a workbook stored as numbers (a NIP kept as a number has lost its last digits). */
  numeric?: boolean[];
}

export interface RawSheet {
  /** As reported to the user: "pegawai.csv" or "organisasi.xlsx › pegawai". */
  file: string;
  /** The header first, then the rows. */
  records: RawRecord[];
}

export type ImportFiles = Partial<Record<SheetName, RawSheet>>;

export type ProblemReason =
  | "noSheets"
  | "emptySheet"
  | "missingColumn"
  | "required"
  | "tooLong"
  | "badCode"
  | "duplicateCode"
  | "duplicateName"
  | "nameTaken"
  | "badKind"
  | "unknownParent"
  | "parentCycle"
  | "secondTopUnit"
  | "unknownUnit"
  | "badDays"
  | "badFee"
  | "badCount"
  | "unknownService"
  | "serviceOfOtherUnit"
  | "nipStoredAsNumber"
  | "nipLength"
  | "nipDigits"
  | "nipBirthDate"
  | "nipAppointment"
  | "nipSex"
  | "nipSequence"
  | "duplicateNip"
  | "nipOfOtherAgency"
  | "unknownSupervisor"
  | "selfSupervisor"
  | "supervisorCycle"
  | "badEmail"
  | "unknownCounter"
  | "unknownOfficer"
  | "badWeekdays"
  | "badTime"
  | "endsBeforeStarts"
  | "badDate"
  | "validToBeforeFrom"
  | "tooLongPeriod"
  | "duplicateShift"
  | "overlap"
  | "overlapExisting";

export interface ImportProblem {
  file: string;
  /** 0 for a problem with the whole input. */
  line: number;
  reason: ProblemReason;
  params?: Record<string, string | number>;
}

export interface UnitRow {
  line: number;
  code: string;
  name: string;
  kind: ImportUnitKind;
  parentCode: string | null;
  address: string | null;
}
export interface ServiceRow {
  line: number;
  code: string;
  unitCode: string;
  name: string;
  requirements: string;
  procedure: string;
  completionDays: number;
  feeRupiah: number;
  product: string;
  complaintChannel: string;
  usersPerYear: number | null;
}
export interface CounterRow {
  line: number;
  code: string;
  unitCode: string;
  name: string;
  serviceCodes: string[];
}
export interface OfficerRow {
  line: number;
  nip: string;
  name: string;
  position: string;
  rank: string;
  unitCode: string;
  supervisorNip: string | null;
  email: string | null;
}
export interface PatternRow {
  line: number;
  counterCode: string;
  nip: string;
  weekdays: IsoWeekday[];
  starts: LocalTime;
  ends: LocalTime;
  validFrom: IsoDate;
  validTo: IsoDate;
}

export interface ReadRows {
  unit?: UnitRow[];
  layanan?: ServiceRow[];
  loket?: CounterRow[];
  pegawai?: OfficerRow[];
  jadwal?: PatternRow[];
}

type Cells = { get(column: string): string; numeric(column: string): boolean };
type Report = (reason: ProblemReason, params?: ImportProblem["params"]) => void;

/** Reads every present sheet; problems of single cells are collected, a row with any is left out. */
export function readSheets(files: ImportFiles, today: Date, zone: string): { rows: ReadRows; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const rows: ReadRows = {};
  const present = SHEET_NAMES.filter((name) => files[name]);
  if (present.length === 0) return { rows, problems: [{ file: "", line: 0, reason: "noSheets" }] };
  for (const name of present) {
    const sheet = files[name]!;
    const read = readSheet(sheet, name, problems, (cells, report, line) => ROW_READERS[name](cells, report, line, today, zone));
    (rows as Record<SheetName, unknown[]>)[name] = read;
  }
  return { rows, problems };
}

function readSheet<T>(sheet: RawSheet, name: SheetName, problems: ImportProblem[], readRow: (cells: Cells, report: Report, line: number) => T | null): T[] {
  const [header, ...records] = sheet.records;
  if (!header) {
    problems.push({ file: sheet.file, line: 1, reason: "emptySheet" });
    return [];
  }
  const index = new Map<string, number>();
  header.fields.forEach((field, position) => {
    const column = cleanText(field.replace(/^\uFEFF/, "")).toLowerCase();
    if (!index.has(column)) index.set(column, position);
  });
  const missing = SHEET_COLUMNS[name].filter((column) => !index.has(column));
  for (const column of missing) problems.push({ file: sheet.file, line: header.line, reason: "missingColumn", params: { column } });
  if (missing.length > 0) return [];
  const out: T[] = [];
  for (const record of records) {
    if (record.fields.every((field) => cleanText(field) === "")) continue; // empty trailing rows of a spreadsheet
    const report: Report = (reason, params) => {
      problems.push({ file: sheet.file, line: record.line, reason, ...(params ? { params } : {}) });
    };
    const cells: Cells = {
      get: (column) => record.fields[index.get(column)!] ?? "",
      numeric: (column) => record.numeric?.[index.get(column)!] === true,
    };
    for (const column of SHEET_COLUMNS[name]) {
      if (!OPTIONAL[name].includes(column) && cleanText(cells.get(column)) === "") report("required", { column });
    }
    // A row with a bad cell is still read, so the rows that refer to it are not reported as well.
    const row = readRow(cells, report, record.line);
    if (row) out.push(row);
  }
  return out;
}

function text(cells: Cells, column: string, report: Report, max: number = MAX_TEXT.name): string {
  const value = cleanText(cells.get(column));
  if (value.length > max) report("tooLong", { column, max });
  return value;
}

function longText(cells: Cells, column: string, report: Report): string {
  // Requirements and procedures keep their line breaks: agencies write them as lists.
  const value = cells.get(column).replace(/\r\n?/g, "\n").split("\n").map(cleanText).filter(Boolean).join("\n");
  if (value.length > MAX_TEXT.long) report("tooLong", { column, max: MAX_TEXT.long });
  return value;
}

function code(cells: Cells, column: string, report: Report): string {
  const value = codeKey(cells.get(column));
  if (value !== "" && !CODE_PATTERN.test(value)) report("badCode", { column, value });
  return value;
}

function nip(cells: Cells, column: string, report: Report, today: Date, zone: string): string {
  if (cells.numeric(column)) {
    report("nipStoredAsNumber", { column });
    return "";
  }
  const value = normaliseNip(cells.get(column));
  const checked = validateNip(value, today, zone);
  if (!checked.ok) report(NIP_REASONS[checked.reason], { column, value });
  return value;
}

const NIP_REASONS = {
  length: "nipLength",
  digits: "nipDigits",
  birth_date: "nipBirthDate",
  appointment: "nipAppointment",
  sex: "nipSex",
  sequence: "nipSequence",
} as const satisfies Record<string, ProblemReason>;

type RowReader = (cells: Cells, report: Report, line: number, today: Date, zone: string) => unknown;

const ROW_READERS: Record<SheetName, RowReader> = {
  unit: (cells, report, line): UnitRow | null => {
    const kind = parseUnitKind(cells.get("jenis"));
    if (!kind) report("badKind", { value: cleanText(cells.get("jenis")) });
    const parent = code(cells, "kode_induk", report);
    const address = text(cells, "alamat", report, MAX_TEXT.long);
    const row = { line, code: code(cells, "kode", report), name: text(cells, "nama", report), kind: kind ?? "lainnya", parentCode: parent || null, address: address || null };
    return row;
  },
  layanan: (cells, report, line): ServiceRow | null => {
    const completionDays = parseWorkingDays(cells.get("waktu_penyelesaian_hari"));
    if (completionDays === null) report("badDays", { value: cleanText(cells.get("waktu_penyelesaian_hari")) });
    const feeRupiah = parseRupiah(cells.get("biaya"));
    if (feeRupiah === null) report("badFee", { value: cleanText(cells.get("biaya")) });
    const users = parseCount(cells.get("jumlah_pengguna_per_tahun"));
    if (users === null) report("badCount", { column: "jumlah_pengguna_per_tahun", value: cleanText(cells.get("jumlah_pengguna_per_tahun")) });
    return {
      line,
      code: code(cells, "kode", report),
      unitCode: code(cells, "kode_unit", report),
      name: text(cells, "nama", report),
      requirements: longText(cells, "persyaratan", report),
      procedure: longText(cells, "prosedur", report),
      completionDays: completionDays ?? 0,
      feeRupiah: feeRupiah ?? 0,
      product: text(cells, "produk", report, MAX_TEXT.long),
      complaintChannel: longText(cells, "pengaduan", report),
      usersPerYear: users ?? null,
    };
  },
  loket: (cells, report, line): CounterRow | null => {
    const serviceCodes = parseCodeList(cells.get("layanan"));
    for (const value of serviceCodes) if (!CODE_PATTERN.test(value)) report("badCode", { column: "layanan", value });
    return { line, code: code(cells, "kode", report), unitCode: code(cells, "kode_unit", report), name: text(cells, "nama", report), serviceCodes };
  },
  pegawai: (cells, report, line, today, zone): OfficerRow | null => {
    const supervisor = cleanText(cells.get("nip_atasan")) === "" ? null : nip(cells, "nip_atasan", report, today, zone);
    const email = parseEmail(cells.get("email"));
    if (email === null) report("badEmail", { value: cleanText(cells.get("email")) });
    return {
      line,
      nip: nip(cells, "nip", report, today, zone),
      name: text(cells, "nama", report),
      position: text(cells, "jabatan", report),
      rank: text(cells, "pangkat_golongan", report),
      unitCode: code(cells, "kode_unit", report),
      supervisorNip: supervisor,
      email: email ?? null,
    };
  },
  jadwal: (cells, report, line, today, zone): PatternRow | null => {
    const weekdays = parseWeekdays(cells.get("hari"));
    if (!weekdays) report("badWeekdays", { value: cleanText(cells.get("hari")) });
    const starts = parseLocalTime(cells.get("jam_mulai"));
    if (!starts) report("badTime", { column: "jam_mulai", value: cleanText(cells.get("jam_mulai")) });
    const ends = parseLocalTime(cells.get("jam_selesai"), true);
    if (!ends) report("badTime", { column: "jam_selesai", value: cleanText(cells.get("jam_selesai")) });
    const validFrom = parseDate(cells.get("berlaku_dari"));
    if (!validFrom) report("badDate", { column: "berlaku_dari", value: cleanText(cells.get("berlaku_dari")) });
    const validTo = parseDate(cells.get("berlaku_sampai"));
    if (!validTo) report("badDate", { column: "berlaku_sampai", value: cleanText(cells.get("berlaku_sampai")) });
    const officer = nip(cells, "nip", report, today, zone);
    if (!weekdays || !starts || !ends || !validFrom || !validTo) return null;
    return { line, counterCode: code(cells, "kode_loket", report), nip: officer, weekdays, starts, ends, validFrom, validTo };
  },
};
