import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { accountsPage } from "~/data/accounts.server";
import type { AccountStatus } from "~/domain/accounts";
import { pageParam } from "~/domain/paging";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/ui/page-title";
import { Pager } from "~/ui/Pager";

// The agency's staff accounts: search by name, username or NIP, filter by status, 50 to a page.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "accounts.manage.title") }];
const PAGE_SIZE = 50;
const STATUSES: readonly AccountStatus[] = ["awaiting_activation", "active", "deactivated"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireAgencyAdmin(request, params.unitId);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const asked = url.searchParams.get("status");
  const status = STATUSES.find((value) => value === asked) ?? null;
  const paged = await accountsPage(db(), [unit.path], { q, status }, pageParam(url.searchParams.get("halaman")), PAGE_SIZE);
  return { agency: { unitId: unit.id, name: unit.agencyName }, q, status, paged };
}

export default function Accounts() {
  const { agency, q, status, paged } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const base = `/staf/organisasi/${agency.unitId}/akun`;
  return (
    <>
      <p className="muted">
        <Link to={`/staf/organisasi/${agency.unitId}`}>← {agency.name}</Link>
      </p>
      <h1>{t("accounts.manage.title")}</h1>
      <p className="muted">{t("accounts.manage.intro")}</p>
      <p className="form-actions">
        <Link className="button" to={`${base}/baru`}>
          {t("accounts.manage.new")}
        </Link>
        <Link className="button secondary" to={`${base}/lembar`}>
          {t("accounts.manage.sheet")}
        </Link>
      </p>
      <Form method="get" className="search-row" role="search">
        <label htmlFor="q" className="visually-hidden">
          {t("accounts.manage.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={t("accounts.manage.search")} maxLength={100} />
        <label htmlFor="status" className="visually-hidden">
          {t("accounts.manage.statusFilter")}
        </label>
        <select id="status" name="status" defaultValue={status ?? ""} className="search-filter">
          <option value="">{t("accounts.manage.allStatuses")}</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`accounts.status.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("accounts.manage.find")}
        </button>
      </Form>
      <p className="muted small">{t("accounts.manage.count", { count: paged.total })}</p>
      {paged.total === 0 ? (
        <p>{t("accounts.manage.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accounts.manage.name")}</th>
                <th scope="col">{t("accounts.manage.signIn")}</th>
                <th scope="col">{t("accounts.manage.unit")}</th>
                <th scope="col">{t("accounts.manage.roles")}</th>
                <th scope="col">{t("accounts.manage.status")}</th>
              </tr>
            </thead>
            <tbody>
              {paged.rows.map((row) => (
                <tr key={row.userId}>
                  <td>
                    <Link to={`${base}/${row.userId}`}>{row.displayName}</Link>
                  </td>
                  <td>
                    <code>{row.username ?? row.nip ?? "–"}</code>
                  </td>
                  <td>{row.officerUnit ?? "–"}</td>
                  <td>{row.roles.map((role) => `${t(`roles.${role.role}`)} · ${role.unitName}`).join("; ") || "–"}</td>
                  <td>
                    <span style={{ whiteSpace: "nowrap" }} className={`badge${row.status === "active" ? " ok" : row.status === "deactivated" ? " danger" : " warn"}`}>{t(`accounts.status.${row.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={paged.page} pageCount={paged.pageCount} total={paged.total} search={search} />
    </>
  );
}
