import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/data/db.server";
import { countersOfUnit, servicesOfUnit, unitBySlugs } from "~/data/organisation.server";
import { useRootData } from "~/root";
import { formatNumber, formatRupiah } from "~/i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.unit.name} · Suara` : "Suara" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const unit = await unitBySlugs(db(), params.agency ?? "", params.unit ?? "");
  if (!unit) throw new Response("Not Found", { status: 404 });
  const [services, counters] = await Promise.all([servicesOfUnit(db(), unit.id), countersOfUnit(db(), unit.id)]);
  return { unit: { name: unit.name, address: unit.address, agencyName: unit.agencyName }, services, counters };
}

export default function UnitPage() {
  const { unit, services, counters } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  return (
    <>
      <p className="muted">{unit.agencyName}</p>
      <h1>{unit.name}</h1>
      {unit.address ? <p>{unit.address}</p> : null}

      <h2>{t("unit.countersTitle")}</h2>
      <p className="muted">{t("unit.countersHint")}</p>
      <ul className="menu-list">
        {counters.map((counter) => (
          <li key={counter.id}>
            <a href={`/l/${counter.publicCode}`}>
              {counter.name}
              <span>{t("unit.rateThisCounter")}</span>
            </a>
          </li>
        ))}
      </ul>

      <h2>{t("unit.servicesTitle")}</h2>
      {services.map((service) => (
        <section className="card" key={service.id}>
          <h3>{service.name}</h3>
          <dl className="facts">
            <dt>{t("unit.standard.requirements")}</dt>
            <dd>{service.requirements}</dd>
            <dt>{t("unit.standard.procedure")}</dt>
            <dd>{service.procedure}</dd>
            <dt>{t("unit.standard.completion")}</dt>
            <dd>
              {service.completion_days === 0
                ? t("unit.standard.sameDay")
                : t("unit.standard.workingDays", { count: service.completion_days, formatted: formatNumber(locale, service.completion_days) })}
            </dd>
            <dt>{t("unit.standard.fee")}</dt>
            <dd>{service.fee_rupiah === 0 ? t("unit.standard.free") : formatRupiah(locale, service.fee_rupiah)}</dd>
            <dt>{t("unit.standard.product")}</dt>
            <dd>{service.product}</dd>
            <dt>{t("unit.standard.complaints")}</dt>
            <dd>{service.complaint_channel}</dd>
          </dl>
        </section>
      ))}
    </>
  );
}
