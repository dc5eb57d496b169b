import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { pageTitle } from "~/ui/page-title";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;
// A route with a clientLoader and no server loader is rendered empty on the server (Remix waits for the browser):
// this page has no data, but the server must render it.
export const loader = () => null;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "complaints.landing.title") }];

export default function ComplaintsHome() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("complaints.landing.title")}</h1>
      <p className="lead">{t("complaints.landing.intro")}</p>
      <div className="form-actions">
        <Link className="button" to="/pengaduan/baru">
          {t("complaints.landing.file")}
        </Link>
        <Link className="button secondary" to="/pengaduan/lacak">
          {t("complaints.landing.track")}
        </Link>
      </div>
      <h2>{t("complaints.landing.howTitle")}</h2>
      <ol className="steps">
        <li>{t("complaints.landing.step1")}</li>
        <li>{t("complaints.landing.step2")}</li>
        <li>{t("complaints.landing.step3")}</li>
        <li>{t("complaints.landing.step4")}</li>
      </ol>
    </div>
  );
}
