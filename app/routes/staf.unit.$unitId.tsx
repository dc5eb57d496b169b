import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaffUnit } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { countersOfUnit, officersOfUnit } from "~/data/organisation.server";
import { formatNip } from "~/domain/nip";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.unit.name} · Suara` : "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireStaffUnit(request, ["supervisor", "admin"], params.unitId);
  const unitId = unit.id;
  const [officers, counters] = await Promise.all([officersOfUnit(db(), unitId, now()), countersOfUnit(db(), unitId)]);
  return { unit: { id: unit.id, name: unit.name, agencyName: unit.agencyName }, officers, counters };
}

export default function StaffUnit() {
  const { unit, officers, counters } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{unit.agencyName}</p>
      <h1>{unit.name}</h1>
      <p className="form-actions">
        <Link className="button" to={`/staf/indikator/${unit.id}`}>
          {t("indicators.menu")}
        </Link>
        <Link className="button secondary" to={`/staf/tinjauan/${unit.id}`}>
          {t("review.menu")}
        </Link>
        <Link className="button secondary" to={`/staf/impor/${unit.id}`}>
          {t("paperImport.menu")}
        </Link>
        <Link className="button secondary" to={`/staf/laporan/${unit.id}`}>
          {t("skmReport.menu")}
        </Link>
      </p>
      <h2>{t("staffUnit.counters")}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("staffUnit.counter")}</th>
              <th scope="col">{t("staffUnit.publicPage")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("counterAdmin.manage")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {counters.map((counter) => (
              <tr key={counter.id}>
                <td>{counter.name}</td>
                <td>
                  <a href={`/l/${counter.publicCode}`}>/l/{counter.publicCode}</a>
                </td>
                <td className="nowrap">
                  <Link to={`/staf/loket/${counter.id}`}>{t("counterAdmin.manage")}</Link> ·{" "}
                  <Link to={`/staf/loket/${counter.id}/jadwal`}>{t("roster.menu")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("staffUnit.officers", { count: officers.length })}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("staffUnit.name")}</th>
              <th scope="col">NIP</th>
              <th scope="col">{t("staffUnit.position")}</th>
              <th scope="col">{t("staffUnit.rank")}</th>
              <th scope="col">{t("staffUnit.supervisor")}</th>
              <th scope="col">{t("staffUnit.onDuty")}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <tr key={officer.id}>
                <td>{officer.name}</td>
                <td className="nowrap">{formatNip(officer.nip)}</td>
                <td>{officer.position}</td>
                <td>{officer.rank}</td>
                <td>{officer.supervisorName ?? "–"}</td>
                <td>{officer.onDutyAt ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
