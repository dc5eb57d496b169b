import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { complaintQueue, type QueueFilter } from "~/data/complaints/queue.server";
import { COMPLAINT_STATUSES } from "~/domain/complaint-options";
import { db } from "~/platform/db.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useRootData } from "~/root";

export const meta: MetaFunction = () => [{ title: "Pengaduan · Suara" }];

const SHOW: Record<string, QueueFilter["only"]> = { "jatuh-tempo": "due", terlambat: "late", eskalasi: "escalated", saya: "mine" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["complaint_handler", "supervisor", "officer"]);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "open";
  const status = statusParam === "all" || statusParam === "open" || (COMPLAINT_STATUSES as readonly string[]).includes(statusParam) ? statusParam : "open";
  const show = url.searchParams.get("tampil") ?? "";
  const rows = await complaintQueue(db(), user, { status: status as QueueFilter["status"], only: SHOW[show] }, now());
  return { rows, status, show: SHOW[show] ? show : "" };
}

export default function ComplaintQueue() {
  const { rows, status, show } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  return (
    <>
      <h1>{t("complaints.staff.queueTitle")}</h1>
      <p className="muted">{t("complaints.staff.queueIntro")}</p>
      <Form method="get" className="card filter-row" style={{ display: "flex", flexWrap: "wrap", gap: "8px 16px", alignItems: "flex-end" }}>
        <div>
          <label htmlFor="status">{t("complaints.staff.filterStatus")}</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="open">{t("complaints.staff.open")}</option>
            <option value="all">{t("complaints.staff.all")}</option>
            {COMPLAINT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`complaints.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="tampil">{t("complaints.staff.only")}</label>
          <select id="tampil" name="tampil" defaultValue={show}>
            <option value="">{t("complaints.staff.onlyAll")}</option>
            <option value="jatuh-tempo">{t("complaints.staff.onlyDue")}</option>
            <option value="terlambat">{t("complaints.staff.onlyLate")}</option>
            <option value="eskalasi">{t("complaints.staff.onlyEscalated")}</option>
            <option value="saya">{t("complaints.staff.onlyMine")}</option>
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("complaints.staff.apply")}
        </button>
      </Form>
      <p className="muted small" role="status">
        {t("complaints.staff.count", { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p>{t("complaints.staff.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("complaints.staff.due")}</th>
                <th scope="col">{t("complaints.staff.code")}</th>
                <th scope="col">{t("complaints.staff.status")}</th>
                <th scope="col">{t("complaints.staff.unit")}</th>
                <th scope="col">{t("complaints.staff.category")}</th>
                <th scope="col">{t("complaints.staff.report")}</th>
                <th scope="col">{t("complaints.staff.submitted")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="nowrap">
                    {row.due ? (
                      <>
                        {row.dueStatus === "late" ? <span className="badge danger">{t("complaints.staff.late")}</span> : null}
                        {row.dueStatus === "due_today" ? <span className="badge warn">{t("complaints.staff.dueToday")}</span> : null} {formatDate(locale, row.due)}
                        <br />
                        <span className="muted small">{row.stage ? t(`complaints.staff.stage.${row.stage}`) : null}</span>
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="nowrap">
                    <Link to={`/staf/pengaduan/${row.id}`}>{row.trackingCode}</Link>
                    <br />
                    <span className="muted small">{t(`complaints.staff.as.${row.as}`)}</span>
                  </td>
                  <td>
                    {t(`complaints.status.${row.status}`)}
                    {row.escalated ? (
                      <>
                        {" "}
                        <span className="badge danger">{t("complaints.staff.escalated")}</span>
                      </>
                    ) : null}
                    {row.lateFiling ? (
                      <>
                        {" "}
                        <span className="badge">{t("complaints.staff.lateFiling")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{row.responsibleUnitName ?? row.receivedUnitName}</td>
                  <td>
                    {t(`complaints.form.categories.${row.category}`)}
                    <br />
                    <span className="muted small">{t(`complaints.form.visibilities.${row.visibility}`)}</span>
                  </td>
                  <td>{row.excerpt}</td>
                  <td className="nowrap">{formatDateTime(locale, row.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
