import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { administeredAgencies } from "~/data/organisation.server";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";

export const meta: MetaFunction = () => [{ title: "Organisasi · Suara" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const agencies = await administeredAgencies(db(), user.grants.filter((grant) => grant.role === "admin").map((grant) => grant.unitPath));
  return { agencies };
}

export default function Organisations() {
  const { agencies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("organisation.title")}</h1>
      {agencies.length === 0 ? <p className="muted">{t("organisation.noAgency")}</p> : null}
      <ul className="link-list">
        {agencies.map((agency) => (
          <li key={agency.unitId}>
            <Link to={`/staf/organisasi/${agency.unitId}`}>{agency.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
