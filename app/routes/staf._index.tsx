import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../db/schema";
import { requireUser } from "~/auth/guard.server";
import { db } from "~/data/db.server";
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
  return { displayName: user.displayName, grants };
}

export default function Workspace() {
  const { displayName, grants } = useLoaderData<typeof loader>();
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
        </section>
      ))}
    </>
  );
}
