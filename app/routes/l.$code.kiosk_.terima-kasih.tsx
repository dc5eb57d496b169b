import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "Terima kasih · Suara" },
  // Without JavaScript the page still returns to the form.
  { httpEquiv: "refresh", content: `6;url=/l/${data?.code ?? ""}/kiosk` },
];

export function loader({ params }: LoaderFunctionArgs) {
  return { code: params.code ?? "" };
}

export default function KioskThanks() {
  const { code } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    const timer = window.setTimeout(() => navigate(`/l/${code}/kiosk`, { replace: true }), 5_000);
    return () => window.clearTimeout(timer);
  }, [code, navigate]);
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
