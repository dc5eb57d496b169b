// SKP (Sasaran Kinerja Pegawai): periods, targets and the plan's life cycle (PermenPANRB 6/2022, planning
// stage: the officer drafts, the direct supervisor approves or returns it with comments).

import { addCalendarDays, isIsoDate, type IsoDate } from "./working-days";

export const PERIOD_KINDS = ["monthly", "quarterly", "annual"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PORTAL_INDICATORS = ["officer_service_score", "unit_ikm", "complaint_followup_share"] as const;
export type PortalIndicator = (typeof PORTAL_INDICATORS)[number];

export interface Period {
  kind: PeriodKind;
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
}

const MONTHS_PER_PERIOD: Record<PeriodKind, number> = { monthly: 1, quarterly: 3, annual: 12 };

/** The period of a kind that contains a date: its month, its quarter or its year. */
export function periodContaining(kind: PeriodKind, date: IsoDate): Period {
  const [year, month] = date.split("-").map(Number) as [number, number];
  const span = MONTHS_PER_PERIOD[kind];
  const firstMonth = Math.floor((month - 1) / span) * span + 1;
  return periodStartingAt(kind, year, firstMonth);
}

function periodStartingAt(kind: PeriodKind, year: number, firstMonth: number): Period {
  const start = `${year}-${pad(firstMonth)}-01`;
  const nextMonthIndex = firstMonth - 1 + MONTHS_PER_PERIOD[kind];
  const nextStart = `${year + Math.floor(nextMonthIndex / 12)}-${pad((nextMonthIndex % 12) + 1)}-01`;
  return { kind, start, end: addCalendarDays(nextStart, -1) };
}

/** The period that follows (the next month, quarter or year). */
export function nextPeriod(period: Period): Period {
  return periodContaining(period.kind, addCalendarDays(period.end, 1));
}

/** A period given by its first day: it must be the first day of a month, quarter or year. */
export function periodFromStart(kind: PeriodKind, start: string): { ok: true; period: Period } | { ok: false } {
  if (!isIsoDate(start)) return { ok: false };
  const period = periodContaining(kind, start);
  return period.start === start ? { ok: true, period } : { ok: false };
}

export function isWithinPeriod(period: Pick<Period, "start" | "end">, date: IsoDate): boolean {
  return date >= period.start && date <= period.end;
}

/**
 * A number typed by a person: "1.234,5" (Indonesian), "1234.5", "1,234.5" or "75". Returns null for
 * anything else (words, empty, several numbers). Both separators present: the last one is the decimal mark.
 */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(/\s+/g, "");
  if (!/^\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return null;
  const lastComma = compact.lastIndexOf(",");
  const lastDot = compact.lastIndexOf(".");
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    normalised = compact.split(thousands).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    // One comma with 3 digits after it and more before is ambiguous; Indonesian readers mean a decimal comma.
    normalised = compact.split(",").length === 2 ? compact.replace(",", ".") : compact.split(",").join("");
  } else if (lastDot >= 0 && compact.split(".").length > 2) {
    normalised = compact.split(".").join("");
  } else if (lastDot >= 0 && /^\d{1,3}\.\d{3}$/.test(compact)) {
    // "1.500" is one thousand five hundred in Indonesian.
    normalised = compact.replace(".", "");
  } else {
    normalised = compact;
  }
  if ((normalised.match(/\./g) ?? []).length > 1) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

export type PlanStatus = "draft" | "submitted" | "returned" | "approved";
export type PlanAction = "edit" | "submit" | "approve" | "return";

// The plan's life cycle: draft → submitted → approved, or → returned (with comments) → submitted again.
const ALLOWED: Record<PlanStatus, readonly PlanAction[]> = {
  draft: ["edit", "submit"],
  returned: ["edit", "submit"],
  submitted: ["approve", "return"],
  approved: [],
};

export function planAllows(status: PlanStatus, action: PlanAction): boolean {
  return ALLOWED[status].includes(action);
}

export function statusAfter(action: Exclude<PlanAction, "edit">): PlanStatus {
  return action === "submit" ? "submitted" : action === "approve" ? "approved" : "returned";
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
