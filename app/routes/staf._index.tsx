import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Role } from "../../db/schema";
import { requireUser } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitsUnder } from "~/data/organisation.server";
import { staffMenu } from "~/ui/staff-menu";

export const meta: MetaFunction = () => [{ title: "Suara" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rootPaths = user.grants.map((grant) => grant.unitPath);
  const units = await unitsUnder(db(), rootPaths);
  const grants = user.grants.map((grant) => ({
    role: grant.role,
    unitName: units.find((unit) => unit.id === grant.unitId)?.name ?? "",
  }));
  const ledUnits = units
    .filter((unit) => user.grants.some((g) => (g.role === "supervisor" || g.role === "admin") && unit.path.startsWith(g.unitPath)))
    .map((unit) => ({ id: unit.id, name: unit.name, agencyName: unit.agencyName }));
  return { displayName: user.displayName, grants, ledUnits };
}

export default function Workspace() {
  const { displayName, grants, ledUnits } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const roles = [...new Set(grants.map((grant) => grant.role))] as Role[];
  return (
    <>
      <h1>{t("workspace.greeting", { name: displayName })}</h1>
      {roles.map((role) => (
        <section key={role} aria-labelledby={`role-${role}`}>
          <h2 id={`role-${role}`}>{t(`roles.${role}`)}</h2>
          <p className="muted small">
            {t("workspace.scope")}: {grants.filter((grant) => grant.role === role).map((grant) => grant.unitName).join(", ")}
          </p>
          <ul className="menu-list">
            {staffMenu(role).map((item) => (
              <li key={item.to}>
                <Link to={item.to}>
                  {t(item.label)}
                  <span>{t(item.description)}</span>
                </Link>
              </li>
            ))}
          </ul>
          {role === "supervisor" || role === "admin" ? (
            <>
              <h3>{t("staffUnit.yourUnits")}</h3>
              <ul className="menu-list">
                {ledUnits.map((unit) => (
                  <li key={unit.id} className="unit-card">
                    <Link to={`/staf/unit/${unit.id}`}>
                      {unit.name}
                      <span>{unit.agencyName}</span>
                    </Link>
                    <span className="unit-links">
                      <Link to={`/staf/indikator/${unit.id}`}>{t("indicators.menu")}</Link>
                      <Link to={`/staf/tinjauan/${unit.id}`}>{t("review.menu")}</Link>
                      <Link to={`/staf/laporan/${unit.id}`}>{t("skmReport.menu")}</Link>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      <p className="muted small">
        <Link to="/staf/akun/sandi">{t("accounts.own.link")}</Link>
      </p>
    </>
  );
}
