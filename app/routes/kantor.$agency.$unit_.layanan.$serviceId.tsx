import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { unitIdParam } from "~/http/params";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { serviceResultsPage } from "~/pages/public-results.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { PublicResults } from "~/ui/results/PublicResults";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.service.name} · ${data.unit.name} · Suara` : "Suara" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await serviceResultsPage(
    db(),
    params.agency ?? "",
    params.unit ?? "",
    unitIdParam(params.serviceId),
    new URL(request.url).searchParams.get("periode"),
    now(),
  );
  if (!page) throw new Response("Not Found", { status: 404 });
  return data(page, { status: page.results.picker.error ? 400 : 200 });
}

export default function ServiceResultsPage() {
  const { unit, service, results } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <a
          href={`/kantor/${unit.agencySlug}/${unit.slug}${results.picker.chosen ? `?periode=${results.picker.code}` : ""}`}
        >
          {t("publicResults.unitLink", { unit: unit.name })}
        </a>
      </p>
      <h1>{service.name}</h1>
      <p className="muted">
        {unit.name} · {unit.agencyName}
      </p>
      <PublicResults results={results} scope="service" />
      <p className="small">
        <a href={`/api/v1/services/${service.id}/indicators?period=${results.indicators.period.code}`}>
          {t("publicResults.openData")}
        </a>
      </p>
    </>
  );
}
