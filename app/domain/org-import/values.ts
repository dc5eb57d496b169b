// Cell values as agencies' spreadsheets hold them (SIASN / e-Kinerja exports and hand-kept lists): trailing spaces,
// NIPs with spaces or dots, Indonesian thousands separators, dates typed the Indonesian way. Pure.

import { isIsoDate, type IsoDate } from "../working-days";

/** Unit kinds (jenis) an import may name; the portal stores the same words. */
export const IMPORT_UNIT_KINDS = [
  "sekretariat",
  "dinas",
  "badan",
  "kecamatan",
  "kelurahan",
  "desa",
  "puskesmas",
  "rsud",
  "sekolah",
  "lainnya",
] as const;
export type ImportUnitKind = (typeof IMPORT_UNIT_KINDS)[number];

/** Spaces collapsed, ends trimmed, non-breaking spaces (Excel) turned into plain ones. */
export function cleanText(value: string | undefined): string {
  return (value ?? "").replace(/[\u00a0\u2007\u202f]/g, " ").replace(/\s+/g, " ").trim();
}

/** A code as written in one file and referenced from another: trimmed, compared without regard to case. */
export function codeKey(value: string): string {
  return cleanText(value).toUpperCase();
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

/** "1985 0312 2010 01 1 004", "19850312.201001.1.004", "'198503122010011004" → digits only. */
export function normaliseNip(value: string): string {
  return cleanText(value).replace(/^'/, "").replace(/[\s.\-]/g, "");
}

export function parseUnitKind(value: string): ImportUnitKind | null {
  const kind = cleanText(value).toLowerCase();
  return (IMPORT_UNIT_KINDS as readonly string[]).includes(kind) ? (kind as ImportUnitKind) : null;
}

/** A whole number of rupiah: "0", "150000", "150.000", "Rp 150.000,00", "gratis", "-" (free). */
export function parseRupiah(value: string): number | null {
  const text = cleanText(value).toLowerCase();
  if (text === "" || text === "-" || text === "gratis" || text === "tidak dipungut biaya" || text === "rp 0" || text === "rp0") return 0;
  const digits = text.replace(/^rp\.?\s*/, "").replace(/,0{1,2}$/, "");
  if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(digits)) return null;
  const amount = Number(digits.replace(/\./g, ""));
  return Number.isSafeInteger(amount) ? amount : null;
}

/** Working days: "3", "3 hari", "3 hari kerja"; null if not a whole number ≥ 0. */
export function parseWorkingDays(value: string): number | null {
  const match = /^(\d{1,3})(?:\s*hari(?:\s*kerja)?)?$/i.exec(cleanText(value));
  return match ? Number(match[1]) : null;
}

/** A positive whole number with optional thousands dots ("12.000"); undefined for an empty cell. */
export function parseCount(value: string): number | null | undefined {
  const text = cleanText(value);
  if (text === "") return undefined;
  if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(text)) return null;
  const count = Number(text.replace(/\./g, ""));
  return Number.isSafeInteger(count) && count > 0 ? count : null;
}

/** "2026-01-31", or the way Indonesians type it, "31/01/2026" or "31-01-2026"; null when not a real day. */
export function parseDate(value: string): IsoDate | null {
  const text = cleanText(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isIsoDate(text) ? text : null;
  const dayFirst = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (dayFirst) {
    const iso = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, "0")}-${dayFirst[1]!.padStart(2, "0")}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}

/** A plausible e-mail address, or null; empty stays empty (undefined). */
export function parseEmail(value: string): string | null | undefined {
  const text = cleanText(value).toLowerCase();
  if (text === "") return undefined;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 200 ? text : null;
}

/** Service codes of a counter: "KTP;KK", "KTP, KK" or one per line in a cell. */
export function parseCodeList(value: string): string[] {
  return [...new Set(value.split(/[;,\n]+/).map(codeKey).filter(Boolean))];
}
