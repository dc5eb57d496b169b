import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { findOffices } from "~/data/organisation.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { pageTitle } from "~/ui/page-title";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "offices.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const offices = await findOffices(db(), query);
  return { query, offices };
}

export default function Offices() {
  const { query, offices } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const byAgency = new Map<string, typeof offices>();
  for (const office of offices) byAgency.set(office.agencyName, [...(byAgency.get(office.agencyName) ?? []), office]);
  return (
    <>
      <h1>{t("offices.title")}</h1>
      <Form method="get" role="search">
        <label htmlFor="q">{t("home.searchLabel")}</label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={query} autoComplete="off" />
          <button type="submit">{t("home.searchButton")}</button>
        </div>
      </Form>
      {offices.length === 0 ? (
        <p className="notice">{t("offices.none", { query })}</p>
      ) : (
        [...byAgency.entries()].map(([agencyName, units]) => (
          <section key={agencyName}>
            <h2>
              <a href={`/kantor/${units[0]!.agencySlug}`}>{agencyName}</a>
            </h2>
            <ul className="menu-list">
              {units.map((unit) => (
                <li key={unit.id}>
                  <Link to={`/kantor/${unit.agencySlug}/${unit.slug}`}>
                    {unit.name}
                    <span>{unit.address}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
