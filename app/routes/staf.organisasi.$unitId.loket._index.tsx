import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { agencyCounters } from "~/data/org-admin/counters.server";
import { agencyUnits } from "~/data/org-admin/units.server";
import { pageOf } from "~/domain/paging";
import { orgListQuery } from "~/http/org-list-query";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { unitOptions } from "~/ui/org-admin";
import { Pager } from "~/ui/Pager";
import { pageTitle } from "~/ui/page-title";

// The agency's counters: search, filter by unit, paged; tick counters and print their QR posters as one PDF.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "orgAdmin.counters.listTitle") }];
const PAGE_SIZE = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const units = await agencyUnits(db(), agency.agency_id);
  const filter = orgListQuery(new URL(request.url).searchParams, units.map((row) => row.id));
  const rows = await agencyCounters(db(), agency.agency_id, filter);
  return { agency: { unitId: agency.id, name: agency.agencyName }, query: filter.query, unitId: filter.unitId, withRetired: filter.withRetired, units, list: pageOf(rows, filter.page, PAGE_SIZE) };
}

export default function Counters() {
  const { agency, query, unitId, withRetired, units, list } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  const base = `/staf/organisasi/${agency.unitId}`;
  return (
    <>
      <p className="muted">
        <Link to={base}>← {agency.name}</Link>
      </p>
      <h1>{t("orgAdmin.counters.listTitle")}</h1>
      <Form method="get" className="filters" role="search">
        <div>
          <label htmlFor="q">{t("orgAdmin.counters.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query} />
        </div>
        <div>
          <label htmlFor="unit">{t("organisation.unit")}</label>
          <select id="unit" name="unit" defaultValue={unitId ? String(unitId) : ""}>
            <option value="">{t("orgAdmin.allUnits")}</option>
            {unitOptions(units).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" name="semua" value="1" defaultChecked={withRetired} /> {t("orgAdmin.withRetired")}
        </label>
        <button type="submit" className="secondary">
          {t("organisation.find")}
        </button>
      </Form>
      <p className="muted">{t("orgAdmin.counters.count", { count: list.total })}</p>
      <form method="get" action={`${base}/poster.pdf`}>
        <p className="muted small">{t("orgAdmin.counters.postersHint")}</p>
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("orgAdmin.counters.print")}</th>
                <th scope="col">{t("orgAdmin.fields.counterName")}</th>
                <th scope="col">{t("orgAdmin.fields.code")}</th>
                <th scope="col">{t("organisation.unit")}</th>
                <th scope="col">{t("orgAdmin.fields.publicCode")}</th>
                <th scope="col" className="num">{t("orgImport.entities.services")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((counter) => (
                <tr key={counter.id} className={counter.retiredAt === null ? undefined : "inactive"}>
                  <td>
                    {counter.retiredAt === null ? (
                      <input type="checkbox" name="loket" value={counter.id} defaultChecked aria-label={t("orgAdmin.counters.printOne", { name: counter.name })} />
                    ) : null}
                  </td>
                  <td>
                    <Link to={`${base}/loket/${counter.id}`}>{counter.name}</Link>
                    {counter.retiredAt === null ? null : <span className="badge"> {t("organisation.retired")}</span>}
                  </td>
                  <td>
                    <code>{counter.code ?? "–"}</code>
                  </td>
                  <td>{counter.unitName}</td>
                  <td>
                    <code>{counter.publicCode}</code>
                  </td>
                  <td className="num">{counter.services}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-actions">
          <button type="submit">{t("orgAdmin.counters.postersPdf")}</button>
        </div>
      </form>
      <Pager page={list.page} pageCount={list.pageCount} total={list.total} search={location.search} />
    </>
  );
}
