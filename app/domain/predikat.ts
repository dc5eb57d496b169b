// Predikat kinerja (performance predicate) of an ASN officer, PermenPANRB 6/2022.
// The supervisor rates hasil kerja (work results) and perilaku kerja (work behaviour) against expectations;
// the predicate follows from the two ratings by a fixed matrix.

import { addCalendarDays, DEFAULT_TIME_ZONE, endOfLocalDay, localDateOf } from "./working-days";

/** Rating against the supervisor's expectation (ekspektasi pimpinan). */
export type Rating = "di_atas" | "sesuai" | "di_bawah";

/** Predikat kinerja pegawai. */
export type Predikat = "sangat_baik" | "baik" | "butuh_perbaikan" | "kurang_misconduct" | "sangat_kurang";

// PermenPANRB 6/2022 annex: rows are hasil kerja, columns perilaku kerja.
const PREDIKAT_MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>> = {
  di_atas: { di_bawah: "kurang_misconduct", sesuai: "baik", di_atas: "sangat_baik" },
  sesuai: { di_bawah: "kurang_misconduct", sesuai: "baik", di_atas: "baik" },
  di_bawah: { di_bawah: "sangat_kurang", sesuai: "butuh_perbaikan", di_atas: "butuh_perbaikan" },
};

export function predikatFor(hasilKerja: Rating, perilaku: Rating): Predikat {
  return PREDIKAT_MATRIX[hasilKerja][perilaku];
}

/** Predikat kinerja organisasi: the unit's own predicate, which bounds how its staff may be spread. */
export type OrganisationPredikat = "istimewa" | "baik" | "butuh_perbaikan" | "kurang" | "sangat_kurang";

export type DistributionRuleKey =
  | "istimewa_max_sangat_baik"
  | "baik_max_baik"
  | "baik_needs_below_baik"
  | "butuh_perbaikan_min_butuh_perbaikan"
  | "butuh_perbaikan_max_sangat_baik"
  | "kurang_min_kurang"
  | "kurang_min_butuh_perbaikan"
  | "kurang_max_sangat_baik"
  | "sangat_kurang_min_sangat_kurang"
  | "sangat_kurang_no_sangat_baik";

/** The allowed share as a fraction of all officers: at most, at least, or at least one officer. */
export type AllowedShare =
  { kind: "at_most"; share: number } | { kind: "at_least"; share: number } | { kind: "at_least_one" };

interface DistributionRule {
  key: DistributionRuleKey;
  counts: readonly Predikat[];
  /** Whole percent, so the comparison stays exact: count × 100 against percent × total. */
  bound: { kind: "at_most"; percent: number } | { kind: "at_least"; percent: number } | { kind: "at_least_one" };
}

// Reported from a MenPANRB circular; the instrument itself was not verified (DOMAIN.md §2). Kept as data so
// an administrator-facing change is a one-line edit.
// "at least one Butuh Perbaikan or Kurang" also counts Sangat Kurang: a worse predicate satisfies the intent.
const DISTRIBUTION_RULES: Readonly<Record<OrganisationPredikat, readonly DistributionRule[]>> = {
  istimewa: [{ key: "istimewa_max_sangat_baik", counts: ["sangat_baik"], bound: { kind: "at_most", percent: 70 } }],
  baik: [
    { key: "baik_max_baik", counts: ["baik"], bound: { kind: "at_most", percent: 70 } },
    {
      key: "baik_needs_below_baik",
      counts: ["butuh_perbaikan", "kurang_misconduct", "sangat_kurang"],
      bound: { kind: "at_least_one" },
    },
  ],
  butuh_perbaikan: [
    {
      key: "butuh_perbaikan_min_butuh_perbaikan",
      counts: ["butuh_perbaikan"],
      bound: { kind: "at_least", percent: 60 },
    },
    { key: "butuh_perbaikan_max_sangat_baik", counts: ["sangat_baik"], bound: { kind: "at_most", percent: 10 } },
  ],
  kurang: [
    { key: "kurang_min_kurang", counts: ["kurang_misconduct"], bound: { kind: "at_least", percent: 60 } },
    { key: "kurang_min_butuh_perbaikan", counts: ["butuh_perbaikan"], bound: { kind: "at_least", percent: 10 } },
    { key: "kurang_max_sangat_baik", counts: ["sangat_baik"], bound: { kind: "at_most", percent: 10 } },
  ],
  sangat_kurang: [
    { key: "sangat_kurang_min_sangat_kurang", counts: ["sangat_kurang"], bound: { kind: "at_least", percent: 60 } },
    { key: "sangat_kurang_no_sangat_baik", counts: ["sangat_baik"], bound: { kind: "at_most", percent: 0 } },
  ],
};

export interface DistributionWarning {
  rule: DistributionRuleKey;
  /** The predicates the rule counts. */
  counts: readonly Predikat[];
  observedCount: number;
  total: number;
  /** observedCount / total, unrounded. */
  observedShare: number;
  allowed: AllowedShare;
}

/**
 * The distribution rules of the unit's organisational predicate that its finalized officer predicates
 * break. Advisory only: the portal shows these and never blocks a finalization. An empty list of
 * predicates breaks nothing (there is no distribution to judge yet).
 */
export function distributionWarnings(
  pattern: OrganisationPredikat,
  predikats: readonly Predikat[],
): DistributionWarning[] {
  const total = predikats.length;
  if (total === 0) return [];
  const warnings: DistributionWarning[] = [];
  for (const rule of DISTRIBUTION_RULES[pattern]) {
    const observedCount = predikats.filter((predikat) => rule.counts.includes(predikat)).length;
    const { bound } = rule;
    const broken =
      bound.kind === "at_most"
        ? observedCount * 100 > bound.percent * total
        : bound.kind === "at_least"
          ? observedCount * 100 < bound.percent * total
          : observedCount === 0;
    if (!broken) continue;
    const allowed: AllowedShare =
      bound.kind === "at_least_one" ? { kind: "at_least_one" } : { kind: bound.kind, share: bound.percent / 100 };
    warnings.push({
      rule: rule.key,
      counts: rule.counts,
      observedCount,
      total,
      observedShare: observedCount / total,
      allowed,
    });
  }
  return warnings;
}

/** PP 30/2019 Pasal 59: an objection (keberatan) may be filed within 14 days of receiving the result. */
export const OBJECTION_WINDOW_CALENDAR_DAYS = 14;

export interface ObjectionWindow {
  open: boolean;
  /** The last instant an objection is accepted. */
  closesAt: Date;
}

/**
 * Whether an officer may still object to an assessment received at `receivedAt`. Calendar days, the day of
 * receipt not counted (as for working days), closing at the end of the 14th day in `zone`.
 */
export function objectionWindow(receivedAt: Date, now: Date, zone: string = DEFAULT_TIME_ZONE): ObjectionWindow {
  const lastDay = addCalendarDays(localDateOf(receivedAt, zone), OBJECTION_WINDOW_CALENDAR_DAYS);
  const closesAt = endOfLocalDay(lastDay, zone);
  return { open: now.getTime() <= closesAt.getTime(), closesAt };
}
