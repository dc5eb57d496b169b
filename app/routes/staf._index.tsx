import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Role } from "../../db/schema";
import { requireUser } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitsUnder } from "~/data/organisation.server";
import { staffMenu } from "~/ui/staff-menu";
import { flaggedWaiting } from "~/data/contests.server";
import { queueDueCounts } from "~/data/complaints/queue.server";
import { unreadCount } from "~/data/notifications.server";
import { queueScopeOf } from "~/domain/access/complaints";
import { now } from "~/platform/clock.server";
import { formatNumber } from "~/i18n/format";
import { useRootData } from "~/root";

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
  // What waits for this user, counted by the rules of the pages the counts link to: the review queue of each unit
  // they supervise or administer (a unit inside another of their grants is counted with it), their complaint queue
  // (queueScopeOf, as the queue itself), and their own inbox.
  const reviewRoots = user.grants
    .filter((grant) => grant.role === "supervisor" || grant.role === "admin")
    .filter((grant, index, all) => !all.some((other, j) => (other.role === "supervisor" || other.role === "admin") && j !== index && grant.unitPath.startsWith(other.unitPath) && (grant.unitPath !== other.unitPath || j < index)))
    .map((grant) => ({ id: grant.unitId, path: grant.unitPath }));
  const at = now();
  const [flagged, due, unread] = await Promise.all([
    flaggedWaiting(db(), reviewRoots),
    queueScopeOf(user) ? queueDueCounts(db(), user, at) : Promise.resolve(null),
    unreadCount(db(), user.id),
  ]);
  const waiting = {
    reviews: reviewRoots.map((root) => ({ unitId: root.id, unitName: units.find((unit) => unit.id === root.id)?.name ?? "", flagged: flagged.get(root.id) ?? 0 })),
    complaints: due,
    unread,
  };
  return { displayName: user.displayName, grants, ledUnits, waiting };
}

export default function Workspace() {
  const { displayName, grants, ledUnits, waiting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const roles = [...new Set(grants.map((grant) => grant.role))] as Role[];
  const count = (n: number) => formatNumber(locale, n);
  return (
    <>
      <h1>{t("workspace.greeting", { name: displayName })}</h1>
      <section aria-labelledby="waiting-title" className="card waiting">
        <h2 id="waiting-title">{t("workspace.waiting.title")}</h2>
        <ul className="waiting-list">
          {waiting.reviews.map((review) => (
            <li key={review.unitId}>
              <Link to={`/staf/tinjauan/${review.unitId}`}>
                <strong>{count(review.flagged)}</strong> {t("workspace.waiting.flagged", { count: review.flagged, unit: review.unitName })}
              </Link>
            </li>
          ))}
          {waiting.complaints ? (
            <>
              <li>
                <Link to="/staf/pengaduan?tampil=terlambat">
                  <strong>{count(waiting.complaints.late)}</strong> {t("workspace.waiting.late", { count: waiting.complaints.late })}
                </Link>
              </li>
              <li>
                <Link to="/staf/pengaduan?tampil=jatuh-tempo">
                  <strong>{count(waiting.complaints.dueToday)}</strong> {t("workspace.waiting.dueToday", { count: waiting.complaints.dueToday })}
                </Link>
              </li>
            </>
          ) : null}
          <li>
            <Link to="/staf/kotak-masuk">
              <strong>{count(waiting.unread)}</strong> {t("workspace.waiting.unread", { count: waiting.unread })}
            </Link>
          </li>
        </ul>
      </section>
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
