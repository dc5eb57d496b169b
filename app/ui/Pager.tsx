import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/**
 * Previous / next links for a paged list, keeping the other query parameters; `search` is the current
 * query string. Plain links: it works without JavaScript and each page has its own address.
 */
export function Pager({ page, pageCount, total, search, param = "halaman" }: { page: number; pageCount: number; total: number; search: string; param?: string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  const to = (target: number) => {
    const params = new URLSearchParams(search);
    if (target === 1) params.delete(param);
    else params.set(param, String(target));
    const query = params.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav className="pager" aria-label={t("staff.pager.label")}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev" className="button secondary">
          {t("staff.pager.previous")}
        </Link>
      ) : null}
      <span>{t("staff.pager.position", { page, pages: pageCount, total })}</span>
      {page < pageCount ? (
        <Link to={to(page + 1)} rel="next" className="button secondary">
          {t("staff.pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
