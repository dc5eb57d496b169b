import { Form, NavLink } from "@remix-run/react";
import type { TFunction } from "~/i18n/react";
import { useLocale, useTranslation } from "~/i18n/react";
import type { Locale } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { TextAreaField } from "./TextAreaField";

// Pieces shared by the SKP and assessment pages (routes staf.skp.*, staf.penilaian.*, staf.kinerja-saya).

// The SKP pages import the locale hook from here; it lives in ~/i18n/react.
export { useLocale };

/** "Triwulan IV 2026", "November 2026", "Tahun 2026". */
export function periodLabel(t: TFunction, locale: Locale, kind: string, start: string): string {
  const [year, month] = start.split("-").map(Number) as [number, number];
  if (kind === "annual") return t("assessments.periodLabel.annual", { year });
  if (kind === "quarterly")
    return t("assessments.periodLabel.quarterly", {
      quarter: ["I", "II", "III", "IV"][Math.floor((month - 1) / 3)],
      year,
    });
  const monthName = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    month: "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
  return t("assessments.periodLabel.monthly", { month: monthName, year });
}

/** "1 Okt 2026 – 31 Des 2026" from ISO dates. */
export function dateRange(locale: Locale, start: string, end: string): string {
  const format = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeZone: "UTC" });
  return `${format.format(new Date(`${start}T00:00:00Z`))} – ${format.format(new Date(`${end}T00:00:00Z`))}`;
}

export function isoDateLabel(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = status === "approved" ? "ok" : status === "returned" ? "warn" : "";
  return <span className={`badge ${tone}`}>{t(`assessments.status.${status}`)}</span>;
}

export interface PlanHeaderData {
  id: number;
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  officerName: string;
  officerPosition: string;
  unitName: string;
  supervisorName: string | null;
}

/** Title, facts and the tabs between the plan's pages. */
export function PlanHeader({
  plan,
  current,
}: {
  plan: PlanHeaderData;
  current: "plan" | "achievements" | "reviews" | "assessment";
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tabs = [
    { key: "plan", to: `/staf/skp/${plan.id}` },
    { key: "achievements", to: `/staf/skp/${plan.id}/capaian` },
    { key: "reviews", to: `/staf/skp/${plan.id}/ulasan` },
    { key: "assessment", to: `/staf/penilaian/${plan.id}` },
  ] as const;
  return (
    <>
      <p className="muted">
        {plan.officerName} · {plan.officerPosition} · {plan.unitName}
      </p>
      <h1>
        {t(`assessments.nav.${current}`)} · {periodLabel(t, locale, plan.periodKind, plan.periodStart)}
      </h1>
      <dl className="facts">
        <dt>{t("assessments.plan.period")}</dt>
        <dd>{dateRange(locale, plan.periodStart, plan.periodEnd)}</dd>
        <dt>{t("assessments.plan.status")}</dt>
        <dd>
          <StatusBadge status={plan.status} />
        </dd>
        <dt>{t("assessments.plan.assessor")}</dt>
        <dd>{plan.supervisorName ?? "–"}</dd>
      </dl>
      <nav aria-label={t("assessments.nav.label")} className="skp-tabs">
        {tabs.map((tab) => (
          <NavLink key={tab.key} to={tab.to} end aria-current={tab.key === current ? "page" : undefined}>
            {t(`assessments.nav.${tab.key}`)}
          </NavLink>
        ))}
      </nav>
    </>
  );
}

export interface TrailEntry {
  id: number;
  at: Date | string;
  action: string;
  actor: string | null;
}

/** The audit trail of a plan: every step, who and when. */
export function AuditTrail({ entries }: { entries: TrailEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="muted small">{t("assessments.history.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("assessments.history.when")}</th>
            <th scope="col">{t("assessments.history.what")}</th>
            <th scope="col">{t("assessments.history.who")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatDateTime(locale, entry.at)}</td>
              <td>
                {t(`assessments.history.actions.${entry.action.replace(/\./g, "_")}`, { defaultValue: entry.action })}
              </td>
              <td>{entry.actor ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function NoteForm({
  intent,
  submitLabel,
  className,
  ...note
}: Parameters<typeof TextAreaField>[0] & { intent: string; submitLabel: string; className?: string }) {
  return (
    <Form method="post" className={className} noValidate>
      <input type="hidden" name="intent" value={intent} />
      <TextAreaField {...note} />
      <div className="form-actions">
        <button type="submit" className="secondary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

