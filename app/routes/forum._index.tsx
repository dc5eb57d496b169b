import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { publicForumList } from "~/data/forums/forums.server";
import { isComing } from "~/domain/forum-record";
import { localDateOf } from "~/domain/working-days";
import { formatForumDay } from "~/domain/forum-day";
import { useRootData } from "~/root";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { pageTitle } from "~/ui/page-title";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forums.list.title") }];

export async function loader(_: LoaderFunctionArgs) {
  const forums = await publicForumList(db());
  const at = now();
  const rows = forums.map((forum) => ({ ...forum, coming: isComing(forum.heldOn, localDateOf(at, forum.timeZone)) }));
  // Grouped per agency, each with its coming forums (soonest first) and past ones (latest first).
  const agencies = [...new Set(rows.map((row) => row.agencyName))].map((agencyName) => ({
    agencyName,
    coming: rows.filter((row) => row.agencyName === agencyName && row.coming).reverse(),
    past: rows.filter((row) => row.agencyName === agencyName && !row.coming),
  }));
  return { agencies };
}

export default function ForumList() {
  const { agencies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  return (
    <>
      <h1>{t("forums.list.title")}</h1>
      <p className="lead">{t("forums.list.intro")}</p>
      {agencies.map((agency) => (
        <section key={agency.agencyName} aria-labelledby={`agency-${agency.agencyName}`}>
          <h2 id={`agency-${agency.agencyName}`}>{agency.agencyName}</h2>
          <h3>{t("forums.list.coming")}</h3>
          {agency.coming.length === 0 ? <p className="muted">{t("forums.list.noneComing")}</p> : null}
          <ul className="forum-list">
            {agency.coming.map((forum) => (
              <li key={forum.id} className="card">
                <Link to={`/forum/${forum.id}`}>{forum.title}</Link>
                <span className="muted small">
                  {forum.unitName} · {formatForumDay(locale, forum.heldOn)} · {forum.place}
                </span>
                <span className="badge">{t("forums.list.sendInput")}</span>
              </li>
            ))}
          </ul>
          <h3>{t("forums.list.past")}</h3>
          {agency.past.length === 0 ? <p className="muted">{t("forums.list.nonePast")}</p> : null}
          <ul className="forum-list">
            {agency.past.map((forum) => (
              <li key={forum.id} className="card">
                <Link to={`/forum/${forum.id}`}>{forum.title}</Link>
                <span className="muted small">
                  {forum.unitName} · {formatForumDay(locale, forum.heldOn)} · {forum.place}
                </span>
                <span className={forum.published ? "badge" : "badge warn"}>
                  {forum.published ? t("forums.list.published") : t("forums.list.notPublished")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
