// NIP (Nomor Induk Pegawai): the 18-digit civil-servant number that BKN's e-Kinerja uses for sign-in.
// Layout: birth date YYYYMMDD (8) · appointment year+month YYYYMM (6) · sex, 1 male / 2 female (1) ·
// sequence 001–999 (3). The plausibility bounds below are product choices, not law.

import { DEFAULT_TIME_ZONE, isIsoDate, localDateOf } from "./working-days";

export const NIP_LENGTH = 18;
export const EARLIEST_BIRTH_YEAR = 1940;
export const LATEST_BIRTH_YEAR = 2015;
export const EARLIEST_APPOINTMENT_YEAR = 1960;
/** Youngest plausible age at appointment, in whole years (compared by month). */
export const MINIMUM_AGE_AT_APPOINTMENT = 17;

export type NipSex = "male" | "female";

/** Why a NIP was refused; each is a key for a translated message. */
export type NipRejection = "length" | "digits" | "birth_date" | "appointment" | "sex" | "sequence";

export type NipValidation =
  { ok: true; nip: string; birthDate: string; appointment: string; sex: NipSex } | { ok: false; reason: NipRejection };

/**
 * Checks a NIP as typed (spaces allowed). `today` bounds the appointment month, read as a calendar month
 * in `zone` (default WIB): an appointment cannot lie in the future.
 */
export function validateNip(input: string, today: Date, zone: string = DEFAULT_TIME_ZONE): NipValidation {
  const nip = input.replace(/\s+/g, "");
  if (/\D/.test(nip)) return { ok: false, reason: "digits" };
  if (nip.length !== NIP_LENGTH) return { ok: false, reason: "length" };

  const birthYear = Number(nip.slice(0, 4));
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (birthYear < EARLIEST_BIRTH_YEAR || birthYear > LATEST_BIRTH_YEAR || !isIsoDate(birthDate)) {
    return { ok: false, reason: "birth_date" };
  }

  const appointmentYear = Number(nip.slice(8, 12));
  const appointmentMonth = Number(nip.slice(12, 14));
  const appointment = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  const thisMonth = localDateOf(today, zone).slice(0, 7);
  const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
  const earliestByAge = monthIndex(birthYear + MINIMUM_AGE_AT_APPOINTMENT, Number(nip.slice(4, 6)));
  if (
    appointmentMonth < 1 ||
    appointmentMonth > 12 ||
    appointmentYear < EARLIEST_APPOINTMENT_YEAR ||
    monthIndex(appointmentYear, appointmentMonth) < earliestByAge ||
    appointment > thisMonth
  ) {
    return { ok: false, reason: "appointment" };
  }

  const sexDigit = nip.charAt(14);
  if (sexDigit !== "1" && sexDigit !== "2") return { ok: false, reason: "sex" };

  if (nip.slice(15) === "000") return { ok: false, reason: "sequence" };

  return { ok: true, nip, birthDate, appointment, sex: sexDigit === "1" ? "male" : "female" };
}

/** "198503122010011004" → "19850312 201001 1 004", the way it is printed on SK and ID cards. */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(digits)) return nip.trim();
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

export interface NipParts {
  /** "YYYY-MM-DD" */
  birthDate: string;
  /** "YYYY-MM" */
  appointment: string;
  sex: NipSex;
  /** 1–999 */
  sequence: number;
}

/**
 * Assembles a NIP from its parts, for seed data. Deterministic; throws on malformed parts (a bug in the
 * seed, not user input). It checks shape only: run validateNip to check plausibility.
 */
export function makeNip({ birthDate, appointment, sex, sequence }: NipParts): string {
  if (!isIsoDate(birthDate)) throw new RangeError(`birthDate must be YYYY-MM-DD, got ${birthDate}`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(appointment)) {
    throw new RangeError(`appointment must be YYYY-MM, got ${appointment}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) {
    throw new RangeError(`sequence must be 1–999, got ${sequence}`);
  }
  return [
    birthDate.replaceAll("-", ""),
    appointment.replace("-", ""),
    sex === "male" ? "1" : "2",
    String(sequence).padStart(3, "0"),
  ].join("");
}
