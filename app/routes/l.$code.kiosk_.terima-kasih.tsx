import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/react";
import { pageTitle } from "~/i18n/title.server";
import { KIOSK_PAGE, loadAsDocument } from "~/ui/page-handle";

export const handle = KIOSK_PAGE;
export const clientLoader = loadAsDocument;

// One way back to the form for the next citizen, with or without JavaScript: the page's own refresh.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Suara" },
  { httpEquiv: "refresh", content: `6;url=/l/${data?.code ?? ""}/kiosk` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return { code: params.code ?? "", title: await pageTitle(request, "ratings.titles.thanks") };
}

export default function KioskThanks() {
  const { t } = useTranslation();
  return (
    <div className="rating-page kiosk">
      <h1>{t("ratings.thanks.title")}</h1>
      <p className="notice ok" role="status">
        {t("ratings.thanks.received")}
      </p>
      <p>{t("ratings.thanks.kioskReturn")}</p>
    </div>
  );
}
