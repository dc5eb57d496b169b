import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { agencyOfficersPage } from "~/data/org-admin/officers.server";
import { agencyUnits } from "~/data/org-admin/units.server";
import { formatNip } from "~/domain/nip";
import { orgListQuery } from "~/http/org-list-query";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { unitOptions } from "~/ui/org-admin";
import { Pager } from "~/ui/Pager";
import { pageTitle } from "~/ui/page-title";

// The agency's officers: search by NIP, name, position or unit, filter by unit, retired ones on request; paged.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "orgAdmin.officers.title") }];
const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const units = await agencyUnits(db(), agency.agency_id);
  const filter = orgListQuery(new URL(request.url).searchParams, units.map((row) => row.id));
  const list = await agencyOfficersPage(db(), agency.agency_id, filter, filter.page, PAGE_SIZE);
  return { agency: { unitId: agency.id, name: agency.agencyName }, query: filter.query, unitId: filter.unitId, withRetired: filter.withRetired, units, list };
}

export default function Officers() {
  const { agency, query, unitId, withRetired, units, list } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  const base = `/staf/organisasi/${agency.unitId}`;
  return (
    <>
      <p className="muted">
        <Link to={base}>← {agency.name}</Link>
      </p>
      <h1>{t("orgAdmin.officers.title")}</h1>
      <p>
        <Link className="button" to={`${base}/pegawai/baru${unitId ? `?unit=${unitId}` : ""}`}>
          {t("orgAdmin.officers.add")}
        </Link>
      </p>
      <Form method="get" className="filters" role="search">
        <div>
          <label htmlFor="q">{t("orgAdmin.officers.search")}</label>
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
      <p className="muted">{t("orgAdmin.officers.count", { count: list.total })}</p>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("orgAdmin.fields.officerName")}</th>
              <th scope="col">{t("orgAdmin.fields.nip")}</th>
              <th scope="col">{t("orgAdmin.fields.position")}</th>
              <th scope="col">{t("organisation.unit")}</th>
              <th scope="col">{t("orgAdmin.fields.supervisor")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((officer) => (
              <tr key={officer.id} className={officer.active ? undefined : "inactive"}>
                <td>
                  <Link to={`${base}/pegawai/${officer.id}`}>{officer.name}</Link>
                  {officer.active ? null : <span className="badge"> {t("organisation.retired")}</span>}
                </td>
                <td className="nowrap">{formatNip(officer.nip)}</td>
                <td>{officer.position}</td>
                <td>{officer.unitName}</td>
                <td>{officer.supervisorName ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={list.page} pageCount={list.pageCount} total={list.total} search={location.search} />
    </>
  );
}
