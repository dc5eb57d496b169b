import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/guard.server";
import { careerRecordFor } from "~/pages/career-record.server";
import { useTranslation } from "~/i18n/react";
import { formatDay, formatDayRange } from "~/i18n/format";
import { db } from "~/platform/db.server";
import { periodLabel, useLocale } from "~/ui/skp";

export const meta: MetaFunction = () => [{ title: "Riwayat kinerja · Suara" }];

// An officer's career record across periods (finalised assessments, training, commendations), with its PDF.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const asked = new URL(request.url).searchParams.get("pegawai");
  const record = await careerRecordFor(db(), user, asked);
  if (!record) throw notFound();
  return { record, query: asked === null ? "" : `?pegawai=${record.officer.id}` };
}

export default function CareerRecordPage() {
  const { record, query } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const period = (kind: string, start: string) => periodLabel(t, locale, kind, start);
  return (
    <>
      <p className="muted">
        {record.officer.position ?? ""} · {record.officer.unitName}
      </p>
      <h1>{t("career.titleOf", { name: record.officer.name })}</h1>
      <p className="muted small">{t("career.intro")}</p>
      <p className="form-actions">
        <a href={`/staf/kinerja-saya/riwayat.pdf${query}`}>{t("career.pdf")}</a>
        <Link to="/staf/kinerja-saya">{t("career.back")}</Link>
      </p>
      <h2 id="career-periods">{t("career.periods")}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="career-periods">
          <thead>
            <tr>
              <th scope="col">{t("career.period")}</th>
              <th scope="col">{t("career.hasilKerja")}</th>
              <th scope="col">{t("career.perilaku")}</th>
              <th scope="col">{t("career.predikat")}</th>
              <th scope="col">{t("career.finalised")}</th>
            </tr>
          </thead>
          <tbody>
            {record.periods.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t("career.noPeriods")}
                </td>
              </tr>
            ) : null}
            {record.periods.map((row) => (
              <tr key={row.planId}>
                <td>
                  <Link to={`/staf/penilaian/${row.planId}`}>{period(row.periodKind, row.periodStart)}</Link>
                  <div className="small muted">{formatDayRange(locale, row.periodStart, row.periodEnd)}</div>
                </td>
                <td>{t(`assessments.rating.${row.ratingHasilKerja}`)}</td>
                <td>{t(`assessments.rating.${row.ratingPerilaku}`)}</td>
                <td>
                  <strong>{t(`assessments.predikat.${row.predikat}`)}</strong>
                </td>
                <td className="small">
                  {formatDay(locale, row.finalisedAt, record.officer.timeZone)} · {row.assessorName}
                  {row.version > 1 ? <div>{t("career.version", { version: row.version })}</div> : null}
                  {row.objection === "none" ? null : <div>{t(`career.objection.${row.objection}`)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("career.trainings")}</h2>
      {record.trainings.length === 0 ? <p className="muted">{t("career.none")}</p> : null}
      <ul>
        {record.trainings.map((item) => (
          <li key={item.id}>
            {t(`assessments.training.topics.${item.topic}`)}
            {item.periodKind && item.periodStart ? <span className="muted small"> · {period(item.periodKind, item.periodStart)}</span> : null}
          </li>
        ))}
      </ul>
      <h2>{t("career.commendations")}</h2>
      {record.commendations.length === 0 ? <p className="muted">{t("career.none")}</p> : null}
      <ul>
        {record.commendations.map((item) => (
          <li key={item.id}>
            {item.note}
            {item.periodKind && item.periodStart ? <span className="muted small"> · {period(item.periodKind, item.periodStart)}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
