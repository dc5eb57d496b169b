import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { agencyCountersPage } from "~/data/org-admin/counters.server";
import { agencyUnits } from "~/data/org-admin/units.server";
import { orgListQuery } from "~/http/org-list-query";
import { idFromText } from "~/http/params";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { unitOptions } from "~/ui/org-admin";
import { Pager } from "~/ui/Pager";
import { pageTitle } from "~/ui/page-title";

// The agency's counters: search, filter by unit, paged; tick counters and print their QR posters as one PDF. The
// poster form comes back here (`?cetak=poster&loket=…`): with counters ticked it goes on to poster.pdf, with none
// the same list answers 400 with the error above the ticks.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "orgAdmin.counters.listTitle") }];
const PAGE_SIZE = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const units = await agencyUnits(db(), agency.agency_id);
  const filter = orgListQuery(new URL(request.url).searchParams, units.map((row) => row.id));
  const search = new URL(request.url).searchParams;
  let chosen: number[] | null = null;
  if (search.get("cetak") === "poster") {
    chosen = search
      .getAll("loket")
      .slice(0, 1000)
      .map(idFromText)
      .filter((id): id is number => id !== null);
    if (chosen.length > 0) throw redirect(`/staf/organisasi/${agency.id}/poster.pdf?${new URLSearchParams(chosen.map((id) => ["loket", String(id)])).toString()}`);
  }
  const list = await agencyCountersPage(db(), agency.agency_id, filter, filter.page, PAGE_SIZE);
  const page = { agency: { unitId: agency.id, name: agency.agencyName }, query: filter.query, unitId: filter.unitId, withRetired: filter.withRetired, units, list, chosen, error: chosen === null ? null : "orgAdmin.counters.noneChosen" };
  return data(page, { status: chosen === null ? 200 : 400 });
}

/** The list's own filters, without a poster choice that came back with an error. */
function listSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("cetak");
  params.delete("loket");
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default function Counters() {
  const { agency, query, unitId, withRetired, units, list, chosen, error } = useLoaderData<typeof loader>();
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
      <form method="get" action={`${base}/loket`}>
        <input type="hidden" name="cetak" value="poster" />
        {query ? <input type="hidden" name="q" value={query} /> : null}
        {unitId ? <input type="hidden" name="unit" value={unitId} /> : null}
        {withRetired ? <input type="hidden" name="semua" value="1" /> : null}
        {list.page > 1 ? <input type="hidden" name="halaman" value={list.page} /> : null}
        <p className="muted small" id="poster-hint">
          {t("orgAdmin.counters.postersHint")}
        </p>
        {error ? (
          <p className="field-error" id="poster-error" role="alert">
            {t(error)}
          </p>
        ) : null}
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
                      <input
                        type="checkbox"
                        name="loket"
                        value={counter.id}
                        defaultChecked={chosen === null || chosen.includes(counter.id)}
                        aria-label={t("orgAdmin.counters.printOne", { name: counter.name })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? "poster-hint poster-error" : "poster-hint"}
                      />
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
      <Pager page={list.page} pageCount={list.pageCount} total={list.total} search={listSearch(location.search)} />
    </>
  );
}
