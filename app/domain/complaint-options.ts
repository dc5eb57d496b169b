// The lists the complaint pages offer, shared by server and browser (no server imports here).
import type { ComplaintCategory, ComplaintStatus, Visibility } from "./complaint-lifecycle";

export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = ["pengaduan", "aspirasi", "permintaan_informasi"];
export const VISIBILITIES: readonly Visibility[] = ["public", "anonim", "rahasia"];
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  "diterima",
  "terverifikasi",
  "ditunda",
  "bukan_wewenang",
  "diarsipkan",
  "diteruskan",
  "ditindaklanjuti",
  "ditanggapi",
  "selesai",
];
/** The longest report text accepted. */
export const MAX_BODY_CHARS = 5000;

export type HolidayKind = "libur_nasional" | "cuti_bersama" | "libur_daerah";
export const HOLIDAY_KINDS: readonly HolidayKind[] = ["libur_nasional", "cuti_bersama", "libur_daerah"];
