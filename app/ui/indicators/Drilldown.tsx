import { Form, Link, useLoaderData } from "@remix-run/react";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { formatDate, formatDateTime, formatMonth, formatNumber, formatPercent } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { BarsWithTable } from "~/ui/charts/BarsWithTable";
import { ElementBars } from "~/ui/indicators/ElementBars";
import { PeriodFilters } from "~/ui/indicators/PeriodFilters";
import type { DrilldownPageData } from "~/pages/drilldown-page.server";
import { periodFields, searchWith } from "~/http/drilldown-query";

type Data = ReturnType<typeof useLoaderData<() => Promise<DrilldownPageData>>>;

const PATH_SEGMENT = { counter: "loket", service: "layanan", officer: "petugas" } as const;

/** A drill-down's own address (without the query), e.g. /staf/indikator/12/petugas/345. */
export function drilldownPath(unitId: number, kind: keyof typeof PATH_SEGMENT, id: number): string {
  return `/staf/indikator/${unitId}/${PATH_SEGMENT[kind]}/${id}`;
}

/** One counter, service or officer: figures, trend, comments and complaints for the chosen period. */
export function DrilldownView({ data }: { data: Data }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { subject, unit, query, counts, ikm } = data;
  const num = (value: number, digits = 2) => formatNumber(locale, value, digits);
  const back = `/staf/indikator/${unit.id}${searchWith(query)}`;
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${unit.id}`}>{unit.name}</Link> · <Link to={back}>{t("indicators.title")}</Link>
      </p>
      <h1>{subject.name}</h1>
      <p className="muted">
        {t(`drilldown.kinds.${subject.kind}`)} · {subject.position ? `${subject.position} · ` : ""}
        {subject.unitName}
        {subject.inactive ? (
          <>
            {" "}
            <span className="badge warn">{t(`drilldown.inactive.${subject.kind}`)}</span>
          </>
        ) : null}
      </p>
      <PeriodFilters query={query} showPopulation={false} keep={{ unsur: query.comments.element, nilai: query.comments.score }} />
      <p className="form-actions">
        <a
          className="button secondary"
          href={`${drilldownPath(unit.id, subject.kind, subject.id)}.xlsx${searchWith(query, { unsur: query.comments.element, nilai: query.comments.score })}`}
          download
        >
          {t("drilldown.downloadXlsx")}
        </a>
      </p>

      <div className="kpis">
        {data.officer ? (
          <div className="kpi">
            <div className="label">{t("drilldown.serviceScore")}</div>
            {data.officer.score.kind === "scored" ? (
              <>
                <div className="value">{num(data.officer.score.shrunk)}</div>
                <div className="small">
                  {t("drilldown.interval", {
                    lower: num(data.officer.score.interval.lower),
                    upper: num(data.officer.score.interval.upper),
                  })}
                </div>
                <div className="small muted">
                  {t("indicators.rawMean")} {num(data.officer.score.rawMean)} · n ={" "}
                  {formatNumber(locale, data.officer.score.n)}
                </div>
              </>
            ) : (
              <>
                <div className="value">–</div>
                <div className="small badge warn">{t("indicators.notEnough")}</div>
                <div className="small muted">
                  {t("drilldown.notEnoughDetail", { n: data.officer.score.n, minimum: data.officer.score.minimum })}
                </div>
              </>
            )}
          </div>
        ) : null}
        <div className="kpi">
          <div className="label">{t("drilldown.ikmOfScope")}</div>
          <div className="value">{ikm ? num(ikm.ikmUnitRounded) : "–"}</div>
          <div className="small">
            {ikm
              ? `${t("indicators.mutu")} ${ikm.mutu} · ${t(`indicators.kinerja.${ikm.kinerja}`)}`
              : t("indicators.noSurveys")}
          </div>
        </div>
        <div className="kpi">
          <div className="label">{t("drilldown.ratings")}</div>
          <div className="value">{formatNumber(locale, counts.valid)}</div>
          <div className="small">
            {t("drilldown.ratingsSplit", {
              quick: formatNumber(locale, counts.quick),
              full: formatNumber(locale, counts.fullSurveys),
            })}
          </div>
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.quickRatings")}</div>
          <div className="value">{formatNumber(locale, counts.quick)}</div>
          <div className="small">
            {counts.quickMean !== null ? t("indicators.quickMean", { value: num(counts.quickMean) }) : ""}
          </div>
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.verifiedShare")}</div>
          <div className="value">
            {counts.verifiedShare === null ? "–" : formatPercent(locale, counts.verifiedShare)}
          </div>
          <div className="small">{t("indicators.leftOut", { flagged: counts.flagged, excluded: counts.excluded })}</div>
        </div>
        <div className="kpi">
          <div className="label">{t("drilldown.complaintsCount")}</div>
          <div className="value">{formatNumber(locale, data.complaints.total)}</div>
          <div className="small">{t("drilldown.complaintsInPeriod")}</div>
        </div>
      </div>
      {data.officer ? (
        <p className="muted small">
          {data.officer.unitMean === null
            ? t("drilldown.scoreHintNoMean", { unit: subject.unitName })
            : t("drilldown.scoreHint", { unit: subject.unitName, mean: num(data.officer.unitMean) })}
        </p>
      ) : null}

      <h2>{t("indicators.perElement")}</h2>
      {subject.kind === "officer" ? <p className="muted small">{t("drilldown.perElementOfficer")}</p> : null}
      <ElementBars nrr={ikm?.nrr ?? null} tallies={data.tallies} />

      <h2>{t("indicators.trend")}</h2>
      <BarsWithTable
        caption={t("indicators.trendCaption")}
        valueLabel={t("indicators.ikmUnit")}
        format={(value) => num(value)}
        domain={[25, 100]}
        reference={88.31}
        data={data.trend.map((point) => ({
          label: formatMonth(locale, point.month),
          value: point.ikmUnit,
          note: `n = ${formatNumber(locale, point.respondents)}`,
        }))}
      />

      <Comments data={data} />
      <Complaints data={data} />
    </>
  );
}

function Comments({ data }: { data: Data }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { query, comments, subject, unit } = data;
  const filter = query.comments;
  const filtered = filter.element !== null || filter.score !== null;
  const pageLink = (page: number) =>
    `${searchWith(query, { unsur: filter.element, nilai: filter.score, halaman: page === 1 ? null : page })}#komentar`;
  const csvHref = `${drilldownPath(unit.id, subject.kind, subject.id)}.csv${searchWith(query, { unsur: filter.element, nilai: filter.score })}`;
  return (
    <section aria-labelledby="komentar">
      <h2 id="komentar">{t("drilldown.comments.title")}</h2>
      <p className="muted small">{t("drilldown.comments.hint")}</p>
      {/* Keyed by the filters, so the fields show what is displayed after a client-side navigation. */}
      <Form method="get" className="filters comment-filters" preventScrollReset key={JSON.stringify(query)}>
        {periodFields(query).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div>
          <label htmlFor="unsur">{t("drilldown.comments.element")}</label>
          <select id="unsur" name="unsur" defaultValue={filter.element ?? ""}>
            <option value="">{t("drilldown.comments.anyElement")}</option>
            {ELEMENT_CODES.map((code) => (
              <option key={code} value={code}>
                {code} · {t(`ratings.elements.${code}.name`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="nilai">{t("drilldown.comments.score")}</label>
          <select id="nilai" name="nilai" defaultValue={filter.score ?? ""} aria-describedby="nilai-hint">
            <option value="">{t("drilldown.comments.anyScore")}</option>
            {[1, 2, 3, 4].map((score) => (
              <option key={score} value={score}>
                {score}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("drilldown.comments.apply")}</button>
        {filtered ? (
          <Link to={`${searchWith(query)}#komentar`} preventScrollReset className="button secondary">
            {t("drilldown.comments.reset")}
          </Link>
        ) : null}
        <p className="hint" id="nilai-hint" style={{ flexBasis: "100%" }}>
          {t("drilldown.comments.scoreHint")}
        </p>
      </Form>
      <p className="form-actions">
        <span role="status" className="comment-count">
          <strong>{t("drilldown.comments.count", { count: comments.total })}</strong>
          {comments.pageCount > 1
            ? ` · ${t("drilldown.comments.page", { page: comments.page, pages: comments.pageCount })}`
            : ""}
        </span>
        {comments.total > 0 ? (
          <a href={csvHref} download>
            {t("drilldown.comments.download")}
          </a>
        ) : null}
      </p>
      {comments.rows.length === 0 ? (
        <p className="notice">{t("drilldown.comments.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="comments-table">
            <caption className="visually-hidden">{t("drilldown.comments.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("drilldown.comments.when")}</th>
                {subject.kind !== "service" ? <th scope="col">{t("drilldown.comments.service")}</th> : null}
                {subject.kind !== "counter" ? <th scope="col">{t("drilldown.comments.counter")}</th> : null}
                {subject.kind !== "officer" ? <th scope="col">{t("drilldown.comments.officer")}</th> : null}
                <th scope="col" className="num">
                  {t("drilldown.comments.value")}
                </th>
                {filter.element ? (
                  <th scope="col" className="num">
                    {t("drilldown.comments.answerFor", { code: filter.element })}
                  </th>
                ) : null}
                <th scope="col">{t("drilldown.comments.comment")}</th>
                <th scope="col">{t("drilldown.comments.status")}</th>
              </tr>
            </thead>
            <tbody>
              {comments.rows.map((row) => (
                <tr key={row.id}>
                  <td className="nowrap">
                    {formatDateTime(locale, row.submittedAt, unit.timeZone)}
                    <div className="small muted">{t(`drilldown.comments.channels.${row.channel}`)}</div>
                  </td>
                  {subject.kind !== "service" ? <td>{row.serviceName}</td> : null}
                  {subject.kind !== "counter" ? <td>{row.counterName}</td> : null}
                  {subject.kind !== "officer" ? (
                    <td>{row.officerName ?? <span className="muted">{t("drilldown.comments.noOfficer")}</span>}</td>
                  ) : null}
                  <td className="num">
                    {row.value === null ? "–" : formatNumber(locale, row.value, row.kind === "quick" ? 0 : 2)}
                    <div className="small muted nowrap">
                      {t(row.kind === "quick" ? "drilldown.comments.quick" : "drilldown.comments.full")}
                    </div>
                    {row.kind === "full" ? (
                      <div className="small muted answers">
                        {ELEMENT_CODES.map((code) => `${code} ${row.answers[code] ?? "–"}`).join(" · ")}
                      </div>
                    ) : null}
                  </td>
                  {filter.element ? <td className="num element-answer">{row.answers[filter.element] ?? "–"}</td> : null}
                  <td className="comment-text">{row.comment}</td>
                  <td>
                    <span
                      className={
                        row.status === "valid" ? "badge ok" : row.status === "flagged" ? "badge warn" : "badge danger"
                      }
                    >
                      {t(`drilldown.comments.statuses.${row.status}`)}
                    </span>
                    {row.status === "flagged" && row.flagReasons.length > 0 ? (
                      <div className="small muted">
                        {row.flagReasons.map((reason) => t(`review.flags.${reason}`)).join(", ")}
                      </div>
                    ) : null}
                    {row.status === "excluded" && row.statusReason ? (
                      <div className="small muted">{row.statusReason}</div>
                    ) : null}
                    {row.verified ? <div className="small">{t("drilldown.comments.verified")}</div> : null}
                    {row.attributionRemoved ? (
                      <div className="small muted">{t("drilldown.comments.attributionRemoved")}</div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {comments.pageCount > 1 ? (
        <nav aria-label={t("drilldown.comments.pagination")} className="form-actions">
          {comments.page > 1 ? (
            <Link className="button secondary" to={pageLink(comments.page - 1)} preventScrollReset>
              {t("drilldown.comments.previous")}
            </Link>
          ) : null}
          {comments.page < comments.pageCount ? (
            <Link className="button secondary" to={pageLink(comments.page + 1)} preventScrollReset>
              {t("drilldown.comments.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

function Complaints({ data }: { data: Data }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { complaints, total } = data.complaints;
  const zone = data.unit.timeZone;
  return (
    <section aria-labelledby="pengaduan">
      <h2 id="pengaduan">{t("drilldown.complaints.title")}</h2>
      <p className="muted small">
        {t("drilldown.complaints.hint", { subject: t(`drilldown.complaints.subject.${data.subject.kind}`) })}
      </p>
      {complaints.length === 0 ? (
        <p className="notice">{t("drilldown.complaints.none")}</p>
      ) : (
        <>
          {total > complaints.length ? (
            <p className="small">{t("drilldown.complaints.limited", { shown: complaints.length, total })}</p>
          ) : null}
          <div className="table-wrap" tabIndex={0}>
            <table className="complaints-table">
              <caption className="visually-hidden">{t("drilldown.complaints.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("drilldown.complaints.code")}</th>
                  <th scope="col">{t("drilldown.complaints.status")}</th>
                  <th scope="col">{t("drilldown.complaints.deadline")}</th>
                  <th scope="col">{t("drilldown.complaints.report")}</th>
                  <th scope="col">{t("drilldown.complaints.outcome")}</th>
                  <th scope="col">{t("drilldown.complaints.replies")}</th>
                </tr>
              </thead>
              <tbody>
                {complaints.map((complaint) => (
                  <tr key={complaint.id}>
                    <td className="nowrap">
                      {data.mayOpenComplaints ? <Link to={`/staf/pengaduan/${complaint.id}`}>{complaint.trackingCode}</Link> : complaint.trackingCode}
                      <div className="small muted">{formatDateTime(locale, complaint.submittedAt, zone)}</div>
                      <div className="small muted">
                        {t(`complaints.form.categories.${complaint.category}`)} ·{" "}
                        {t(`complaints.form.visibilities.${complaint.visibility}`)}
                      </div>
                    </td>
                    <td>
                      {t(`complaints.status.${complaint.status}`)}
                      {complaint.escalated ? (
                        <>
                          {" "}
                          <span className="badge danger">{t("complaints.staff.escalated")}</span>
                        </>
                      ) : null}
                      {complaint.lateFiling ? (
                        <>
                          {" "}
                          <span className="badge">{t("complaints.staff.lateFiling")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {complaint.running ? (
                        <>
                          {complaint.running.status === "late" ? (
                            <span className="badge danger">{t("complaints.staff.late")}</span>
                          ) : null}
                          {complaint.running.status === "due_today" ? (
                            <span className="badge warn">{t("complaints.staff.dueToday")}</span>
                          ) : null}{" "}
                          <span className="nowrap">{formatDate(locale, complaint.running.due, zone)}</span>
                          <div className="small muted">{t(`complaints.staff.stage.${complaint.running.stage}`)}</div>
                        </>
                      ) : complaint.closedAt ? (
                        <span className="nowrap">
                          {t("drilldown.complaints.closedOn", { date: formatDate(locale, complaint.closedAt, zone) })}
                        </span>
                      ) : (
                        "–"
                      )}
                      {complaint.verifiedLate ? (
                        <div className="small badge warn">{t("drilldown.complaints.verifiedLate")}</div>
                      ) : null}
                      {complaint.followedUpLate ? (
                        <div className="small badge warn">{t("drilldown.complaints.followedUpLate")}</div>
                      ) : null}
                    </td>
                    <td>
                      {complaint.body}
                      {complaint.reportedOfficerName ||
                      complaint.officerName ||
                      complaint.counterName ||
                      complaint.serviceName ? (
                        <div className="small muted">
                          {[
                            complaint.counterName,
                            complaint.serviceName,
                            complaint.reportedOfficerName && complaint.reportedOfficerName !== complaint.officerName
                              ? t("drilldown.complaints.reportedOfficer", { name: complaint.reportedOfficerName })
                              : null,
                            complaint.officerName
                              ? t("drilldown.complaints.namedOfficer", { name: complaint.officerName })
                              : null,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </div>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      {complaint.upheld === true ? (
                        <span className="badge danger">{t("drilldown.complaints.upheld")}</span>
                      ) : complaint.upheld === false ? (
                        <span className="badge">{t("drilldown.complaints.notUpheld")}</span>
                      ) : complaint.status === "selesai" ? (
                        t("drilldown.complaints.autoClosed")
                      ) : complaint.status === "diarsipkan" || complaint.status === "bukan_wewenang" ? (
                        "–"
                      ) : (
                        <span className="muted">{t("drilldown.complaints.undecided")}</span>
                      )}
                    </td>
                    <td>
                      {complaint.replies.length === 0 ? (
                        <span className="muted">{t("drilldown.complaints.noReply")}</span>
                      ) : (
                        complaint.replies.map((reply, index) => (
                          <div key={index} className="reply">
                            {reply.text}
                            <div className="small muted">{formatDateTime(locale, reply.at, zone)}</div>
                          </div>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
