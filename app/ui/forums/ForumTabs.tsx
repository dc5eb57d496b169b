import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** The tabs of a forum's staff pages, the current one marked for screen readers. */
export function ForumTabs({ forumId, current }: { forumId: number; current: string }) {
  const { t } = useTranslation();
  const tabs = [
    { key: "overview", to: `/staf/forum/${forumId}` },
    { key: "items", to: `/staf/forum/${forumId}/masukan` },
    { key: "themes", to: `/staf/forum/${forumId}/tema` },
    { key: "record", to: `/staf/forum/${forumId}/berita-acara` },
    { key: "public", to: `/forum/${forumId}` },
  ];
  return (
    <nav aria-label={t("forums.staff.tabs.label")} className="forum-tabs">
      {tabs.map((tab) => (
        <Link key={tab.key} to={tab.to} aria-current={tab.key === current ? "page" : undefined}>
          {t(`forums.staff.tabs.${tab.key}`)}
        </Link>
      ))}
    </nav>
  );
}
