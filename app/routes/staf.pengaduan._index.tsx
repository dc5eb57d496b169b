import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRole } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { complaintQueuePage, queueUnits, type QueueFilter } from "~/data/complaints/queue.server";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from "~/domain/complaint-options";
import type { ComplaintCategory } from "~/domain/complaint-lifecycle";
import { pageParam } from "~/domain/paging";
import { Pager } from "~/ui/Pager";
import { pageTitle } from "~/ui/page-title";
import { db } from "~/platform/db.server";
import { formatDateTime, formatDay } from "~/i18n/format";
import { useRootData } from "~/root";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "complaints.staff.queueTitle") }];

const SHOW: Record<string, QueueFilter["only"]> = { "jatuh-tempo": "due", terlambat: "late", eskalasi: "escalated", saya: "mine" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["complaint_handler", "supervisor", "officer"]);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "open";
  const status = statusParam === "all" || statusParam === "open" || (COMPLAINT_STATUSES as readonly string[]).includes(statusParam) ? statusParam : "open";
  const show = url.searchParams.get("tampil") ?? "";
  const categoryParam = url.searchParams.get("kategori") ?? "";
  const category = (COMPLAINT_CATEGORIES as readonly string[]).includes(categoryParam) ? (categoryParam as ComplaintCategory) : undefined;
  const unitParam = url.searchParams.get("unit") ?? "";
  const search = (url.searchParams.get("q") ?? "").slice(0, 200);
  const units = await queueUnits(db(), user);
  const unitId = units.find((unit) => String(unit.id) === unitParam)?.id;
  const filter: QueueFilter = { status: status as QueueFilter["status"], only: SHOW[show], search, unitId, category };
  const page = await complaintQueuePage(db(), user, filter, pageParam(url.searchParams.get("halaman")), now());
  return { page, units, status, show: SHOW[show] ? show : "", category: category ?? "", unit: unitId ? String(unitId) : "", search };
}

export default function ComplaintQueue() {
  const { page, units, status, show, category, unit, search } = useLoaderData<typeof loader>();
  const rows = page.rows;
  const location = useLocation();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  return (
    <>
      <h1>{t("complaints.staff.queueTitle")}</h1>
      <p className="muted">{t("complaints.staff.queueIntro")}</p>
      <Form method="get" className="card filter-row" role="search" style={{ display: "flex", flexWrap: "wrap", gap: "8px 16px", alignItems: "flex-end" }}>
        <div>
          <label htmlFor="q">{t("complaints.staff.search")}</label>
          <input id="q" name="q" type="search" defaultValue={search} aria-describedby="q-hint" />
          <span className="hint" id="q-hint">
            {t("complaints.staff.searchHint")}
          </span>
        </div>
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
        {units.length > 1 ? (
          <div>
            <label htmlFor="unit">{t("complaints.staff.unit")}</label>
            <select id="unit" name="unit" defaultValue={unit}>
              <option value="">{t("complaints.staff.allUnits")}</option>
              {units.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} · {option.agencyName}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="kategori">{t("complaints.staff.category")}</label>
          <select id="kategori" name="kategori" defaultValue={category}>
            <option value="">{t("complaints.staff.allCategories")}</option>
            {COMPLAINT_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {t(`complaints.form.categories.${value}`)}
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
        {t("complaints.staff.count", { count: page.total })}
      </p>
      {rows.length === 0 ? (
        <p>{t("complaints.staff.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
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
                        {row.dueStatus === "due_today" ? <span className="badge warn">{t("complaints.staff.dueToday")}</span> : null} {formatDay(locale, row.due)}
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
      <Pager page={page.page} pageCount={page.pageCount} total={page.total} search={location.search} />
    </>
  );
}
