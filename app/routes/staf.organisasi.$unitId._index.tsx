import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { unitTree } from "~/data/organisation.server";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { idFromText } from "~/http/params";

export const meta: MetaFunction = () => [{ title: "Organisasi · Suara" }];
const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireAgencyAdmin(request, params.unitId);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().toLowerCase().slice(0, 100);
  const page = Math.max(1, Math.min(1000, idFromText(url.searchParams.get("hal")) ?? 1));
  const all = await unitTree(db(), unit.agency_id);
  const matching = query ? all.filter((row) => row.name.toLowerCase().includes(query) || (row.code ?? "").toLowerCase().includes(query)) : all;
  const top = all[0]?.path.split("/").length ?? 3;
  return {
    unit: { id: unit.id, name: unit.agencyName },
    query,
    page,
    pages: Math.max(1, Math.ceil(matching.length / PAGE_SIZE)),
    total: matching.length,
    rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((row) => ({ ...row, depth: row.path.split("/").length - top })),
  };
}

export default function Organisation() {
  const { unit, query, page, pages, total, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const pageLink = (target: number) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), hal: String(target) })}`;
  return (
    <>
      <h1>{unit.name}</h1>
      <p className="form-actions">
        <Link className="button" to={`/staf/organisasi/${unit.id}/impor`}>
          {t("orgImport.page.title")}
        </Link>
        <Link className="button" to={`/staf/organisasi/${unit.id}/unit/baru`}>
          {t("orgAdmin.unit.add")}
        </Link>
        <Link className="button secondary" to={`/staf/organisasi/${unit.id}/loket`}>
          {t("orgAdmin.counters.listTitle")}
        </Link>
        <Link className="button secondary" to={`/staf/organisasi/${unit.id}/pegawai`}>
          {t("orgAdmin.officers.title")}
        </Link>
        <Link className="button secondary" to={`/staf/organisasi/${unit.id}/akun`}>
          {t("accounts.manage.menu")}
        </Link>
        <Link className="button secondary" to={`/staf/organisasi/${unit.id}/pengaturan`}>
          {t("agencySettings.menu")}
        </Link>
      </p>
      <h2>{t("organisation.units", { count: total })}</h2>
      <Form method="get" className="search-row" role="search">
        <label htmlFor="q" className="visually-hidden">
          {t("organisation.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={query} placeholder={t("organisation.search")} />
        <button type="submit" className="secondary">
          {t("organisation.find")}
        </button>
      </Form>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("organisation.unit")}</th>
              <th scope="col">{t("organisation.code")}</th>
              <th scope="col">{t("organisation.kind")}</th>
              <th scope="col" className="num">{t("orgImport.entities.services")}</th>
              <th scope="col" className="num">{t("orgImport.entities.counters")}</th>
              <th scope="col" className="num">{t("orgImport.entities.officers")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td style={{ paddingLeft: `${0.5 + row.depth * 1.25}rem` }}>
                  <Link to={`/staf/organisasi/${unit.id}/unit/${row.id}`}>{row.name}</Link>
                  {row.retiredAt ? <span className="badge"> {t("organisation.retired")}</span> : null}
                </td>
                <td>
                  <code>{row.code ?? "–"}</code>
                </td>
                <td>{t(`organisation.kinds.${row.kind}`)}</td>
                <td className="num">{row.services}</td>
                <td className="num">{row.counters}</td>
                <td className="num">{row.officers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pager" aria-label={t("organisation.pages")}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("organisation.previous")}</Link> : null}
          <span>{t("organisation.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("organisation.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
