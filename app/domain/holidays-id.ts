// Indonesian national holidays (libur nasional) and collective leave (cuti bersama), used to seed the
// holiday table that administrators maintain per year. Working-day clocks read that table, not this file.
//
// 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun
// 2025, Nomor 5 Tahun 2025 (17 libur nasional, 8 cuti bersama).
// 2027: no SKB yet when this was written (it is usually signed in September–November of the year before).
// Solar-calendar holidays and the Easter-based ones are certain; the dates of lunar holidays (Hijri,
// Chinese, Saka, Waisak) are ESTIMATES from the astronomical calendar, and the cuti bersama days are a
// GUESS following the usual pattern (bridge days beside holidays). An administrator must confirm every
// entry marked `estimated` against the SKB before relying on it.

import { createHolidayCalendar, type HolidayCalendar, type IsoDate } from "./working-days";

export type HolidayKind = "libur_nasional" | "cuti_bersama";

export interface IndonesianHoliday {
  date: IsoDate;
  /** The name as printed in the SKB. */
  name: string;
  kind: HolidayKind;
  /** True when the date is not (yet) from an SKB and must be confirmed by an administrator. */
  estimated: boolean;
}

function libur(date: IsoDate, name: string, estimated = false): IndonesianHoliday {
  return { date, name, kind: "libur_nasional", estimated };
}

function cutiBersama(date: IsoDate, name: string, estimated = false): IndonesianHoliday {
  return { date, name, kind: "cuti_bersama", estimated };
}

export const INDONESIAN_HOLIDAYS_2026: readonly IndonesianHoliday[] = [
  libur("2026-01-01", "Tahun Baru 2026 Masehi"),
  libur("2026-01-16", "Isra Mikraj Nabi Muhammad S.A.W."),
  cutiBersama("2026-02-16", "Cuti Bersama Tahun Baru Imlek 2577 Kongzili"),
  libur("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
  cutiBersama("2026-03-18", "Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)"),
  libur("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
  cutiBersama("2026-03-20", "Cuti Bersama Idulfitri 1447 Hijriah"),
  libur("2026-03-21", "Idulfitri 1447 Hijriah"),
  libur("2026-03-22", "Idulfitri 1447 Hijriah"),
  cutiBersama("2026-03-23", "Cuti Bersama Idulfitri 1447 Hijriah"),
  cutiBersama("2026-03-24", "Cuti Bersama Idulfitri 1447 Hijriah"),
  libur("2026-04-03", "Wafat Yesus Kristus"),
  libur("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
  libur("2026-05-01", "Hari Buruh Internasional"),
  libur("2026-05-14", "Kenaikan Yesus Kristus"),
  cutiBersama("2026-05-15", "Cuti Bersama Kenaikan Yesus Kristus"),
  libur("2026-05-27", "Iduladha 1447 Hijriah"),
  cutiBersama("2026-05-28", "Cuti Bersama Iduladha 1447 Hijriah"),
  libur("2026-05-31", "Hari Raya Waisak 2570 BE"),
  libur("2026-06-01", "Hari Lahir Pancasila"),
  libur("2026-06-16", "1 Muharam Tahun Baru Islam 1448 Hijriah"),
  libur("2026-08-17", "Proklamasi Kemerdekaan Republik Indonesia"),
  libur("2026-08-25", "Maulid Nabi Muhammad S.A.W."),
  cutiBersama("2026-12-24", "Cuti Bersama Kelahiran Yesus Kristus"),
  libur("2026-12-25", "Kelahiran Yesus Kristus"),
];

// 2027: estimates (see the header). Isra Mikraj 1449 H is expected around 25–26 December 2027, a weekend
// either way, so it is left for the 2027 SKB rather than guessed here.
const ESTIMATED = true;
export const INDONESIAN_HOLIDAYS_2027: readonly IndonesianHoliday[] = [
  libur("2027-01-01", "Tahun Baru 2027 Masehi"),
  libur("2027-01-05", "Isra Mikraj Nabi Muhammad S.A.W.", ESTIMATED),
  cutiBersama("2027-02-05", "Cuti Bersama Tahun Baru Imlek 2578 Kongzili", ESTIMATED),
  libur("2027-02-06", "Tahun Baru Imlek 2578 Kongzili", ESTIMATED),
  libur("2027-03-08", "Hari Suci Nyepi (Tahun Baru Saka 1949)", ESTIMATED),
  cutiBersama("2027-03-09", "Cuti Bersama Idulfitri 1448 Hijriah", ESTIMATED),
  libur("2027-03-10", "Idulfitri 1448 Hijriah", ESTIMATED),
  libur("2027-03-11", "Idulfitri 1448 Hijriah", ESTIMATED),
  cutiBersama("2027-03-12", "Cuti Bersama Idulfitri 1448 Hijriah", ESTIMATED),
  cutiBersama("2027-03-15", "Cuti Bersama Idulfitri 1448 Hijriah", ESTIMATED),
  libur("2027-03-26", "Wafat Yesus Kristus"),
  libur("2027-03-28", "Kebangkitan Yesus Kristus (Paskah)"),
  libur("2027-05-01", "Hari Buruh Internasional"),
  libur("2027-05-06", "Kenaikan Yesus Kristus"),
  cutiBersama("2027-05-07", "Cuti Bersama Kenaikan Yesus Kristus", ESTIMATED),
  libur("2027-05-17", "Iduladha 1448 Hijriah", ESTIMATED),
  cutiBersama("2027-05-18", "Cuti Bersama Iduladha 1448 Hijriah", ESTIMATED),
  libur("2027-05-20", "Hari Raya Waisak 2571 BE", ESTIMATED),
  cutiBersama("2027-05-21", "Cuti Bersama Hari Raya Waisak 2571 BE", ESTIMATED),
  libur("2027-06-01", "Hari Lahir Pancasila"),
  libur("2027-06-06", "1 Muharam Tahun Baru Islam 1449 Hijriah", ESTIMATED),
  libur("2027-08-15", "Maulid Nabi Muhammad S.A.W.", ESTIMATED),
  libur("2027-08-17", "Proklamasi Kemerdekaan Republik Indonesia"),
  cutiBersama("2027-12-24", "Cuti Bersama Kelahiran Yesus Kristus", ESTIMATED),
  libur("2027-12-25", "Kelahiran Yesus Kristus"),
];

export const INDONESIAN_HOLIDAYS: readonly IndonesianHoliday[] = [
  ...INDONESIAN_HOLIDAYS_2026,
  ...INDONESIAN_HOLIDAYS_2027,
];

/** A working-day calendar from the seed list; pass `confirmedOnly` to leave out the estimates. */
export function indonesianHolidayCalendar(options: { confirmedOnly?: boolean } = {}): HolidayCalendar {
  const entries = options.confirmedOnly
    ? INDONESIAN_HOLIDAYS.filter((holiday) => !holiday.estimated)
    : INDONESIAN_HOLIDAYS;
  return createHolidayCalendar(entries.map((holiday) => holiday.date));
}
