import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { forumsWithin } from "~/data/forums/forums.server";
import { formatShortDay } from "~/domain/forum-day";
import { formatNumber } from "~/i18n/format";
import { useRootData } from "~/root";

export const meta: MetaFunction = () => [{ title: "Forum · Suara" }];

const ROLES = ["moderator", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const paths = user.grants.filter((grant) => (ROLES as readonly string[]).includes(grant.role)).map((grant) => grant.unitPath);
  return { forums: await forumsWithin(db(), paths) };
}

export default function StaffForums() {
  const { forums } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  return (
    <>
      <h1>{t("forums.staff.title")}</h1>
      <p className="muted">{t("forums.staff.intro")}</p>
      <p>
        <Link className="button" to="/staf/forum/baru">
          {t("forums.staff.new")}
        </Link>
      </p>
      {forums.length === 0 ? (
        <p>{t("forums.staff.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("forums.staff.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("forums.staff.forum")}</th>
                <th scope="col">{t("forums.staff.unit")}</th>
                <th scope="col">{t("forums.staff.date")}</th>
                <th scope="col" className="num">
                  {t("forums.staff.inputs")}
                </th>
                <th scope="col" className="num">
                  {t("forums.staff.pending")}
                </th>
                <th scope="col">{t("forums.staff.recordColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {forums.map((forum) => (
                <tr key={forum.id}>
                  <td>
                    <Link to={`/staf/forum/${forum.id}`}>{forum.title}</Link>
                  </td>
                  <td>
                    {forum.unitName}
                    <span className="muted small"> · {forum.agencyName}</span>
                  </td>
                  <td className="nowrap">{formatShortDay(locale, forum.heldOn)}</td>
                  <td className="num">{formatNumber(locale, forum.itemCount ?? 0)}</td>
                  <td className="num">{forum.pendingCount ? <span className="badge warn">{formatNumber(locale, forum.pendingCount)}</span> : "0"}</td>
                  <td>{forum.publishedVersion ? t("forums.staff.publishedVersion", { version: forum.publishedVersion }) : t("forums.staff.draft")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
